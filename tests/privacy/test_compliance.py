"""Compliance export of chat messages: administrators choose time range, keyword, sender and room; the
worker builds the file with progress; the link expires; the request and the downloads are audited; no
other role can ask, follow or download."""

import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from chat import messages as chat_messages
from chat.models import Membership, Message, Room
from core.models import AuditEvent
from privacy import compliance
from privacy.models import ComplianceExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def chat(org):
    aino, matti = org.people["aino"].user, org.people["matti"].user
    rooms = {}
    for name in ("Hankinnat", "Kahvihuone"):
        rooms[name] = Room.objects.create(kind="group", name=name)
        for user in (aino, matti):
            Membership.objects.create(room=rooms[name], user=user)

    def say(room, user, body, days_ago=0):
        message, _created = chat_messages.post_message(user=user, room_id=rooms[room].pk, body=body)
        Message.objects.filter(pk=message.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        return message.pk

    said = {
        "match": say("Hankinnat", aino, "Tarjous saapui: SOPIMUS allekirjoitetaan", 3),
        "other_sender": say("Hankinnat", matti, "sopimus on luettu", 3),
        "other_room": say("Kahvihuone", aino, "sopimus kahvinkeittimestä", 3),
        "too_old": say("Hankinnat", aino, "vanha sopimus", 40),
        "no_keyword": say("Hankinnat", aino, "hyvää huomenta", 3),
    }
    return rooms, aino, matti, said


def _form(rooms, aino, **changes):
    today = timezone.localdate()
    form = {
        "since": (today - datetime.timedelta(days=10)).isoformat(),
        "until": today.isoformat(),
        "keyword": "sopimus",
        "sender": aino.username,
        "room": str(rooms["Hankinnat"].pk),
    }
    form.update(changes)
    return form


def _zip(response) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return {name: archive.read(name) for name in archive.namelist()}


def test_an_administrator_exports_by_keyword_sender_time_and_room(
    client, chat, administrator_user, django_capture_on_commit_callbacks
):
    rooms, aino, _matti, said = chat
    client.force_login(administrator_user)
    assert client.get(reverse("privacy_compliance")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy_compliance"), _form(rooms, aino))
    assert response.status_code == 302
    export = ComplianceExport.objects.get()
    export.refresh_from_db()  # the immediate job backend of the tests built it on commit
    assert export.status == ComplianceExport.Status.READY and export.messages == 1
    status = client.get(reverse("privacy_compliance_status", args=[export.token])).json()
    assert status["progress"] == 100 and status["url"]
    files = _zip(client.get(status["url"]))
    assert set(files) == {"messages.json", "messages.csv", "manifest.json"}
    rows = json.loads(files["messages.json"])
    assert [row["id"] for row in rows] == [said["match"]]
    assert rows[0]["sender"] == aino.username and rows[0]["room"] == "Hankinnat"
    manifest = json.loads(files["manifest.json"])
    assert manifest["criteria"]["keyword"] == "sopimus" and manifest["messages"] == 1
    assert "SOPIMUS allekirjoitetaan" in files["messages.csv"].decode()
    # The request and the download are both in the audit trail, by the administrator.
    events = AuditEvent.objects.filter(action=compliance.COMPLIANCE_EXPORT, actor=administrator_user)
    assert events.count() == 2
    assert events.filter(details__keyword="sopimus", details__sender=aino.username).exists()
    assert events.filter(details__downloaded=True).exists()
    # The page lists it.
    assert export.token in client.get(reverse("privacy_compliance")).content.decode()


def test_without_sender_room_and_keyword_every_message_of_the_range(
    chat, administrator_user, django_capture_on_commit_callbacks
):
    rooms, aino, _matti, said = chat
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        export = compliance.request(
            actor=administrator_user, since=today - datetime.timedelta(days=10), until=today
        )
    export.refresh_from_db()
    assert export.messages == 4  # all but the 40-day-old one
    buffer = io.BytesIO()
    compliance.write_zip(export, buffer)
    ids = {row["id"] for row in json.loads(zipfile.ZipFile(buffer).read("messages.json"))}
    assert ids == {said["match"], said["other_sender"], said["other_room"], said["no_keyword"]}


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"since": "2026-05-10", "until": "2026-05-01"},
            "until",
            "The end of the time range is before its start.",
        ),
        ({"since": "3026-01-01", "until": "3026-01-02"}, "since", "The time range starts in the future."),
        ({"sender": "ei-ketaan"}, "sender", "No user with this username."),
        ({"keyword": "x" * 201}, "keyword", "The keyword can be at most %(limit_value)d characters."),
        ({"since": "10.5.2026x"}, "since", "Give a date (for example 6.12.2026)."),
        ({"room": "999999"}, "room", "Unknown room."),
    ],
)
def test_bad_criteria_get_a_clear_error(client, chat, administrator_user, changes, field, message):
    from django.utils import translation

    rooms, aino, _matti, _said = chat
    client.force_login(administrator_user)
    response = client.post(reverse("privacy_compliance"), _form(rooms, aino, **changes))
    assert response.status_code == 200
    html = response.content.decode()
    block = html[html.index(f'data-field="{field}"') :]
    block = block[: block.index("</div>")]
    with translation.override("fi"):  # the admin speaks the administrator's language, Finnish first
        expected = translation.gettext(message).replace("%(limit_value)d", "200")
    assert expected != message and expected in block, block
    assert not ComplianceExport.objects.exists()
    assert not AuditEvent.objects.filter(action=compliance.COMPLIANCE_EXPORT).exists()


def test_the_link_expires(client, chat, administrator_user, django_capture_on_commit_callbacks):
    from privacy import export as exports

    rooms, aino, _matti, _said = chat
    client.force_login(administrator_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy_compliance"), _form(rooms, aino))
    export = ComplianceExport.objects.get()
    assert exports.expire(now=timezone.now() + datetime.timedelta(days=30)) == 1
    export.refresh_from_db()
    assert export.status == ComplianceExport.Status.EXPIRED and not export.file
    assert client.get(reverse("privacy_compliance_download", args=[export.token])).status_code == 404


def test_no_other_role_asks_follows_or_downloads(
    client,
    chat,
    administrator_user,
    staff_user,
    communication_user,
    instruction_owner_user,
    django_capture_on_commit_callbacks,
):
    rooms, aino, _matti, _said = chat
    client.force_login(administrator_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy_compliance"), _form(rooms, aino))
    export = ComplianceExport.objects.get()
    before = AuditEvent.objects.count()
    for user in (None, staff_user, communication_user, instruction_owner_user, aino):
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in (
            reverse("privacy_compliance"),
            reverse("privacy_compliance_status", args=[export.token]),
            reverse("privacy_compliance_download", args=[export.token]),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), (user, url)
            assert response.status_code != 302 or not response["Location"].startswith(url)
        assert client.post(reverse("privacy_compliance"), _form(rooms, aino)).status_code in (302, 403)
    assert ComplianceExport.objects.count() == 1
    assert AuditEvent.objects.count() == before  # no download happened
