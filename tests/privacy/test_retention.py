"""Retention: each room's policy, the archive and its restore, records packages, the other stores."""

import datetime
import io
import json
import threading
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from chat import messages as chat_messages
from chat import retention
from chat.models import ArchivedMessage, Attachment, Membership, Message, Retention, Room
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def rooms(org):
    people = [org.people["aino"].user, org.people["matti"].user]

    def room(name, policy, days=None):
        made = Room.objects.create(kind="group", name=name, retention=policy, retention_days=days)
        for user in people:
            Membership.objects.create(room=made, user=user)
        return made

    return {
        "default": room("Oletus", Retention.DEFAULT),
        "casual": room("Kahvihuone", Retention.CASUAL),
        "records": room("Päätökset", Retention.RECORDS),
        "days": room("Kolme päivää", Retention.DAYS, 3),
    }, people


def post(room, user, body, *, age_days=0):
    message, _created = chat_messages.post_message(user=user, room_id=room.pk, body=body)
    if age_days:
        Message.objects.filter(pk=message.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=age_days)
        )
    return message


def test_each_room_keeps_what_its_policy_says(rooms, settings):
    settings.CHAT_RETENTION_DAYS = 30
    settings.CHAT_CASUAL_RETENTION_DAYS = 7
    by_name, (aino, matti) = rooms
    expected_gone, expected_kept = [], []
    for name, ages in {
        "default": (31, 29),
        "casual": (8, 6),
        "records": (5000, 1),
        "days": (4, 2),
    }.items():
        old, young = ages
        for n in range(3):
            message = post(by_name[name], aino if n % 2 else matti, f"{name} old {n}", age_days=old)
            (expected_kept if name == "records" else expected_gone).append(message.pk)
        expected_kept.append(post(by_name[name], aino, f"{name} young", age_days=young).pk)
    done = retention.expire_messages(batch=2)
    assert done == len(expected_gone)
    assert set(Message.objects.values_list("pk", flat=True)) == set(expected_kept)
    assert set(ArchivedMessage.objects.values_list("original_id", flat=True)) == set(expected_gone)


def test_the_organisation_default_none_keeps_everything(rooms, settings):
    settings.CHAT_RETENTION_DAYS = None
    by_name, (aino, _matti) = rooms
    post(by_name["default"], aino, "vanha", age_days=5000)
    assert retention.expire_messages() == 0


def test_archived_messages_are_restored_and_purged_after_the_archive_period(
    rooms, settings, administrator_user
):
    settings.CHAT_ARCHIVE_DAYS = 30
    by_name, (aino, _matti) = rooms
    room = by_name["days"]
    message = post(room, aino, "liitteen kanssa", age_days=10)
    attachment = Attachment(
        room=room,
        message=message,
        uploaded_by=aino,
        kind="file",
        original_name="a.txt",
        content_type="text/plain",
        size=3,
    )
    attachment.stored_extension = ".txt"
    attachment.file.save("a.txt", ContentFile(b"abc"), save=False)
    attachment.save()
    seq = message.seq
    assert retention.expire_messages() == 1
    archived = ArchivedMessage.objects.get(original_id=message.pk)
    assert archived.attachment_ids == [attachment.pk]

    restored = retention.restore(actor=administrator_user, archived_id=archived.pk)
    assert (restored.pk, restored.seq, restored.body, restored.author_id) == (
        message.pk,
        seq,
        "liitteen kanssa",
        aino.pk,
    )
    assert list(restored.attachments.values_list("pk", flat=True)) == [attachment.pk]
    assert AuditEvent.objects.filter(action="archive_restore", actor=administrator_user).exists()

    # Archived again; after the archive period the row and its file are gone for good.
    assert retention.expire_messages() == 1
    path = Attachment.objects.get(pk=attachment.pk).file.path
    assert retention.purge_archive(now=timezone.now() + datetime.timedelta(days=29)) == 0
    assert retention.purge_archive(now=timezone.now() + datetime.timedelta(days=31)) == 1
    assert not ArchivedMessage.objects.exists() and not Attachment.objects.filter(pk=attachment.pk).exists()
    import os

    assert not os.path.exists(path)


def test_a_deleted_message_waits_in_the_archive_and_moderation_is_audited(rooms, administrator_user):
    by_name, (aino, matti) = rooms
    room = by_name["default"]
    Membership.objects.filter(room=room, user=matti).update(role=Membership.Role.OWNER)
    message = post(room, aino, "poistettava")
    chat_messages.delete_message(user=matti, message_id=message.pk)
    archived = ArchivedMessage.objects.get(original_id=message.pk)
    assert archived.body == "poistettava" and archived.reason == "deleted"
    event = AuditEvent.objects.get(action="moderation")
    assert event.actor == matti and event.details["author"] == aino.pk
    retention.restore(actor=administrator_user, archived_id=archived.pk)
    message.refresh_from_db()
    assert message.body == "poistettava" and message.deleted_at is None


def test_retention_changes_are_audited_and_refuse_bad_input(rooms, administrator_user, client, staff_user):
    by_name, _people = rooms
    room = by_name["default"]
    client.force_login(administrator_user)
    url = reverse("privacy_chat_retention")
    assert client.get(url).status_code == 200
    client.post(url, {"room": room.pk, "retention": "days", "days": "abc"})
    room.refresh_from_db()
    assert room.retention == Retention.DEFAULT  # refused, nothing changed
    client.post(url, {"room": room.pk, "retention": "days", "days": "14"})
    room.refresh_from_db()
    assert (room.retention, room.retention_days) == ("days", 14)
    event = AuditEvent.objects.get(action="retention_change")
    assert event.details["to"] == {"retention": "days", "days": 14} and event.actor == administrator_user
    client.force_login(staff_user)
    assert client.post(url, {"room": room.pk, "retention": "casual"}).status_code in (302, 403)
    room.refresh_from_db()
    assert room.retention == "days"


