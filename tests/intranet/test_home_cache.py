"""The home page's cached figures and sections (intranet.home) follow every change a reader would notice."""

import re

import pytest
from wagtail.models import Page, PageViewRestriction

from intranet.models import HomePage, StandardPage
from tests.factories import PersonFactory, UnitFactory


def home(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def people_figure(html: str) -> int:
    return int(re.search(r"<li><strong>(\d+)</strong> <a href=\"/ihmiset/", html).group(1))


@pytest.fixture
def reader(client, org):
    client.force_login(org.people["aino"].user)


@pytest.mark.django_db
class TestHomePageCache:
    def test_people_and_units_show_at_once(self, client, reader, org):
        before = people_figure(home(client))
        unit = UnitFactory(agency=org.keha, name_fi="Uusi yksikkö")
        PersonFactory(agency=org.keha, unit=unit)
        html = home(client)
        assert people_figure(html) == before + 1 and "Uusi yksikkö" in html
        leaver = org.people["erik"].user
        leaver.is_active = False
        leaver.save()
        assert people_figure(home(client)) == before

    def test_sections_follow_publishing_and_restrictions(self, client, reader):
        root = HomePage.objects.first()
        section = StandardPage(title="Uusi osio", slug="uusi-osio")
        root.add_child(instance=section)
        section.save_revision().publish()
        assert "Uusi osio" in home(client)
        restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
        assert "Uusi osio" not in home(client)  # not public: not listed
        restriction.delete()
        assert "Uusi osio" in home(client)
        Page.objects.get(pk=section.pk).specific.unpublish()
        assert "Uusi osio" not in home(client)
