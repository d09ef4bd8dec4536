"""Sequence numbers under concurrency: many writers in one room get 1..N without gaps or duplicates."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection

from chat import messages, rooms
from chat.models import Message
from tests.factories import UserFactory

# Real concurrency needs a database shared between threads: the test database on SQLite lives in
# memory, per connection, so this runs on PostgreSQL (CI's first phase).
pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WRITERS = 6
EACH = 8


def test_concurrent_posts_get_consecutive_unique_numbers():
    cache.clear()
    users = [UserFactory(username=f"kirjoittaja{n}") for n in range(WRITERS)]
    room = rooms.create_room(user=users[0], name="Ruuhka", member_ids=[u.pk for u in users[1:]])
    errors = []
    start = threading.Barrier(WRITERS)

    def write(user):
        try:
            start.wait()
            for number in range(EACH):
                messages.post_message(
                    user=user,
                    room_id=room.pk,
                    body=f"{user.username} {number}",
                    client_id=f"{user.username}-{number}",
                )
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = sorted(Message.objects.filter(room=room).values_list("seq", flat=True))
    assert seqs == list(range(1, WRITERS * EACH + 1))
    room.refresh_from_db()
    assert room.last_seq == WRITERS * EACH
