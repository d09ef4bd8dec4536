"""Must-read: the banner, acknowledging, material changes, the follow-up report, CSV and reminders."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override

from news import mustread
from news.models import Acknowledgement, NewsArticlePage
from realtime.models import Notification
from tests.news.test_permissions import article_form

SOON = timezone.now() + datetime.timedelta(days=10)


@pytest.fixture
def must_read(org, publish):
    """A must-read for the Vaasa office: aino, matti and liisa (Vaasa) are its audience."""
    article = publish(title="Poistumisturvallisuus Vaasassa", publisher=org.keha, locations=[org.vaasa])
    NewsArticlePage.objects.filter(pk=article.pk).update(must_read=True, must_read_deadline=SOON)
    article.refresh_from_db()
    return article


def banner(client):
    html = client.get("/ihmiset/").content.decode()  # any page
    return "must-read-banner" in html, html


@pytest.mark.django_db
class TestBannerAndAcknowledging:
    def test_audience_sees_the_banner_on_every_page_until_acknowledging(self, client, org, must_read):
        aino = org.people["aino"].user
        client.force_login(aino)
        shown, html = banner(client)
        assert shown and "Poistumisturvallisuus Vaasassa" in html
        response = client.post(reverse("news:acknowledge", args=[must_read.pk]), {"next": "/ihmiset/"})
        assert response.status_code == 302 and response["Location"] == "/ihmiset/"
        assert not banner(client)[0]
        ack = Acknowledgement.objects.get(user=aino)
        assert ack.article == must_read and ack.round == 1 and ack.revision_id == must_read.live_revision_id
        assert ack.acknowledged_at <= timezone.now()

    def test_people_outside_the_audience_are_not_asked(self, client, org, must_read):
        client.force_login(org.people["sanna"].user)  # Mikkeli
        assert not banner(client)[0]

    def test_the_article_page_has_the_button_too(self, client, org, must_read):
        client.force_login(org.people["liisa"].user)
        html = client.get(must_read.url).content.decode()
        assert "must-read-box--pending" in html
        client.post(reverse("news:acknowledge", args=[must_read.pk]))
        assert "must-read-box--pending" not in client.get(must_read.url).content.decode()

    def test_acknowledging_twice_records_once_and_needs_post(self, client, org, must_read):
        client.force_login(org.people["aino"].user)
        url = reverse("news:acknowledge", args=[must_read.pk])
        assert client.get(url).status_code == 405
        client.post(url)
        client.post(url)
        assert Acknowledgement.objects.count() == 1

    def test_only_must_reads_can_be_acknowledged_and_next_stays_on_site(
        self, client, org, publish, must_read
    ):
        ordinary = publish(title="Tavallinen", publisher=org.keha)
        client.force_login(org.people["aino"].user)
        assert client.post(reverse("news:acknowledge", args=[ordinary.pk])).status_code == 404
        response = client.post(
            reverse("news:acknowledge", args=[must_read.pk]), {"next": "https://evil.example/"}
        )
        assert response["Location"] == must_read.url


def edit(client, article, *, org, material, note="", title=None):
    data = article_form(title=title or article.title, publisher=org.keha, locations=[org.vaasa])
    data.update(
        {"slug": article.slug, "must_read": "on", "must_read_deadline": SOON.strftime("%Y-%m-%d %H:%M")}
    )
    if material:
        data["material_change"] = "on"
    data["change_note"] = note
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


@pytest.mark.django_db
class TestMaterialChanges:
    def test_material_change_asks_everyone_again_with_what_changed(
        self, client, org, must_read, communication_approver_user
    ):
        aino = org.people["aino"].user
        Acknowledgement.objects.create(user=aino, article=must_read, round=1)
        client.force_login(communication_approver_user)
        response = edit(client, must_read, org=org, material=True, note="Kokoontumispaikka siirtyi pihalle.")
        assert response.status_code == 302
        must_read.refresh_from_db()
        assert must_read.ack_round == 2 and must_read.ack_change_note == "Kokoontumispaikka siirtyi pihalle."
        client.force_login(aino)
        shown, html = banner(client)
        assert shown and "Kokoontumispaikka siirtyi pihalle." in html

    def test_non_material_change_does_not(self, client, org, must_read, communication_approver_user):
        aino = org.people["aino"].user
        Acknowledgement.objects.create(user=aino, article=must_read, round=1)
        client.force_login(communication_approver_user)
        assert (
            edit(
                client, must_read, org=org, material=False, title="Poistumisturvallisuus Vaasassa (korjattu)"
            ).status_code
            == 302
        )
        must_read.refresh_from_db()
        assert must_read.ack_round == 1 and must_read.title.endswith("(korjattu)")
        client.force_login(aino)
        assert not banner(client)[0]

    def test_material_change_needs_a_note(self, client, org, must_read, communication_approver_user):
        client.force_login(communication_approver_user)
        response = edit(client, must_read, org=org, material=True, note="  ")
        assert response.status_code == 200 and "change_note" in response.context["form"].errors
        must_read.refresh_from_db()
        assert must_read.ack_round == 1

    def test_a_material_draft_asks_again_only_when_published(
        self, client, org, must_read, communication_approver_user
    ):
        client.force_login(communication_approver_user)
        data_note = "Uusi ohje"
        data = article_form(title=must_read.title, publisher=org.keha, locations=[org.vaasa], action=None)
        data.update(
            {
                "slug": must_read.slug,
                "must_read": "on",
                "material_change": "on",
                "change_note": data_note,
                "must_read_deadline": SOON.strftime("%Y-%m-%d %H:%M"),
            }
        )
        client.post(reverse("wagtailadmin_pages:edit", args=[must_read.pk]), data)  # save draft only
        must_read.refresh_from_db()
        assert must_read.ack_round == 1  # live readers are not asked yet
        must_read.get_latest_revision().publish()
        must_read.refresh_from_db()
        assert must_read.ack_round == 2

    def test_must_read_needs_a_deadline(self, client, org, news_index, communication_approver_user):
        client.force_login(communication_approver_user)
        data = article_form(title="Ilman määräaikaa", publisher=org.keha)
        data.update({"slug": slugify("Ilman määräaikaa"), "must_read": "on"})
        response = client.post(
            reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk]), data
        )
        assert response.status_code == 200 and "must_read_deadline" in response.context["form"].errors


@pytest.mark.django_db
class TestFollowUp:
    def test_numbers_equal_the_truth_by_agency_and_location(
        self, client, org, must_read, communication_approver_user
    ):
        Acknowledgement.objects.create(user=org.people["aino"].user, article=must_read, round=1)
        Acknowledgement.objects.create(
            user=org.people["sanna"].user, article=must_read, round=1
        )  # not audience
        Acknowledgement.objects.create(user=org.people["matti"].user, article=must_read, round=0)  # old round
        report = mustread.follow_up(article=must_read)
        assert (report["total"].acknowledged, report["total"].pending) == (1, 2)
        by_agency = {group.name: (group.acknowledged, group.pending) for group in report["by_agency"]}
        assert by_agency == {"KEHA-keskus": (1, 1), "Pohjanmaan ELY-keskus": (0, 1)}
        by_location = {group.name: (group.acknowledged, group.pending) for group in report["by_location"]}
        assert by_location == {"Vaasa": (1, 2)}
        assert {person.user.username for person in report["pending_people"]} == {
            "matti.aijala",
            "liisa.makela",
        }
        client.force_login(communication_approver_user)
        html = client.get(reverse("news:follow_up", args=[must_read.pk])).content.decode()
        assert "<svg" in html and "Matti Äijälä" in html and "Aino Virtanen" not in html

    def test_the_swedish_report_names_organisations_in_swedish(
        self, client, org, must_read, communication_approver_user
    ):
        """Before, the Swedish follow-up report listed the Finnish agency and location names."""
        client.force_login(communication_approver_user)
        client.cookies["django_language"] = "sv"
        html = client.get(reverse("news:follow_up", args=[must_read.pk])).content.decode()
        assert "NTM-centralen i Österbotten" in html and "Vasa" in html
        assert "Pohjanmaan ELY-keskus" not in html
        # KEHA-keskus has no Swedish name in this organisation: the Finnish one stands in.
        assert "KEHA-keskus" in html
        with override("sv"):
            report = mustread.follow_up(article=must_read)
        assert [group.name for group in report["by_location"]] == ["Vasa"]

    @pytest.mark.parametrize("fixture", ["staff_user", "regional_editor_user"])
    def test_only_the_articles_editors_see_it(self, client, request, fixture, must_read):
        client.force_login(request.getfixturevalue(fixture))
        for name in ["follow_up", "follow_up_csv"]:
            assert client.get(reverse(f"news:{name}", args=[must_read.pk])).status_code == 403

    def test_csv_lists_the_pending_and_defuses_formulas(
        self, client, org, must_read, communication_approver_user
    ):
        matti = org.people["matti"]
        matti.user.first_name = '=HYPERLINK("http://evil")'
        matti.user.save()
        matti.title = "+SUM(1;2)"
        matti.save()
        client.force_login(communication_approver_user)
        response = client.get(reverse("news:follow_up_csv", args=[must_read.pk]))
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][0] in ("Name", "Nimi")
        names = {row[0] for row in rows[1:]}
        assert "Liisa Mäkelä" in names
        matti_row = next(row for row in rows[1:] if "HYPERLINK" in row[0])
        assert matti_row[0].startswith("'=") and matti_row[5] == "'+SUM(1;2)"

    def test_safe_cell(self):
        assert [mustread.safe_cell(v) for v in ["=1+1", "-2", "@x", "\tx", "Äijälä", None, 5]] == [
            "'=1+1",
            "'-2",
            "'@x",
            "'\tx",
            "Äijälä",
            "",
            "5",
        ]


@pytest.mark.django_db
class TestReminders:
    def test_pending_only_once_per_step(self, org, must_read):
        NewsArticlePage.objects.filter(pk=must_read.pk).update(
            must_read_deadline=timezone.now() + datetime.timedelta(days=2, hours=12)
        )
        Acknowledgement.objects.create(user=org.people["aino"].user, article=must_read, round=1)
        assert mustread.send_reminders() == 2  # matti and liisa; aino has acknowledged
        assert mustread.send_reminders() == 0  # the same step again: nothing
        assert {message.to[0] for message in mail.outbox} == {
            org.people["matti"].user.email,
            org.people["liisa"].user.email,
        }
        # The last step, the day before:
        later = timezone.now() + datetime.timedelta(days=1, hours=13)
        assert mustread.send_reminders(now=later) == 2
        assert Notification.objects.filter(recipient=org.people["aino"].user).count() == 0
        assert Notification.objects.filter(kind="reminder").count() == 4

    def test_each_person_gets_the_e_mail_in_the_language_they_chose(self, client, org, must_read):
        """Before, every reminder e-mail was Finnish with a zero-padded date (06.12.2026 14:00)."""
        liisa = org.people["liisa"].user
        client.force_login(liisa)
        client.post(reverse("set_language"), {"language": "sv", "next": "/"})  # the FI/SV/EN switch
        deadline = timezone.localtime(timezone.now() + datetime.timedelta(days=2, hours=12))
        NewsArticlePage.objects.filter(pk=must_read.pk).update(must_read_deadline=deadline)
        assert mustread.send_reminders() == 3
        subjects = {message.to[0]: message.subject for message in mail.outbox}
        day = f"{deadline.day}.{deadline.month}.{deadline.year}"
        assert subjects[liisa.email].startswith(f"Obligatorisk läsning senast {day} ")
        assert subjects[org.people["matti"].user.email].startswith(f"Pakollinen luettava viimeistään {day} ")

    def test_nothing_far_from_or_after_the_deadline(self, org, must_read):
        assert mustread.send_reminders() == 0  # ten days away
        after = timezone.now() + datetime.timedelta(days=11)
        assert mustread.send_reminders(now=after) == 0
        assert not mail.outbox

    def test_a_failing_mail_server_loses_no_reminder(self, org, must_read, monkeypatch):
        NewsArticlePage.objects.filter(pk=must_read.pk).update(
            must_read_deadline=timezone.now() + datetime.timedelta(days=2)
        )
        from core import mail as core_mail

        def broken(**kwargs):
            raise ConnectionError("SMTP down")

        monkeypatch.setattr(core_mail, "send_mail", broken)
        with pytest.raises(ConnectionError):
            mustread.send_reminders()
        assert not mail.outbox
        monkeypatch.undo()
        mustread.send_reminders()  # the retry sends every e-mail the failed run did not
        mustread.send_reminders()  # and a further run none
        assert Notification.objects.filter(kind="reminder").count() == 3
        assert len(mail.outbox) == 3
