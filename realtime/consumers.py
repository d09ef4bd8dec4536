"""The websocket consumer: one connection per browser tab.

Only signed-in users are accepted (close code 4401 otherwise). Every frame is
validated by :mod:`realtime.protocol`; a bad frame gets an error frame back and
the connection stays open. On connect the consumer joins the user's own group
and the audience groups of realtime.groups (everyone, agency, home location,
unit, teams), so that an audience-wide event is one group send.
"""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from realtime import groups as realtime_groups
from realtime.protocol import FrameError, parse_frame

# Application close code for "not authenticated" (4000-4999 are ours to use).
CLOSE_UNAUTHENTICATED = 4401


user_group = realtime_groups.user_group


@database_sync_to_async
def _connection_state(user) -> tuple[list[str], int]:
    """The groups this user's connection joins, and their unread notification count (2 queries)."""
    from realtime.models import Notification
    from teams.models import Person

    person = Person.objects.filter(user=user).prefetch_related("memberships").first()
    if person is None:
        names = realtime_groups.person_groups(user_id=user.pk)
    else:
        names = realtime_groups.person_groups(
            user_id=user.pk,
            agency_id=person.agency_id,
            location_id=person.home_location_id,
            unit_id=person.unit_id,
            team_ids=[membership.team_id for membership in person.memberships.all()],
        )
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return names, unread


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
        self.groups_joined, unread = await _connection_state(user)
        for name in self.groups_joined:
            await self.channel_layer.group_add(name, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "user": user.get_username(), "unread_notifications": unread})

    async def disconnect(self, code):
        for name in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(name, self.channel_name)

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
