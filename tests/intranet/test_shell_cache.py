"""The cached answers every page uses (core.shell_cache) follow each change a reader would notice."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Site

from core import roles
from intranet.models import HomePage, StandardPage

ADMIN_LINK = 'href="/admin/"'


@pytest.fixture
def reader(client, org):
    user = org.people["aino"].user
    client.force_login(user)
    return user


@pytest.fixture
def section(org):
    page = StandardPage(title="Osio", slug="osio")
    HomePage.objects.first().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
class TestShellCache:
    def test_admin_link_follows_group_membership(self, client, reader):
        assert ADMIN_LINK not in client.get("/").content.decode()
        group = Group.objects.get(name=roles.ADMINISTRATORS)
        reader.groups.add(group)
        assert ADMIN_LINK in client.get("/").content.decode()
        reader.groups.remove(group)
        assert ADMIN_LINK not in client.get("/").content.decode()

    def test_admin_link_follows_superuser_flag(self, client, reader):
        assert ADMIN_LINK not in client.get("/").content.decode()
        reader.is_superuser = True
        reader.save()
        assert ADMIN_LINK in client.get("/").content.decode()

    def test_a_new_view_restriction_applies_at_once(self, client, reader, section):
        assert client.get("/osio/").status_code == 200
        restriction = PageViewRestriction.objects.create(
            page=Page.objects.get(pk=section.pk), restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=roles.ADMINISTRATORS))
        assert client.get("/osio/").status_code != 200  # the reader is in no allowed group
        restriction.delete()
        assert client.get("/osio/").status_code == 200

    def test_site_changes_apply_at_once(self, client, reader, section):
        assert client.get("/osio/").status_code == 200
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.is_default_site = "muu.example", False
        site.save()
        assert client.get("/osio/").status_code == 404  # no site answers for this host any more
        site.hostname, site.is_default_site = "localhost", True
        site.save()
        assert client.get("/osio/").status_code == 200

    def test_a_new_site_root_applies_at_once(self, client, reader, section):
        assert client.get("/osio/").status_code == 200
        site = Site.objects.get(is_default_site=True)
        site.root_page = Page.objects.get(pk=section.pk)
        site.save()
        assert client.get("/").content.decode().count("<h1") >= 1
        assert client.get("/osio/").status_code == 404  # the section is the root now: served at /
