"""The websocket consumer: one connection per browser tab.

Only signed-in users are accepted (close code 4401 otherwise). Every frame is
validated by :mod:`realtime.protocol`; a bad frame gets an error frame back and
the connection stays open. Later issues add presence and chat frame handlers.
"""

import json

from channels.generic.websocket import AsyncWebsocketConsumer

from realtime.protocol import FrameError, parse_frame

# Application close code for "not authenticated" (4000-4999 are ours to use).
CLOSE_UNAUTHENTICATED = 4401


def user_group(user_id: int) -> str:
    """Channel-layer group that reaches every open connection of one user."""
    return f"user.{user_id}"


class RealtimeConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            # Accept, then close with our code: a close during the handshake
            # reaches browsers only as 1006, which says nothing about why.
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user = user
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "user": user.get_username()})

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = parse_frame(text_data)
        except FrameError as error:
            await self.send_json(error.as_frame())
            return
        if frame.type == "ping":
            await self.send_json({"type": "pong", "ref": frame.ref})

    async def send_json(self, payload: dict):
        await self.send(text_data=json.dumps(payload, ensure_ascii=False))

    async def push(self, event):
        """Deliver a frame that realtime.actions built once for many recipients."""
        await self.send(text_data=event["frame"])
