"""Wagtail locale ids by language code, cached per process (a query saved on every page that needs one)."""

from wagtail.models import Locale

# Locale ids by language code, per process: a locale's row never changes once
# created (pages protect it from deletion), and news.apps clears this when a
# Locale is saved or deleted (news.apps connects it). Saves a query per lookup on every news page.
_locale_ids: dict[str, int] = {}


def locale_id(language_code: str) -> int | None:
    found = _locale_ids.get(language_code)
    if found is None:
        found = Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        if found is not None:
            _locale_ids[language_code] = found
    return found


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()


def default_locale_id() -> int:
    """The default content locale's id, as ``Locale.get_default()`` finds it, without its query per call."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    found = locale_id(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return found if found is not None else Locale.get_default().pk
