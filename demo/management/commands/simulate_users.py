"""Simulate N people online: real websocket clients against a running server, for demos and benchmarks.

    manage.py simulate_users 200 --url http://127.0.0.1:8000 --duration 600

Signs in the first N active people with a profile (a session each, written to
the database the server reads), opens one websocket per person, and then,
until the duration ends or Ctrl+C, now and then makes one of them idle
("away"), active again, busy or back to automatic, and sets a few custom
statuses, at a rate of --changes per second in all. The sessions are deleted
at the end.
"""

import asyncio
import datetime
import json
import random
import time

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from teams.models import Person

STATUS_TEXTS = [("🍜", "Lounaalla"), ("📞", "Puhelimessa"), ("🚆", "Junassa"), ("📚", "Koulutuksessa")]


class Command(BaseCommand):
    help = "Simulate N online users with real websocket clients (demos and benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument("--duration", type=float, default=300.0, help="seconds (default 300)")
        parser.add_argument("--changes", type=float, default=2.0, help="presence changes per second in all")

    def handle(self, *args, count, url, duration, changes, **options):
        try:
            import websockets  # noqa: F401
        except ImportError:  # pragma: no cover
            raise CommandError("The websockets package is missing: pip install websockets") from None
        if count < 1:
            raise CommandError("Give a positive number of users.")
        people = list(Person.objects.active().select_related("user").order_by("pk")[:count])
        if not people:
            raise CommandError("No people: run manage.py demo_data first.")
        keys = []
        for person in people:
            session = SessionStore()
            session[SESSION_KEY] = str(person.user_id)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = person.user.get_session_auth_hash()
            session.set_expiry(int(duration) + 600)
            session.create()
            keys.append(session.session_key)
        self.stdout.write(f"Connecting {len(keys)} people to {url} …")
        try:
            asyncio.run(self.simulate(url, keys, duration, changes))
        except KeyboardInterrupt:
            pass
        finally:
            Session.objects.filter(session_key__in=keys).delete()

    async def simulate(self, url, keys, duration, rate):
        import websockets

        ws_url = url.replace("http", "ws", 1).rstrip("/") + "/ws/"
        semaphore = asyncio.Semaphore(50)

        async def open_one(key):
            async with semaphore:
                ws = await websockets.connect(
                    ws_url,
                    origin=url,
                    ping_interval=None,
                    additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={key}"},
                )
                await ws.recv()  # hello
                return ws

        started = time.monotonic()
        sockets = [
            s
            for s in await asyncio.gather(*(open_one(k) for k in keys), return_exceptions=True)
            if not isinstance(s, BaseException)
        ]
        self.stdout.write(
            f"{len(sockets)} online after {time.monotonic() - started:.1f} s; simulating for {duration:.0f} s"
        )

        async def drain(ws):
            try:
                async for _frame in ws:
                    pass
            except Exception:  # noqa: BLE001 - a closed socket ends its reader
                return

        readers = [asyncio.ensure_future(drain(ws)) for ws in sockets]
        deadline = time.monotonic() + duration
        while time.monotonic() < deadline and sockets:
            ws = random.choice(sockets)
            roll = random.random()
            if roll < 0.5:
                frame = {"type": "presence.activity", "state": random.choice(["away", "online"])}
            elif roll < 0.8:
                frame = {"type": "presence.set", "status": random.choice(["", "", "busy", "dnd"])}
            else:
                emoji, text = random.choice(STATUS_TEXTS)
                until = (timezone.now() + datetime.timedelta(minutes=30)).isoformat()
                frame = {"type": "presence.set", "emoji": emoji, "text": text, "until": until}
            try:
                await ws.send(json.dumps(frame))
            except Exception:  # noqa: BLE001
                sockets.remove(ws)
            await asyncio.sleep(1 / max(rate, 0.01))
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
        for reader in readers:
            reader.cancel()
        self.stdout.write("Done.")
