"""News views: the feed (as the news section's page context), the article, the Atom feed and its token.

Thin: parse with a form, call news.services, render.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.atom import PlainTextAtomFeed
from news import discussion, fragments, mustread, readership, services
from news.models import FeedToken, NewsCategory
from news.permissions import editor_agency_ids, is_national_editor
from teams.models import Agency

# Entries in the Atom feed: a feed reader polls often and wants the latest only.
ATOM_ENTRIES = 30


class FeedFilterForm(forms.Form):
    """Category and publisher filters; an unknown value is ignored, never a server error."""

    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=NewsCategory.objects.all(),
        required=False,
        to_field_name="slug",
    )
    publisher = forms.ModelChoiceField(
        label=gettext_lazy("Publisher"),
        queryset=Agency.objects.order_by("kind", "name_fi"),
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].empty_label = gettext_lazy("All")
        self.fields["publisher"].empty_label = gettext_lazy("All")

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_bound and self.is_valid() else getattr(self, "cleaned_data", {})
        return {"category": data.get("category"), "publisher": data.get("publisher")}


def feed_context(request) -> dict:
    form = FeedFilterForm(request.GET or None)
    articles = services.feed(user=request.user, **form.filters())
    page = Paginator(articles, services.FEED_PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return {
        "filter_form": form,
        "feed_page": page,
        "items": fragments.render_cards(
            services.in_reader_language(page.object_list), request=request, level=2
        ),
        "query_string": query_string.urlencode(),
        "atom_url": reverse("news:feed_token"),
    }


def home_feed(request) -> list:
    """The top of the reader's feed for the home page (each item with its card's ``html``)."""
    items = services.in_reader_language(services.feed(user=request.user)[: services.HOME_FEED_SIZE])
    return fragments.render_cards(items, request=request, level=3)


def serve_article(request, page, *args, **kwargs):
    """Serve an article through Wagtail (preview, password, hooks) after noting that the reader opened it."""
    from wagtail.models import Page

    if not getattr(request, "is_preview", False):
        services.record_opened(user=request.user, article=page)
        readership.record_view(user=request.user, article=services.original_of(page))
    return Page.serve(page, request, *args, **kwargs)


def article_context(request, page) -> dict:
    original = services.original_of(page)
    user = request.user
    # Only people with the admin can edit; readers skip the permission queries.
    editor = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    can_edit = editor and original.permissions_for_user(user).can_edit()
    regional_agency_ids = editor_agency_ids(user) if editor else set()
    supplements = services.supplements_for(article=original, user=user)
    language = (get_language() or "fi")[:2]
    for supplement in supplements:
        supplement.text = supplement.text_for(language)
    context = {
        "article_fragment_key": fragments.article_fragment_key(request, page, original),
        "article_fragment_seconds": fragments.ARTICLE_FRAGMENT_SECONDS,
        "original": original,
        "supplements": supplements,
        "can_edit": can_edit,
        "is_editor": editor and (can_edit or is_national_editor(user) or bool(regional_agency_ids)),
    }
    context.update(mustread.article_context(request, original))
    context.update(discussion.article_context(request, original))
    if context["is_editor"]:
        context.update(readership.article_context(request, original))
        context["audience"] = services.audience_summary(article=original)
        context["supplement_add_url"] = (
            reverse("wagtailsnippets_news_regionalsupplement:add") + f"?article={original.pk}"
            if regional_agency_ids or is_national_editor(user)
            else None
        )
    return context


@require_http_methods(["GET"])
def feed_token(request):
    token = FeedToken.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("news:atom", args=[token.token])) if token else None
    return render(request, "news/feed_token.html", {"feed_url": feed_url})


@require_POST
def feed_token_renew(request):
    services.renew_feed_token(user=request.user)
    messages.success(request, _("You have a new feed address. The old one no longer works."))
    return redirect("news:feed_token")


@require_POST
def feed_token_revoke(request):
    services.revoke_feed_token(user=request.user)
    messages.success(request, _("Your feed address was removed. It no longer works."))
    return redirect("news:feed_token")


@login_not_required  # the secret token in the address is the credential
@require_http_methods(["GET", "HEAD"])
def atom(request, token):
    user = services.users_by_feed_token(token=token)
    if user is None:
        raise Http404(_("No such feed."))
    items = services.in_reader_language(services.feed(user=user)[:ATOM_ENTRIES], language="fi")
    prefetch_related_objects([item.article for item in items], "categories")
    feed = PlainTextAtomFeed(
        title=_("Taimi – my news"),
        link=request.build_absolute_uri("/uutiset/"),
        description=_("National and regional news for you"),
        language="fi",
        feed_url=request.build_absolute_uri(),
    )
    for item in items:
        url = request.build_absolute_uri(item.text.url or "/uutiset/")
        feed.add_item(
            title=item.text.title,
            link=url,
            description=item.text.lead,
            unique_id=f"urn:uuid:{item.article.translation_key}",
            pubdate=item.article.first_published_at,
            updateddate=item.article.last_published_at or item.article.first_published_at,
            author_name=item.article.publisher.name_fi,
            categories=[category.name_fi for category in item.article.categories.all()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
