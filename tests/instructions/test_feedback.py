"""Feedback: one vote per person per revision, error reports to the owners, counts in the admin."""

import pytest
from django.urls import reverse

from instructions.models import ErrorReport, Feedback
from realtime.models import Notification
from tests.instructions.conftest import make_instruction


@pytest.mark.django_db
class TestFeedback:
    def test_one_vote_per_revision(self, client, library):
        page = make_instruction(library, title="Palkkatuen ennakkomaksu")
        client.force_login(library.readers["keha"])
        url = reverse("instructions:vote", args=[page.pk])
        assert client.post(url, {"helpful": "yes"}).status_code == 302
        client.post(url, {"helpful": "no", "comment": "Toinen ääni"})
        assert Feedback.objects.filter(page=page).count() == 1
        assert Feedback.objects.get(page=page).helpful is True
        # A new version may be judged again.
        page.save_revision().publish()
        client.post(url, {"helpful": "no", "comment": "Esimerkki puuttuu."})
        assert Feedback.objects.filter(page=page).count() == 2

    def test_bad_vote_is_refused(self, client, library):
        page = make_instruction(library, title="Äänestys")
        client.force_login(library.readers["keha"])
        client.post(reverse("instructions:vote", args=[page.pk]), {"helpful": "ehkä"})
        assert not Feedback.objects.exists()

    def test_not_helpful_comment_and_error_report_notify_owners(self, client, library):
        page = make_instruction(library, title="Matkakortti")
        client.force_login(library.readers["keha"])
        client.post(reverse("instructions:vote", args=[page.pk]), {"helpful": "no", "comment": "Epäselvä"})
        response = client.post(
            reverse("instructions:report_error", args=[page.pk]), {"text": "Linkki lomakkeeseen on rikki."}
        )
        assert response.status_code == 302
        assert ErrorReport.objects.get().text == "Linkki lomakkeeseen on rikki."
        owner = library.owners["payments"]
        assert Notification.objects.filter(recipient=owner).count() == 2
        assert not Notification.objects.filter(recipient=library.owners["hr"]).exists()

    def test_empty_error_report_keeps_nothing(self, client, library):
        page = make_instruction(library, title="Tyhjä")
        client.force_login(library.readers["keha"])
        response = client.post(reverse("instructions:report_error", args=[page.pk]), {"text": "   "})
        assert response.status_code == 400 and not ErrorReport.objects.exists()

    def test_no_feedback_on_what_the_reader_may_not_read(self, client, library):
        page = make_instruction(library, title="Vain KEHA", audience=["keha"])
        client.force_login(library.readers["te"])
        assert (
            client.post(reverse("instructions:vote", args=[page.pk]), {"helpful": "yes"}).status_code == 404
        )
        assert (
            client.post(reverse("instructions:report_error", args=[page.pk]), {"text": "x"}).status_code
            == 404
        )
        assert not Feedback.objects.exists() and not ErrorReport.objects.exists()

    def test_owner_sees_counts_and_comments_in_admin(self, client, library):
        page = make_instruction(library, title="Laskettava")
        for kind, helpful in [("keha", "yes"), ("ely", "no"), ("te", "no")]:
            client.force_login(library.readers[kind])
            client.post(
                reverse("instructions:vote", args=[page.pk]),
                {"helpful": helpful, "comment": f"kommentti {kind}"},
            )
        client.post(reverse("instructions:report_error", args=[page.pk]), {"text": "Väärä määräaika"})
        client.force_login(library.owners["payments"])
        listing = client.get(reverse("instructions_feedback")).content.decode()
        assert "Laskettava" in listing
        detail = client.get(reverse("instructions_feedback_detail", args=[page.pk])).content.decode()
        assert "kommentti ely" in detail and "Väärä määräaika" in detail
        report = ErrorReport.objects.get()
        client.post(reverse("instructions_feedback_detail", args=[page.pk]), {"handled": report.pk})
        report.refresh_from_db()
        assert report.handled_at is not None
        page_html = client.get(page.url).content.decode()
        assert "editor-box" in page_html
        client.force_login(library.owners["hr"])
        assert client.get(reverse("instructions_feedback_detail", args=[page.pk])).status_code in (302, 403)
