"""The baseline of bench/realtime.py: a textbook Channels consumer (groups on the channel layer).

Same authentication and origin check as the app; each connection joins its
``user.<id>`` group and ``everyone`` with ``group_add`` and a watcher joins a
``watchers`` group; a presence change is one ``group_send`` that the layer turns
into one message per recipient. Run only by the benchmark (in-memory layer).
"""

import json
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402


class TextbookConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope["user"]
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        self.user_id = user.pk
        self.groups_joined = [f"user.{user.pk}", "everyone"]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send(json.dumps({"type": "hello", "user_id": user.pk}))

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        frame = json.loads(text_data)
        kind = frame.get("type")
        if kind == "subscribe":
            await self.channel_layer.group_add("watchers", self.channel_name)
            self.groups_joined.append("watchers")
            await self.send(json.dumps({"type": "subscribed", "ref": frame.get("ref")}))
        elif kind == "presence.set":
            status = frame.get("status") or "online"
            text = json.dumps({"type": "presence", "people": {str(self.user_id): {"status": status}}})
            await self.channel_layer.group_send("watchers", {"type": "push", "frame": text})
        elif kind == "ping":
            await self.send(json.dumps({"type": "pong", "ref": frame.get("ref")}))

    async def push(self, event):
        await self.send(text_data=event["frame"])


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter([path("ws/", TextbookConsumer.as_asgi())]))
        ),
    }
)
