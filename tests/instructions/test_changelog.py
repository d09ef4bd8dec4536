"""The reader-visible change log: "what changed?" on publishing, and material changes highlighted since a visit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from instructions.models import ChangeLogEntry, InstructionVisit
from tests.instructions.conftest import edit_form_data, make_instruction


@pytest.mark.django_db
class TestChangeLog:
    def test_material_change_needs_a_note(self, client, library):
        page = make_instruction(library, title="Matkalaskun käsittely")
        client.force_login(library.owners["payments"])
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, material_change="on", change_note=""),
        )
        assert response.status_code == 200
        assert not ChangeLogEntry.objects.filter(page=page).exists()

    def test_published_note_is_in_the_log_once(self, client, library):
        page = make_instruction(library, title="Matkalaskun käsittely")
        client.force_login(library.owners["payments"])
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, material_change="on", change_note="Määräaika muuttui"),
        )
        assert response.status_code == 302
        entry = ChangeLogEntry.objects.get(page=page)
        assert entry.note == "Määräaika muuttui" and entry.material
        # The next save without a note adds nothing, and the old note is not carried over.
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, title="Uusi otsikko")
        )
        assert ChangeLogEntry.objects.filter(page=page).count() == 1
        html = client.get(page.url).content.decode()
        assert "Määräaika muuttui" in html

    def test_draft_note_is_not_shown_before_publication(self, client, library):
        page = make_instruction(library, title="Luonnosmuutos")
        client.force_login(library.owners["payments"])
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form_data(page, publish=False, change_note="Tulossa oleva muutos"),
        )
        assert not ChangeLogEntry.objects.filter(page=page).exists()

    def test_material_changes_since_last_visit_are_highlighted(self, client, library):
        reader = library.readers["keha"]
        page = make_instruction(library, title="Kulkukortin tilaaminen")
        client.force_login(reader)
        first = client.get(page.url).content.decode()
        assert "notice--changed" not in first  # a first visit highlights nothing

        InstructionVisit.objects.filter(user=reader).update(
            last_visit_at=timezone.now() - datetime.timedelta(days=2)
        )
        page.pending_change_note, page.pending_material = "Lomake uudistettu", True
        page.save_revision().publish()
        page.pending_change_note, page.pending_material = "Kirjoitusvirheitä korjattu", False
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        banner = html.split('class="notice notice--changed"')[1].split("</div>")[0]
        assert "Lomake uudistettu" in banner and "Kirjoitusvirheitä korjattu" not in banner
        assert "change-log__new" in html and "Kirjoitusvirheitä korjattu" in html

        again = client.get(page.url).content.decode()  # seen now: no longer new
        assert "notice--changed" not in again and "Lomake uudistettu" in again

    def test_other_readers_visits_do_not_count(self, client, library):
        page = make_instruction(library, title="Yhteinen ohje")
        client.force_login(library.readers["keha"])
        client.get(page.url)
        assert InstructionVisit.objects.filter(user=library.readers["keha"]).count() == 1
        assert not InstructionVisit.objects.filter(user=library.readers["ely"]).exists()
