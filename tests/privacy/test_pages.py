"""The privacy notice and the accessibility statement: readable without signing in, linked from every
page, and the notice shows the retention periods in force."""

import re

import pytest
from django.urls import reverse

from core import retention_settings
from core.personal_data import DECLARATIONS
from privacy import notice

pytestmark = pytest.mark.django_db


def test_both_pages_open_without_signing_in(client):
    for name in ("privacy:notice", "privacy:accessibility", "privacy:accessibility_feedback"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name


def test_the_footer_links_to_both_on_the_login_page_and_signed_in(client, staff_user):
    for response in (client.get(reverse("login")), None):
        if response is None:
            client.force_login(staff_user)
            response = client.get(reverse("privacy:my_data"))
        html = response.content.decode()
        footer = html[html.index('<footer class="site-footer"') :]
        assert f'href="{reverse("privacy:notice")}"' in footer
        assert f'href="{reverse("privacy:accessibility")}"' in footer


def _periods(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-setting="([A-Z_]+)"><th scope="row">[^<]*</th><td>([^<]*)</td>', html))


@pytest.mark.parametrize("edited", [False, True], ids=["environment", "edited-by-administrators"])
@pytest.mark.parametrize("days", [30, 731])
def test_the_notice_shows_the_periods_in_force(client, settings, days, edited):
    """The periods in force: the environment's, or those administrators saved (which win)."""
    if edited:
        settings.CHAT_RETENTION_DAYS = 5
        settings.NOTIFICATION_RETENTION_DAYS = 5
        retention_settings.change(
            actor=None, values={"CHAT_RETENTION_DAYS": days, "NOTIFICATION_RETENTION_DAYS": days + 1}
        )
    else:
        settings.CHAT_RETENTION_DAYS = days
        settings.NOTIFICATION_RETENTION_DAYS = days + 1
    settings.LANGUAGE_CODE = "en"
    client.cookies["django_language"] = "en"
    html = client.get(reverse("privacy:notice"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    shown = _periods(html)
    assert set(shown) == set(notice.SETTING_LABELS)
    in_force = retention_settings.in_force()
    assert in_force["CHAT_RETENTION_DAYS"] == days and in_force["NOTIFICATION_RETENTION_DAYS"] == days + 1
    for name, text in shown.items():
        value = in_force[name]
        assert text == (
            "kept as records"
            if value is None
            else f"{value} {'hours' if name.endswith('_HOURS') else 'days'}"
        ), name
    # Every registered kind has its row, with its retention in force (no setting names left).
    rows = re.findall(r'<tr data-model="([\w.]+)">.*?</tr>', html, flags=re.S)
    assert set(rows) == set(DECLARATIONS)
    stores = html[html.index('class="privacy-stores"') :]
    stores = stores[: stores.index("</table>")]
    notification_row = re.search(
        r'<tr data-model="realtime.Notification">(.*?)</tr>', stores, flags=re.S
    ).group(1)
    assert f"{days + 1} days" in notification_row
    assert not re.search(r"[A-Z]+_[A-Z_]+(DAYS|HOURS)", stores)


def test_records_rooms_are_shown_as_kept(client, settings):
    settings.CHAT_RETENTION_DAYS = None
    client.cookies["django_language"] = "en"
    assert (
        _periods(client.get(reverse("privacy:notice")).content.decode())["CHAT_RETENTION_DAYS"]
        == "kept as records"
    )


def test_accessibility_feedback_reaches_administrators(client, administrator_user, mailoutbox):
    from realtime.models import Notification

    response = client.post(
        reverse("privacy:accessibility_feedback"),
        {"message": "The chat is hard to use with a screen reader."},
    )
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=administrator_user, kind="reminder").count() == 1
    assert len(mailoutbox) == 1
    # An empty message is refused with a clear error and nothing is stored.
    response = client.post(reverse("privacy:accessibility_feedback"), {"message": ""})
    assert response.status_code == 200 and "message--error" in response.content.decode()


def test_reminders_until_answered(administrator_user):
    import datetime

    from django.utils import timezone

    from privacy import feedback
    from privacy.models import AccessibilityFeedback
    from realtime.models import Notification

    item = feedback.submit(sender=None, email="", page_url="/chat/", message="Contrast")
    now = timezone.now()
    assert feedback.send_reminders(now=now + datetime.timedelta(hours=2)) == 0  # reminded today already
    assert feedback.send_reminders(now=now + datetime.timedelta(days=1, hours=1)) == 1
    AccessibilityFeedback.objects.filter(pk=item.pk).update(answered_at=now)
    assert feedback.send_reminders(now=now + datetime.timedelta(days=3)) == 0
    assert Notification.objects.filter(recipient=administrator_user).count() == 2


def test_a_reminder_a_year_after_the_last_review(administrator_user):
    import datetime

    from django.utils import timezone
    from wagtail.models import Page

    from privacy import feedback
    from privacy.models import AccessibilityStatementPage

    root = Page.get_first_root_node()
    today = timezone.localdate()
    statement = AccessibilityStatementPage(
        title="Saavutettavuusseloste", slug="saavutettavuus", written_on=today, reviewed_on=today
    )
    root.add_child(instance=statement)
    assert feedback.review_reminder(now=timezone.now()) == 0
    assert feedback.review_reminder(now=timezone.now() + datetime.timedelta(days=366)) == 1
    assert feedback.review_reminder(now=timezone.now() + datetime.timedelta(days=366)) == 0  # once a week
