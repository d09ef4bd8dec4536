"""The floor of bench/realtime.py: a bare consumer on the same Daphne, no authentication, no state.

It accepts and sends a one-line ``hello``; nothing else. What it costs per
connection (memory, server CPU, connect time) is Daphne's, Twisted's and
autobahn's own overhead, which no application code can go below. The app's
figures are reported against it in the same run.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
django_asgi_app = get_asgi_application()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402


class BareConsumer(AsyncWebsocketConsumer):
    channel_layer_alias = "__none__"  # no channel layer: nothing per socket beyond Daphne's own

    async def dispatch(self, message):
        # Channels' dispatch hops to a thread (close_old_connections) on every
        # message; a floor has no database, so it goes straight to the handler.
        await getattr(self, message["type"].replace(".", "_"))(message)

    async def connect(self):
        await self.accept()
        await self.send('{"type": "hello"}')


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": URLRouter([path("ws/", BareConsumer.as_asgi())]),
    }
)
