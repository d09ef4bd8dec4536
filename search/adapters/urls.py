"""Page URLs for a whole batch of pages at once (what ``page.url`` returns, without its per-page cost).

Wagtail's ``Page.url`` finds the page's site among the site root paths and
reverses ``wagtail_serve`` with the page's language activated: a cache lookup,
a translation switch and a URL reversal for every page (about 0.7 ms each
here; most of an instruction document's cost). A batch has one set of site
root paths and one URL prefix per language, so :func:`page_urls` reads the
root paths once, reverses once per (language, root) and builds every URL from
``url_path`` with the same quoting ``reverse`` applies. The result equals
``page.url`` (tests/search/test_adapter_batches.py checks every demo page).
"""

from __future__ import annotations

from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant

# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
SAFE = "!$&'()*+,;=" + "/~:@"
PLACEHOLDER = "taimi-url-placeholder"


def _prefix(language_code: str) -> tuple[str, str] | None:
    """(before, after) of the reversed ``wagtail_serve`` URL around the page path, for one language."""
    try:
        with translation.override(language_code):
            reversed_ = reverse("wagtail_serve", args=(PLACEHOLDER + "/",))
    except NoReverseMatch:
        return None
    before, _, after = reversed_.partition(PLACEHOLDER)
    return before, after


def page_urls(pages) -> dict[int, str]:
    """{page pk: its URL as ``page.url`` gives it} for pages with ``url_path`` loaded; unroutable pages are left out."""
    from django.conf import settings
    from wagtail.models import Site

    roots = Site.get_site_root_paths()
    single_site = len({root.site_id for root in roots}) == 1
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    active = translation.get_language()
    prefixes: dict[str, tuple[str, str] | None] = {}
    urls: dict[int, str] = {}
    for page in pages:
        root = next((r for r in roots if page.url_path.startswith(r.root_path)), None)
        if root is None:
            continue
        language = root.language_code
        if i18n:
            try:
                if get_supported_content_language_variant(active) == language:
                    language = active
            except LookupError:
                pass
        if language not in prefixes:
            prefixes[language] = _prefix(language if i18n else active)
        prefix = prefixes[language]
        if prefix is None:
            continue
        rest = page.url_path[len(root.root_path) :]
        # reverse() quotes the path it builds; the prefix came out of reverse() already quoted.
        path = prefix[0] + quote(rest, safe=SAFE) + prefix[1][1:]
        if path.startswith("//"):
            path = "/%2F" + path[2:]
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        urls[page.pk] = path if single_site else root.root_url + path
    return urls


def reverse_template(viewname: str, kwarg: str):
    """A function value -> ``reverse(viewname, kwargs={kwarg: value})``, reversing once (for a batch of objects).

    The value is quoted as ``reverse`` quotes it; the caller's active language applies, as with ``reverse``."""
    before, _, after = reverse(viewname, kwargs={kwarg: PLACEHOLDER}).partition(PLACEHOLDER)

    def url(value) -> str:
        return before + quote(str(value), safe=SAFE) + after

    return url
