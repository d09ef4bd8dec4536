"""Finnish-first language selection."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class FinnishFirstLocaleMiddleware(LocaleMiddleware):
    """Finnish unless the user picked another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and
    many staff laptops are set to English; the intranet is Finnish first, so
    only the explicit choice (the language cookie) counts.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
