"""ASGI entry point served by Daphne: HTTP through Django, websockets through Channels.

Websocket connections are authenticated with the Django session cookie (in one
database hop with the connection's profile: realtime/auth.py) and only
accepted from this site's own origin, scheme, host and port (cross-site
websocket hijacking guard: realtime/origin.py). HTTP request bodies over their
path's limit are refused with 413 (realtime/request_limits.py: in the server
under realtime.daphne_server, and by the middleware here under any other). Under
overload a request waits for a turn, then gets 503 (core/overload.py).
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
# Initialise Django (apps, models) before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from core.overload import ConcurrencyLimit  # noqa: E402
from realtime.auth import WebsocketAuthMiddleware  # noqa: E402
from realtime.origin import OriginValidator  # noqa: E402
from realtime.request_limits import RequestLimitMiddleware  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402
from search.engines.embedded_store import forbid_writes  # noqa: E402

# Web processes only read the embedded search index; the worker is its one writer.
forbid_writes()
# Multiprocess metrics: live gauges of processes killed without a goodbye are dropped (core/metrics.py).
from core.metrics import forget_dead_processes  # noqa: E402

forget_dead_processes()

# Everything imported so far (Django, Wagtail, the URLconf's modules: about a million objects) lives as long
# as the process. Moved out of the collector's reach, a full collection no longer walks it: such a pause
# (tens of ms, at an allocation count nobody controls) was the worst chat delivery of a benchmark run.
gc.collect()
gc.freeze()


class CountOpenSockets:
    """The open-websockets gauge of /metrics (core.metrics): up when a client's handshake arrives, down when
    its application ends. It watches ``receive`` only: the consumer's ``send`` must stay Daphne's own
    (realtime/wire.py writes to the socket through it)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        from core.metrics import WEBSOCKETS_OPEN

        counted = False

        async def watching_receive():
            nonlocal counted
            message = await receive()
            if message["type"] == "websocket.connect" and not counted:
                counted = True
                WEBSOCKETS_OPEN.inc()
            return message

        try:
            await self.app(scope, watching_receive, send)
        finally:
            if counted:
                WEBSOCKETS_OPEN.dec()


application = ProtocolTypeRouter(
    {
        # At most HTTP_MAX_CONCURRENCY requests at once, then a short queue, then 503 (core/overload.py).
        "http": ConcurrencyLimit(RequestLimitMiddleware(django_asgi_app)),
        "websocket": CountOpenSockets(
            OriginValidator(WebsocketAuthMiddleware(URLRouter(websocket_urlpatterns)))
        ),
    }
)
