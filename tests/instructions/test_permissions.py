"""Owners edit only their own unit's instructions: in the admin UI and by hand-made POSTs."""

import pytest
from django.urls import reverse

from instructions.models import InstructionPage
from tests.instructions.conftest import edit_form_data, make_instruction


@pytest.fixture
def pages(library):
    return {
        "payments": make_instruction(library, title="Palkkatuen maksatuspäätös", unit="payments"),
        "hr": make_instruction(library, title="Rekrytointilupa", unit="hr", topic=library.other_topic),
    }


@pytest.mark.django_db
class TestOwnersScope:
    def test_owner_edits_own_units_instruction(self, client, library, pages):
        client.force_login(library.owners["payments"])
        page = pages["payments"]
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, title="Palkkatuen maksatuspäätös – päivitetty"),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        page.refresh_from_db()
        assert page.title == "Palkkatuen maksatuspäätös – päivitetty" and page.live

    def test_owner_cannot_open_or_post_another_units_instruction(self, client, library, pages):
        client.force_login(library.owners["payments"])
        page = pages["hr"]
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(edit).status_code in (302, 403)
        response = client.post(edit, edit_form_data(page, title="Kaapattu"))
        assert response.status_code in (302, 403)
        page.refresh_from_db()
        assert (
            page.title == "Rekrytointilupa"
            and page.get_latest_revision().content["title"] == "Rekrytointilupa"
        )
        for view in ("wagtailadmin_pages:delete", "wagtailadmin_pages:unpublish"):
            client.post(reverse(view, args=[page.pk]))
        assert InstructionPage.objects.get(pk=page.pk).live

    def test_owner_cannot_move_an_instruction_to_another_unit(self, client, library, pages):
        client.force_login(library.owners["payments"])
        page = pages["payments"]
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, owner_unit=library.units["hr"].pk),
        )
        assert response.status_code == 200  # the form again, with the error
        page.refresh_from_db()
        assert page.owner_unit == library.units["payments"]

    def test_new_instruction_gets_the_owners_unit_only(self, client, library):
        client.force_login(library.owners["hr"])
        url = reverse("wagtailadmin_pages:add", args=["instructions", "instructionpage", library.index.pk])
        html = client.get(url).content.decode()
        assert "Henkilöstö- ja lakipalvelut" in html and "Maksatusyksikkö</option>" not in html

    def test_explorer_lists_only_own_units_instructions(self, client, library, pages):
        client.force_login(library.owners["payments"])
        html = client.get(reverse("wagtailadmin_explore", args=[library.index.pk])).content.decode()
        assert "Palkkatuen maksatuspäätös" in html and "Rekrytointilupa" not in html

    def test_administrator_edits_every_unit(self, client, library, pages, administrator_user):
        client.force_login(administrator_user)
        for page in pages.values():
            assert page.permissions_for_user(administrator_user).can_publish()
            assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    def test_communication_unit_does_not_edit_instructions(self, library, pages, communication_approver_user):
        for page in pages.values():
            assert not page.permissions_for_user(communication_approver_user).can_edit()

    def test_staff_reader_has_no_admin(self, client, library, pages):
        client.force_login(library.readers["keha"])
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[pages["payments"].pk]),
            edit_form_data(pages["payments"], title="X"),
        )
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]

    def test_still_valid_only_by_the_owner(self, client, library, pages):
        url = reverse("instructions:confirm_valid", args=[pages["hr"].pk])
        client.force_login(library.owners["payments"])
        assert client.post(url).status_code == 403
        client.force_login(library.owners["hr"])
        assert client.post(url).status_code == 302


@pytest.mark.django_db
def test_owner_creates_and_publishes_an_instruction(client, library):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    client.force_login(library.owners["hr"])
    url = reverse("wagtailadmin_pages:add", args=["instructions", "instructionpage", library.index.pk])
    data = nested_form_data(
        {
            "title": "Koeajan päättäminen",
            "slug": "koeajan-paattaminen",
            "lead": "Näin koeaika päätetään.",
            "body": streamfield(
                [("heading", "Aluksi"), ("paragraph", rich_text("<p>Ota yhteyttä HR:ään.</p>"))]
            ),
            "kind": "administrative",
            "topic": library.other_topic.pk,
            "owner_unit": library.units["hr"].pk,
            "next_review_date": "2030-01-31",
            "review_interval_months": 12,
            "audience_keha": "on",
            "comments": inline_formset([]),
            "change_note": "",
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = InstructionPage.objects.get(slug="koeajan-paattaminen")
    assert page.live and page.owner_unit == library.units["hr"] and page.audience_kinds() == ["keha"]
    # The same POST naming another unit is refused.
    data.update({"slug": "toinen", "owner_unit": library.units["payments"].pk})
    assert client.post(url, data).status_code == 200
    assert not InstructionPage.objects.filter(slug="toinen").exists()
    # A reserved address is refused too.
    data.update({"slug": "perehdytys", "owner_unit": library.units["hr"].pk})
    assert client.post(url, data).status_code == 200
    assert not InstructionPage.objects.filter(slug="perehdytys").exists()
