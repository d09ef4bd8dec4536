"""The online link by direct request for each role, reminders and update notices once, the compulsory recording."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events import mustwatch, notices, registration
from events.models import Registration
from tests.events.conftest import publish_event, republish

pytestmark = pytest.mark.django_db
LINK = "https://teams.example/liity-123"


def _sees_link(client, user, event) -> bool:
    client.force_login(user)
    response = client.get(event.url)
    assert response.status_code == 200
    return LINK in response.content.decode()


def test_link_for_the_audience_only_without_registration(client, org, events_index, communication_user):
    event = publish_event(
        events_index, organiser=org.keha, format="online", online_url=LINK, locations=[org.vaasa]
    )
    assert _sees_link(client, org.people["aino"].user, event)  # home office Vaasa
    assert not _sees_link(client, org.people["sanna"].user, event)  # Mikkeli
    assert _sees_link(client, communication_user, event)  # organises nationally
    ics = client.get(reverse("events:ics", args=[event.pk]))
    client.force_login(org.people["sanna"].user)
    assert LINK not in client.get(reverse("events:ics", args=[event.pk])).content.decode()
    assert ics.status_code == 200


def test_link_for_confirmed_registrants_when_registration_is_on(
    client, org, events_index, regional_editor_user
):
    event = publish_event(
        events_index,
        organiser=org.keha,
        format="online",
        online_url=LINK,
        registration_enabled=True,
        capacity=1,
    )
    aino, matti = org.people["aino"].user, org.people["matti"].user
    assert not _sees_link(client, aino, event)
    registration.register(user=aino, event=event)
    registration.register(user=matti, event=event)  # waiting
    assert _sees_link(client, aino, event)
    assert not _sees_link(client, matti, event)
    assert not _sees_link(client, regional_editor_user, event)  # another agency's editor
    client.force_login(matti)
    assert client.get(reverse("events:attendees", args=[event.pk])).status_code == 403


def test_reminder_sent_once_and_opt_out_respected(org, events_index):
    start = timezone.now() + datetime.timedelta(hours=5)
    event = publish_event(
        events_index, organiser=org.keha, registration_enabled=True, start=start, reminder_hours=24
    )
    aino, matti = org.people["aino"].user, org.people["matti"].user
    aino.email, matti.email = "aino@example.fi", "matti@example.fi"
    aino.save(), matti.save()
    registration.register(user=aino, event=event)
    registration.register(user=matti, event=event)
    Registration.objects.filter(user=matti).update(reminders=False)
    mail.outbox.clear()
    assert notices.send_reminders() == 1
    assert notices.send_reminders() == 0
    assert [message.to for message in mail.outbox] == [["aino@example.fi"]]


def test_update_notice_once_per_change_with_the_ics(org, events_index):
    event = publish_event(events_index, organiser=org.keha, registration_enabled=True)
    aino = org.people["aino"].user
    aino.email = "aino@example.fi"
    aino.save()
    registration.register(user=aino, event=event)
    assert notices.send_update_notices(event_id=event.pk) == 0  # nothing changed yet
    event = republish(event, place_details="Sali 2")
    mail.outbox.clear()
    assert notices.send_update_notices(event_id=event.pk) == 1
    assert notices.send_update_notices(event_id=event.pk) == 0
    (message,) = mail.outbox
    assert message.attachments and "BEGIN:VCALENDAR" in str(message.attachments[0][1])
    republish(event, title="Uusi otsikko")  # text only: no notice
    assert notices.send_update_notices(event_id=event.pk) == 0


def test_compulsory_recording_is_a_must_read_for_those_who_did_not_attend(client, org, events_index):
    start = timezone.now() - datetime.timedelta(days=2)
    event = publish_event(
        events_index,
        organiser=org.keha,
        registration_enabled=True,
        compulsory=True,
        start=start,
        registration_closes=start - datetime.timedelta(days=1),
        units=[org.payments],
    )
    aino, matti, sanna = (org.people[n].user for n in ("aino", "matti", "sanna"))
    Registration.objects.create(
        event=event, user=aino, status="confirmed", registered_at=start, attended=True
    )
    assert mustwatch.pending_user_ids(event=event) == []  # no recording yet
    event = republish(event, recording_url="https://video.example/info")
    pending = set(mustwatch.pending_user_ids(event=event))
    assert aino.pk not in pending  # attended
    assert matti.pk in pending  # in the audience (Payments), did not attend
    assert sanna.pk not in pending  # not in the audience
    assert mustwatch.is_pending(user=matti, event=event)
    client.force_login(matti)
    client.post(reverse("events:acknowledge_recording", args=[event.pk]))
    assert not mustwatch.is_pending(user=matti, event=event)
    assert matti.pk not in mustwatch.pending_user_ids(event=event)


def test_unit_organiser_manages_own_units_events_only(client, org, events_index):
    from django.contrib.auth.models import Group

    from events.permissions import UNIT_ORGANISERS

    pekka = org.people["pekka"].user  # Payments unit
    pekka.groups.add(Group.objects.get(name=UNIT_ORGANISERS))
    own = publish_event(
        events_index,
        organiser=org.keha,
        organiser_unit=org.payments,
        format="online",
        online_url=LINK,
        registration_enabled=True,
        units=[org.ict],
    )
    other = publish_event(events_index, organiser=org.keha, organiser_unit=org.ict, registration_enabled=True)
    assert own.permissions_for_user(pekka).can_edit()
    assert not other.permissions_for_user(pekka).can_edit()
    assert _sees_link(client, pekka, own)  # organiser, though not in the audience nor registered
    assert client.get(reverse("events:attendees", args=[own.pk])).status_code == 200
    assert client.get(reverse("events:attendees", args=[other.pk])).status_code == 403
    assert client.post(reverse("events:attendance", args=[other.pk])).status_code == 403
    # The admin's own edit view, by direct request.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)
