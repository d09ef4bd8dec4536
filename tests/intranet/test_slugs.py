"""Page addresses made in the admin are ASCII: ä→a, ö→o, å→a (core/page_forms.py)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.page_forms import ascii_slug
from intranet.models import HomePage, StandardPage


def test_ascii_slug_folds_finnish_and_swedish_letters():
    assert ascii_slug("Etätyöohje för Åland") == "etatyoohje-for-aland"
    assert ascii_slug("ÄÖÅ äöå") == "aoa-aoa"


def _add(client, home, **fields):
    data = nested_form_data(
        {"title": "Etätyöohje", "slug": "", "intro": "", "body": streamfield([]), **fields}
    )
    return client.post(reverse("wagtailadmin_pages:add", args=["intranet", "standardpage", home.pk]), data)


@pytest.mark.django_db
class TestEditorMadePages:
    def test_a_slug_typed_with_umlauts_is_folded(self, client, administrator_user):
        client.force_login(administrator_user)
        home = HomePage.objects.first()
        response = _add(client, home, slug="etätyöohje-åland")
        assert response.status_code == 302, response.context["form"].errors
        page = StandardPage.objects.get(title="Etätyöohje")
        assert page.slug == "etatyoohje-aland"
        assert page.url.isascii() and page.url.endswith("/etatyoohje-aland/")

    def test_the_admin_script_writes_ascii_slugs(self, client, administrator_user):
        client.force_login(administrator_user)
        home = HomePage.objects.first()
        url = reverse("wagtailadmin_pages:add", args=["intranet", "standardpage", home.pk])
        html = client.get(url).content
        assert b'data-controller="w-slug"' in html
        # Wagtail's slug script folds to ASCII unless told to allow Unicode (the attribute, left out if False).
        assert b"data-w-slug-allow-unicode-value" not in html

    def test_an_existing_page_keeps_its_address(self, client, administrator_user):
        home = HomePage.objects.first()
        page = home.add_child(instance=StandardPage(title="Vanha sivu", slug="vanha-sivu-ä"))
        client.force_login(administrator_user)
        data = nested_form_data(
            {"title": "Vanha sivu", "slug": "vanha-sivu-ä", "intro": "", "body": streamfield([])}
        )
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.slug == "vanha-sivu-ä"
