"""The main navigation, in one place.

An item whose URL does not resolve yet (its feature arrives in a later issue)
is shown as "coming soon" rather than as a broken link.
"""

import functools
from dataclasses import dataclass

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


MAIN_NAVIGATION = [
    NavItem(_("Home"), "home"),
    NavItem(_("News"), "news:index"),
    NavItem(_("Events"), "events:index"),
    NavItem(_("Instructions"), "instructions:index"),
    NavItem(_("Strategy"), "strategy:index"),
    NavItem(_("People"), "teams:directory"),
    NavItem(_("Teams"), "teams:team_list"),
    NavItem(_("Locations"), "teams:location_list"),
    NavItem(_("Chat"), "chat:index"),
]


# Section pages named by the navigation's labels where there is no content in the reader's language
# (the English interface: content is written in Finnish and Swedish). Keys are model names.
SECTION_LABELS = {
    "homepage": _("Home"),
    "newsindexpage": _("News"),
    "eventindexpage": _("Events"),
    "instructionlibrarypage": _("Instructions"),
}


def section_title(page) -> str:
    """A page's title as a heading or link: a section's navigation label in the English UI, else its title."""
    from django.conf import settings
    from django.utils.translation import get_language

    language = (get_language() or "fi")[:2]
    label = SECTION_LABELS.get(page._meta.model_name)
    if label is not None and language not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return str(label)
    return page.title


@functools.lru_cache(maxsize=32)
def _urls(prefix: str, urlconf, language: str | None) -> tuple:
    """The items' URLs, reversed once per process (and URL prefix, URLconf and language: tests change them)."""
    return tuple(item.url() for item in MAIN_NAVIGATION)


def navigation_for(path: str) -> list[dict]:
    items = []
    urls = _urls(get_script_prefix(), get_urlconf(), get_language())
    for item, url in zip(MAIN_NAVIGATION, urls, strict=True):
        active = url is not None and (path == url if url == "/" else path.startswith(url))
        items.append({"label": item.label, "url": url, "active": active, "key": item.url_name})
    return items
