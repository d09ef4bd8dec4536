"""The organisation-wide retention periods edited in the admin (Settings → Retention periods): only
administrators, bad input refused with a message, every change audited, and the notice and the retention
jobs follow the edited values."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from chat import messages as chat_messages
from chat.models import ArchivedMessage, Membership, Message, Retention, Room
from core import audit, retention_settings
from core.models import AuditEvent, RetentionSetting

pytestmark = pytest.mark.django_db

URL = "privacy_retention_settings"


def _form(**changes) -> dict:
    values = {name: value or 0 for name, value in retention_settings.in_force().items()}
    values.update(changes)
    return {name: str(value) for name, value in values.items()}


def _periods(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-setting="([A-Z_]+)"><th scope="row">[^<]*</th><td>([^<]*)</td>', html))


def test_an_administrator_edits_a_period_and_the_notice_and_the_job_follow(
    client, administrator_user, org, settings
):
    settings.CHAT_RETENTION_DAYS = 730  # the environment's value
    settings.NOTIFICATION_RETENTION_DAYS = 180
    aino = org.people["aino"].user
    room = Room.objects.create(kind="group", name="Oletus", retention=Retention.DEFAULT)
    Membership.objects.create(room=room, user=aino)
    old, _ = chat_messages.post_message(user=aino, room_id=room.pk, body="vanha")
    young, _ = chat_messages.post_message(user=aino, room_id=room.pk, body="uusi")
    Message.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    Message.objects.filter(pk=young.pk).update(created_at=timezone.now() - datetime.timedelta(days=20))

    client.force_login(administrator_user)
    assert client.get(reverse(URL)).status_code == 200
    response = client.post(reverse(URL), _form(CHAT_RETENTION_DAYS=30, NOTIFICATION_RETENTION_DAYS=45))
    assert response.status_code == 302

    # Audited: who, old → new, when; one event per changed period, none for the others.
    events = AuditEvent.objects.filter(action=audit.RETENTION_CHANGE).order_by("pk")
    assert {e.details["setting"]: (e.details["from"], e.details["to"]) for e in events} == {
        "CHAT_RETENTION_DAYS": (730, 30),
        "NOTIFICATION_RETENTION_DAYS": (180, 45),
    }
    assert all(e.actor == administrator_user and e.at for e in events)

    # The notice shows the edited values.
    client.logout()
    client.cookies["django_language"] = "en"
    shown = _periods(client.get(reverse("privacy:notice"), HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert shown["CHAT_RETENTION_DAYS"] == "30 days"
    assert shown["NOTIFICATION_RETENTION_DAYS"] == "45 days"

    # The retention job follows: the 40-day-old message goes, the 20-day-old stays (730 would keep both).
    from privacy import retention as privacy_retention

    result = privacy_retention.enforce_all()
    assert result["chat_archived"] == 1
    assert list(Message.objects.filter(room=room).values_list("pk", flat=True)) == [young.pk]
    assert ArchivedMessage.objects.filter(original_id=old.pk).exists()


def test_zero_keeps_the_default_rooms_messages_as_records(client, administrator_user, settings):
    settings.CHAT_RETENTION_DAYS = 730
    client.force_login(administrator_user)
    assert client.post(reverse(URL), _form(CHAT_RETENTION_DAYS=0)).status_code == 302
    assert retention_settings.value("CHAT_RETENTION_DAYS") is None
    event = AuditEvent.objects.get(action=audit.RETENTION_CHANGE)
    assert (event.details["from"], event.details["to"]) == (730, None)


@pytest.mark.parametrize(
    "name, raw, message",
    [
        ("NOTIFICATION_RETENTION_DAYS", "-5", ("At least %(limit_value)s.", 1)),
        ("NOTIFICATION_RETENTION_DAYS", "0", ("At least %(limit_value)s.", 1)),
        ("CHAT_RETENTION_DAYS", "-1", ("At least %(limit_value)s.", 0)),
        ("AUDIT_RETENTION_DAYS", "7", ("At least %(limit_value)s.", 30)),
        ("SEARCH_LOG_RETENTION_DAYS", "99999999", ("At most %(limit_value)s.", 36500)),
        ("PRIVACY_EXPORT_HOURS", "10000", ("At most %(limit_value)s.", 720)),
        ("CHAT_ARCHIVE_DAYS", "kolme", ("Give a whole number.", None)),
        ("CHAT_CASUAL_RETENTION_DAYS", "", ("Give a number.", None)),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(client, administrator_user, name, raw, message):
    from django.utils import translation

    client.force_login(administrator_user)
    form = _form(NOTIFICATION_RETENTION_DAYS=11)  # a valid change beside the bad one is not saved either
    form[name] = raw
    response = client.post(reverse(URL), form)
    assert response.status_code == 200
    html = response.content.decode()
    field = html[html.index(f'data-setting="{name}"') :]
    field = field[: field.index("</div>")]
    text, limit = message
    with translation.override("fi"):  # the admin speaks the administrator's language, Finnish first
        expected = (
            translation.gettext(text) % {"limit_value": limit}
            if limit is not None
            else translation.gettext(text)
        )
    assert expected in field and 'aria-invalid="true"' in field, field
    assert f'value="{raw}"' in field  # what was typed is kept for correcting
    assert not RetentionSetting.objects.exists()
    assert not AuditEvent.objects.filter(action=audit.RETENTION_CHANGE).exists()


def test_only_administrators_edit(
    client, staff_user, communication_user, instruction_owner_user, regional_editor_user
):
    for user in (None, staff_user, communication_user, instruction_owner_user, regional_editor_user):
        client.logout()
        if user is not None:
            client.force_login(user)
        assert client.get(reverse(URL)).status_code in (302, 403), user
        response = client.post(reverse(URL), _form(NOTIFICATION_RETENTION_DAYS=1))
        assert response.status_code in (302, 403), user
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse(URL)), user  # sign-in or admin home
    assert not RetentionSetting.objects.exists()
    assert not AuditEvent.objects.filter(action=audit.RETENTION_CHANGE).exists()


def test_the_settings_menu_shows_the_item_to_administrators_only(client, administrator_user, staff_user):
    from privacy import admin_retention

    class Request:
        def __init__(self, user):
            self.user = user

    item = admin_retention.menu_item()
    assert item.is_shown(Request(administrator_user))
    assert not item.is_shown(Request(staff_user))