def test_a_records_room_is_exported_as_a_package(rooms, administrator_user, client):
    by_name, (aino, matti) = rooms
    post(by_name["records"], aino, "Päätös 1")
    post(by_name["records"], matti, "Päätös 2")
    client.force_login(administrator_user)
    response = client.get(reverse("privacy_records_package", args=[by_name["records"].pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    messages = json.loads(archive.read("messages.json"))
    assert manifest["messages"] == 2 and [m["body"] for m in messages] == ["Päätös 1", "Päätös 2"]
    import hashlib

    assert manifest["sha256"]["messages.json"] == hashlib.sha256(archive.read("messages.json")).hexdigest()
    # Not for other rooms.
    other = client.get(reverse("privacy_records_package", args=[by_name["casual"].pk]))
    assert other.status_code == 302


def test_search_log_notifications_and_exports_go_after_their_periods(settings, staff_user):
    from privacy import retention as privacy_retention
    from realtime.models import Notification
    from search.models import SearchLog

    settings.SEARCH_LOG_RETENTION_DAYS = 10
    settings.NOTIFICATION_RETENTION_DAYS = 20
    old = timezone.now() - datetime.timedelta(days=15)
    for n in range(5):
        SearchLog.objects.create(query=f"q{n}", hits=1)
        Notification.objects.create(recipient=staff_user, key=f"k{n}", title="t")
    SearchLog.objects.filter(query__in=["q0", "q1"]).update(created_at=old)
    Notification.objects.filter(key="k0").update(created_at=timezone.now() - datetime.timedelta(days=21))
    result = privacy_retention.enforce_all()
    assert result["search_log"] == 2 and result["notifications"] == 1
    assert SearchLog.objects.count() == 3 and Notification.objects.count() == 4


@pytest.mark.engine
@pytest.mark.django_db(transaction=True)
def test_retention_deletes_exactly_the_expired_while_chat_goes_on(org, settings, monkeypatch):
    """A writer posts into the same room while the job archives its old messages in batches: the job takes
    exactly the old ones, every new message stays and none waits for the job to end."""
    settings.CHAT_RETENTION_DAYS = 30
    aino, matti = org.people["aino"].user, org.people["matti"].user
    room = Room.objects.create(kind="group", name="Kuormitus")
    for user in (aino, matti):
        Membership.objects.create(room=room, user=user)
    monkeypatch.setattr(chat_messages, "_check_rate", lambda user: None)  # the writer is a load, not a person
    Message.objects.bulk_create(
        [Message(room=room, seq=n, author=aino, body=f"old {n}") for n in range(1, 301)]
    )
    Room.objects.filter(pk=room.pk).update(last_seq=300)
    Message.objects.filter(room=room).update(created_at=timezone.now() - datetime.timedelta(days=40))
    posted, errors = [], []
    stop = threading.Event()

    def writer():
        from django.db import connections

        try:
            while not stop.is_set():
                message = post(room, matti, "uusi")
                posted.append(message.pk)
                # The chat's other writes on the young messages go on too (rows of the same tables).
                if len(posted) % 3 == 0:
                    chat_messages.react(user=aino, message_id=message.pk, emoji="👍")
                if len(posted) % 5 == 0:
                    chat_messages.edit_message(user=matti, message_id=message.pk, body="uusi, korjattu")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        done = retention.expire_messages(batch=25, pause=0.01)
    finally:
        stop.set()
        thread.join(10)
    assert not errors, errors
    assert done == 300 and posted
    assert set(Message.objects.filter(room=room).values_list("pk", flat=True)) == set(posted)
    assert ArchivedMessage.objects.filter(room=room).count() == 300
    assert set(ArchivedMessage.objects.filter(room=room).values_list("body", flat=True)) == {
        f"old {n}" for n in range(1, 301)
    }


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_job_never_waits_for_a_message_a_chat_transaction_holds(org, settings):
    """A chat transaction holding an old message (an edit in progress): the job archives the others without
    waiting for it (SKIP LOCKED), and the held message goes in the next run."""
    settings.CHAT_RETENTION_DAYS = 30
    aino = org.people["aino"].user
    room = Room.objects.create(kind="group", name="Lukitus")
    Membership.objects.create(room=room, user=aino)
    Message.objects.bulk_create(
        [Message(room=room, seq=n, author=aino, body=f"old {n}") for n in range(1, 61)]
    )
    Message.objects.filter(room=room).update(created_at=timezone.now() - datetime.timedelta(days=40))
    held_pk = Message.objects.filter(room=room, seq=30).values_list("pk", flat=True).get()
    locked, job_done, errors = threading.Event(), threading.Event(), []

    def holder():
        from django.db import connections, transaction

        try:
            with transaction.atomic():
                Message.objects.select_for_update().get(pk=held_pk)
                locked.set()
                job_done.wait(15)  # held until the job has finished (or 15 s: the job waited for it)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=holder)
    thread.start()
    assert locked.wait(10)
    try:
        done = retention.expire_messages(batch=7, pause=0)
        finished_while_held = thread.is_alive()
    finally:
        job_done.set()
        thread.join(20)
    assert not errors, errors
    assert finished_while_held, "the job waited for the chat's transaction"
    assert done == 59
    assert list(Message.objects.filter(room=room).values_list("pk", flat=True)) == [held_pk]
    assert retention.expire_messages(pause=0) == 1
    assert not Message.objects.filter(room=room).exists()
    assert ArchivedMessage.objects.filter(room=room).count() == 60
