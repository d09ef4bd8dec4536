"""One URL per page whatever the reader's language: Wagtail's serving with the reader's language version.

Used by the shell's catch-all URL and by the apps that name their section's index URL (news, instructions).
"""

import functools

from django.http import Http404
from django.utils import translation


def serve_page(request, path):
    """Serve a Wagtail page at its one URL, in the reader's language where a version exists.

    Finnish is the canonical tree: the path is routed there (or, for a page that
    exists only in Swedish, in the Swedish tree), then the live version in the
    active UI language replaces it if there is one. Swedish readers therefore
    see the Swedish version where it exists and the Finnish one otherwise, at
    the same address, and there is one URL per article to share.
    """
    from wagtail import views as wagtail_views
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.url_routing import RouteResult

    from core import shell_cache
    from core.locales import locale_id

    site = shell_cache.find_site(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]

    def roots():
        yield site.root_page
        yield from site.root_page.get_translations().live()

    for root in roots():
        try:
            page, args, kwargs = _route(request, root, components)
        except Http404:
            continue
        try:
            active = locale_id(get_supported_content_language_variant(translation.get_language()))
        except LookupError:  # a UI language with no content (English): the page as routed, as Wagtail does
            active = None
        if active is not None and active != page.locale_id:
            localized = page.localized
            if localized.pk != page.pk:
                page = localized.specific
        request._wagtail_route_for_request = RouteResult(page, args, kwargs)
        return wagtail_views.serve(request, path)
    raise Http404


@functools.cache
def _default_routing_only() -> bool:
    """True when no page type overrides Page.route (then a page's URL is its url_path)."""
    from wagtail.models import Page, get_page_models

    return all(model.route is Page.route for model in get_page_models())


def _route(request, root, components: list[str]):
    """Wagtail's routing from ``root``: one query by url_path when no page type routes on its own.

    Page.route walks the path one level at a time (two queries per level: the
    child, then its specific page); with only default routing the live page
    whose url_path is the path is the same page, found at once (two queries
    whatever the depth).
    """
    from wagtail.models import Page
    from wagtail.url_routing import RouteResult

    if not components or not _default_routing_only():
        return root.specific.route(request, components)
    url_path = root.url_path + "".join(f"{component}/" for component in components)
    # The slug narrows the search to a few rows by its index; url_path has none.
    page = Page.objects.filter(slug=components[-1], url_path=url_path, live=True).specific().first()
    if page is None:
        raise Http404
    return RouteResult(page)
