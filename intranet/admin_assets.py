"""Two files every Wagtail admin page loads, made cacheable (docs/architecture.md, "Admin page speed").

Wagtail serves its icon sprite (``/admin/sprite/?h=…``, 65 kB of SVG) and its
JavaScript translation catalog (``/admin/jsi18n/``, a script that blocks the
page's other scripts) through views marked never-cache, so the browser fetched
and the server rebuilt both on every admin page. Here:

- the sprite is built once per process and cached by the browser for a year:
  its address carries a hash of its content, so a new Wagtail gets a new address;
- the catalog is built once per process and language; the browser keeps it for
  ten minutes (``Vary: Cookie``: switching the language with the FI/SV/EN buttons
  changes the cookie and fetches it again; a new admin language chosen in the
  account settings reaches the scripts' few strings within ten minutes), then
  asks "still the same?" with its ETag and gets an empty 304.
"""

import hashlib

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from wagtail.admin.icons import get_icons
from wagtail.admin.localization import get_localized_response
from wagtail.admin.views.i18n import js_catalog

CATALOG_SECONDS = 10 * 60
_sprite: bytes | None = None
_catalogs: dict[str, tuple[bytes, str, str]] = {}  # language → (body, content type, ETag)


def sprite(request):
    global _sprite
    if _sprite is None:
        _sprite = get_icons().encode()
    response = HttpResponse(_sprite, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    return response


def _catalog(request):
    language = get_language() or ""
    if language not in _catalogs:
        built = js_catalog(request)
        body = built.content
        _catalogs[language] = (body, built["Content-Type"], f'"{hashlib.sha256(body).hexdigest()[:32]}"')
    body, content_type, etag = _catalogs[language]
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = f"private, max-age={CATALOG_SECONDS}"
    patch_vary_headers(response, ["Cookie"])
    return response


def javascript_catalog(request):
    """Wagtail's catalog in the editor's admin language (as Wagtail's own view), built once per language."""
    return get_localized_response(_catalog, request)
