"""Review reminders (once per step), overdue and expired instructions, "still valid", the overdue report."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from instructions import governance
from instructions.models import InstructionPage
from realtime.models import Notification
from tests.instructions.conftest import make_instruction


def _reminders(user):
    return Notification.objects.filter(recipient=user, key__startswith="instruction-review:")


@pytest.mark.django_db
class TestReviewReminders:
    def test_near_then_passed_each_once(self, library):
        today = timezone.localdate()
        page = make_instruction(library, title="Palkkatuen takaisinperintä", review_in_days=10)
        owner, other_unit = library.owners["payments"], library.owners["hr"]

        assert governance.send_review_reminders(today=today) == 1
        assert governance.send_review_reminders(today=today) == 0  # a retried or repeated job sends nothing
        assert _reminders(owner).count() == 1 and not _reminders(other_unit).exists()
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [owner.email]
        assert "Palkkatuen takaisinperintä" in mail.outbox[0].subject

        later = today + datetime.timedelta(days=11)  # the review date has passed
        assert governance.send_review_reminders(today=later) == 1
        assert governance.send_review_reminders(today=later + datetime.timedelta(days=3)) == 0
        assert _reminders(owner).count() == 2 and len(mail.outbox) == 2

        # Confirmed valid: a new review date starts the steps over, a year from now.
        new_date = governance.confirm_still_valid(user=owner, page=page)
        assert new_date > today + datetime.timedelta(days=360)
        assert governance.send_review_reminders(today=later) == 0

    def test_nothing_far_from_the_date_or_expired(self, library):
        make_instruction(library, title="Kaukana", review_in_days=100)
        make_instruction(
            library,
            title="Vanhentunut",
            review_in_days=-5,
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        assert governance.send_review_reminders() == 0

    def test_contact_people_when_the_unit_has_no_owner(self, library, org):
        page = make_instruction(library, title="Yksiköttömän ohje", review_in_days=-1, unit="payments")
        library.owners["payments"].groups.clear()
        page.contacts.add(org.people["aino"])
        page.save_revision().publish()
        assert governance.send_review_reminders() == 1
        assert _reminders(org.people["aino"].user).exists()

    def test_failing_mail_server_is_retried_and_mails_once(self, library, settings, monkeypatch):
        from core import mail as core_mail

        make_instruction(library, title="Postiongelma", review_in_days=3)

        def broken(*args, **kwargs):
            raise OSError("SMTP down")

        monkeypatch.setattr(core_mail, "send_mail", broken)
        with pytest.raises(OSError):
            governance.send_review_reminders()
        assert _reminders(library.owners["payments"]).count() == 1  # the in-app reminder is there
        assert len(mail.outbox) == 0
        monkeypatch.undo()
        governance.send_review_reminders()  # the job's retry: the e-mail that failed goes now
        governance.send_review_reminders()
        assert _reminders(library.owners["payments"]).count() == 1 and len(mail.outbox) == 1

    def test_periodic_job_is_scheduled(self):
        from core.jobs import PERIODIC_JOBS

        assert "instructions.tasks.send_review_reminders" in {job.task for job in PERIODIC_JOBS}


@pytest.mark.django_db
class TestOverdueAndExpired:
    def test_overdue_shows_under_review_with_owner_contact(self, client, library, org):
        page = make_instruction(library, title="Myöhässä", review_in_days=-3)
        page.contacts.add(org.people["pekka"])
        page.save_revision().publish()
        client.force_login(library.readers["keha"])
        html = client.get(page.url).content.decode()
        assert 'class="notice notice--review"' in html
        assert "Pekka Öhman" in html and "pekka.ohman@keha.example" in html

    def test_current_instruction_has_no_banner(self, client, library):
        page = make_instruction(library, title="Ajan tasalla", review_in_days=30)
        client.force_login(library.readers["keha"])
        assert "notice--review" not in client.get(page.url).content.decode()

    def test_expired_leaves_browse_and_links_to_replacement(self, client, library):
        new = make_instruction(library, title="Uusi ohje")
        old = make_instruction(
            library,
            title="Vanha ohje",
            replacement=new,
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        client.force_login(library.readers["keha"])
        listing = client.get("/ohjeet/").content.decode()
        assert "Uusi ohje" in listing and "Vanha ohje" not in listing
        response = client.get(old.url)
        assert response.status_code == 410
        html = response.content.decode()
        assert new.url in html and "Uusi ohje" in html

    def test_expired_without_a_readable_replacement(self, client, library):
        restricted = make_instruction(library, title="Vain KEHA", audience=["keha"])
        old = make_instruction(
            library,
            title="Vanha",
            replacement=restricted,
            valid_until=timezone.localdate() - datetime.timedelta(days=2),
        )
        client.force_login(library.readers["te"])
        response = client.get(old.url)
        assert response.status_code == 410 and "Vain KEHA" not in response.content.decode()

    def test_valid_until_today_is_still_valid(self, client, library):
        page = make_instruction(library, title="Viimeinen päivä", valid_until=timezone.localdate())
        client.force_login(library.readers["keha"])
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
class TestStillValid:
    def test_one_step_sets_the_next_review_everywhere(self, client, library):
        page = make_instruction(library, title="Tarkistettava", review_in_days=-10)
        client.force_login(library.owners["payments"])
        response = client.post(reverse("instructions:confirm_valid", args=[page.pk]), {"next": page.url})
        assert response.status_code == 302 and response["Location"] == page.url
        page = InstructionPage.objects.get(pk=page.pk)
        expected = page.next_review_after_confirmation()
        assert page.next_review_date == expected and page.last_reviewed_at
        # A later publication of the latest revision keeps the new date.
        page.get_latest_revision().publish()
        assert InstructionPage.objects.get(pk=page.pk).next_review_date == expected
        client.force_login(library.readers["keha"])
        assert "notice--review" not in client.get(page.url).content.decode()

    def test_interval_clamps_to_month_end(self, library):
        page = make_instruction(library, title="Kuukausi", review_interval_months=1)
        assert page.next_review_after_confirmation(today=datetime.date(2025, 1, 31)) == datetime.date(
            2025, 2, 28
        )


@pytest.mark.django_db
class TestReviewReport:
    def test_per_unit_counts_and_chart(self, client, library, administrator_user):
        make_instruction(library, title="Myöhässä A", review_in_days=-3)
        make_instruction(library, title="Pian B", review_in_days=5)
        make_instruction(
            library, title="HR myöhässä", review_in_days=-30, unit="hr", topic=library.other_topic
        )
        client.force_login(administrator_user)
        response = client.get(reverse("instructions_reviews"))
        html = response.content.decode()
        assert response.status_code == 200 and "<svg" in html
        assert (
            "Myöhässä A" in html
            and "HR myöhässä" in html
            and "Pian B" not in html.split("overdue-heading")[1]
        )
        report = governance.review_report(user=administrator_user)
        by_unit = {row.name: (row.overdue, row.soon, row.total) for row in report["units"]}
        assert by_unit == {"Maksatusyksikkö": (1, 1, 2), "Henkilöstö- ja lakipalvelut": (1, 0, 1)}

    def test_owner_sees_own_unit_and_readers_nothing(self, client, library):
        make_instruction(
            library, title="HR myöhässä", review_in_days=-30, unit="hr", topic=library.other_topic
        )
        client.force_login(library.owners["payments"])
        assert "HR myöhässä" not in client.get(reverse("instructions_reviews")).content.decode()
        client.force_login(library.readers["keha"])
        assert client.get(reverse("instructions_reviews")).status_code == 302
