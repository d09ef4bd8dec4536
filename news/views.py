"""News views: the Atom feed and its token (the feed page and the article: news.page_context).

Thin: parse with a form, call news.services, render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.atom import PlainTextAtomFeed
from news import services
from news.models import FeedToken

# Entries in the Atom feed: a feed reader polls often and wants the latest only.
ATOM_ENTRIES = 30


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
