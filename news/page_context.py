"""What the news pages show: the feed as the news section's context, the home page's top of the feed, and
an article's serving and context. Called by the page models (news.models.pages) and the home page, so the
models never import views; thin, over news.services.
"""

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy

from core import shell_cache
from news import discussion, fragments, mustread, readership, services
from news.models import NewsCategory
from news.permissions import editor_agency_ids, is_national_editor
from teams.models import Agency


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
        "filter_fields": filter_fields_html(form),
        "feed_page": page,
        "items": fragments.render_cards(
            services.in_reader_language(page.object_list), request=request, level=2
        ),
        "query_string": query_string.urlencode(),
        "atom_url": reverse("news:feed_token"),
    }


FILTERS_TEMPLATE = "news/_feed_filters.html"


def filter_fields_html(form: FeedFilterForm) -> str:
    """The filter fields; without filters chosen, cached per language: the categories' and agencies' options
    (two queries, some fifty options) change only when a category or an agency is saved or deleted, which
    replaces the cards' generation token (news.apps)."""
    if form.is_bound:
        return render_to_string(FILTERS_TEMPLATE, {"filter_form": form})
    key = f"news:filters:{fragments.generation()}:{fragments.code_version()}:{(get_language() or 'fi')[:2]}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(FILTERS_TEMPLATE, {"filter_form": form})
        cache.set(key, html, fragments.CARD_SECONDS)
    return mark_safe(html)


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
    editor = shell_cache.can_access_admin(user)
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
