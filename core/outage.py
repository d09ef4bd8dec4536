"""A backing service that is away (the database restarting or out of connections, Redis down) is an outage,
not a bug: the answer is "try again shortly", never a 500 (docs/resilience.md).

* :func:`is_outage` tells such an error from a bug: Django's ``OperationalError`` and ``InterfaceError``
  (connection refused or lost, "too many clients", a pool that gave no connection in time), Redis'
  connection and timeout errors.
* :func:`server_error` (the URLconf's ``handler500``) turns one that escapes a view or a middleware into
  ``503 Service Unavailable`` with ``Retry-After``, at once, with a short page in the reader's language;
  :class:`ServiceUnavailableMiddleware` does the same for a view, for a server with ``DEBUG`` on.
* The websocket consumer answers a frame that met one with an ``unavailable`` error carrying the frame's
  ``ref`` (realtime/consumers.py), and the chat client sends the message again (same client id).
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds a browser or the front door is told to wait before trying again.
RETRY_AFTER_SECONDS = 5


def _outage_types() -> tuple:
    types: list = [OperationalError, InterfaceError]
    try:
        import redis

        types += [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]
    except ImportError:  # pragma: no cover - redis is a dependency
        pass
    try:
        from psycopg_pool import PoolTimeout

        types.append(PoolTimeout)
    except ImportError:
        pass
    return tuple(types)


OUTAGE_TYPES = _outage_types()


def is_outage(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says a backing service is away rather than a bug."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OUTAGE_TYPES):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def unavailable_response() -> HttpResponse:
    title = _("The service is briefly unavailable")
    text = _("Please try again in a moment. Nothing you have saved is lost.")
    body = (
        '<!doctype html><html lang="{lang}"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>{title}</title><main><h1>{title}</h1><p>{text}</p></main></html>"
    ).format(lang=escape(get_language() or "fi"), title=escape(title), text=escape(text))
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, *args, **kwargs):
    """``handler500``: 503 for an outage wherever it was raised (a middleware reading the session, a view,
    a template), Django's own 500 page otherwise. Django calls it while handling the exception."""
    import sys

    from django.views import defaults

    error = sys.exc_info()[1]
    if error is not None and is_outage(error):
        logger.warning("503 for %s %s: %s: %s", request.method, request.path, type(error).__name__, error)
        return unavailable_response()
    return defaults.server_error(request, *args, **kwargs)


class ServiceUnavailableMiddleware:
    """503 with Retry-After, not 500, when a view meets an outage (:func:`is_outage`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except Exception as error:
            if is_outage(error):
                return self._unavailable(request, error)
            raise

    def process_exception(self, request, exception):
        if is_outage(exception):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, error) -> HttpResponse:
        logger.warning("503 for %s %s: %s: %s", request.method, request.path, type(error).__name__, error)
        return unavailable_response()
