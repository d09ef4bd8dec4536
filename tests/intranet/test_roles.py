"""What each role may and may not do."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles


@pytest.mark.django_db
class TestGroupsExist:
    def test_migrate_creates_the_role_groups(self):
        assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))

    def test_sync_is_idempotent(self):
        before = {
            g.name: sorted(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
        }
        roles.sync_groups()
        after = {
            g.name: sorted(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
        }
        assert before == after

    def test_each_client_agency_gets_its_own_editor_group(self, org):
        roles.sync_groups()
        org.ely.refresh_from_db()
        assert org.ely.editor_group.name == roles.regional_editor_group_name(org.ely)
        org.keha.refresh_from_db()
        assert org.keha.editor_group is None


@pytest.mark.django_db
class TestAdminAccess:
    def test_staff_cannot_open_the_admin(self, client, staff_user):
        client.force_login(staff_user)
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302
        assert response["Location"].startswith("/kirjaudu/")
        client.cookies["django_language"] = "en"
        follow = client.get(reverse("wagtailadmin_home"), follow=True).content.decode()
        assert "you do not have permission to open that page" in follow  # told why, not just bounced
        assert "wagtail-admin" not in follow  # never sees the admin dashboard

    def test_staff_has_no_admin_link_in_the_user_menu(self, client, staff_user):
        client.force_login(staff_user)
        assert reverse("wagtailadmin_home") not in client.get("/").content.decode()

    @pytest.mark.parametrize(
        "fixture",
        ["communication_user", "regional_editor_user", "instruction_owner_user", "administrator_user"],
    )
    def test_editors_open_the_admin(self, client, request, fixture):
        client.force_login(request.getfixturevalue(fixture))
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        assert reverse("wagtailadmin_home") in client.get("/").content.decode()


def _home_permissions(user):
    from intranet.models import HomePage

    return HomePage.objects.get(locale__language_code="fi").permissions_for_user(user)


def _news_permissions(user):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get(locale__language_code="fi").permissions_for_user(user)


@pytest.mark.django_db
class TestPagePermissions:
    """Page permissions sit on sections: the site (home page) and the news section (docs/access.md).
    What may be done with each article is in tests/news/test_permissions.py."""

    def test_communication_unit_drafts_and_approvers_publish(
        self, communication_user, communication_approver_user
    ):
        drafter = _news_permissions(communication_user)
        assert drafter.can_add_subpage() and not drafter.can_publish_subpage()
        approver = _news_permissions(communication_approver_user)
        assert approver.can_add_subpage() and approver.can_publish_subpage()
        assert _home_permissions(communication_approver_user).can_publish_subpage()

    def test_regional_editor_works_in_the_news_section_only(self, regional_editor_user):
        assert _news_permissions(regional_editor_user).can_add_subpage()
        home = _home_permissions(regional_editor_user)
        assert not home.can_add_subpage() and not home.can_edit()

    def test_staff_cannot_edit_pages(self, staff_user):
        for perms in (_home_permissions(staff_user), _news_permissions(staff_user)):
            assert not perms.can_add_subpage() and not perms.can_edit()


@pytest.mark.django_db
class TestOrganisationInAdmin:
    def test_administrator_lists_people_with_search_and_filters(self, client, administrator_user, org):
        client.force_login(administrator_user)
        response = client.get("/admin/snippets/teams/person/", {"q": "Virtanen"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Aino Virtanen" in html and "Sanna Lehtola" not in html
        filtered = client.get(
            "/admin/snippets/teams/person/", {"home_location": org.salla.pk}
        ).content.decode()
        assert "Erik Sjöberg" in filtered and "Aino Virtanen" not in filtered

    def test_administrator_edits_a_team(self, client, administrator_user, org):
        client.force_login(administrator_user)
        response = client.get(f"/admin/snippets/teams/team/edit/{org.payroll_team.pk}/")
        assert response.status_code == 200

    @pytest.mark.parametrize("fixture", ["communication_user", "regional_editor_user", "staff_user"])
    def test_only_administrators_edit_people(self, client, request, fixture, org):
        client.force_login(request.getfixturevalue(fixture))
        response = client.get(f"/admin/snippets/teams/person/edit/{org.people['aino'].pk}/")
        assert response.status_code in (302, 403)

    def test_admin_photo_upload_rejects_a_non_image_and_stores_nothing(
        self, client, administrator_user, org, settings, tmp_path
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        settings.MEDIA_ROOT = tmp_path
        client.force_login(administrator_user)
        aino = org.people["aino"]
        url = f"/admin/snippets/teams/person/edit/{aino.pk}/"
        data = {
            "user": aino.user_id,
            "title": aino.title,
            "agency": aino.agency_id,
            "unit": aino.unit_id,
            "home_location": aino.home_location_id,
            "manager": aino.manager_id or "",
            "phone": "",
            "expertise": "palkkatuki",
            "photo": SimpleUploadedFile("x.png", b"not an image", "image/png"),
        }
        response = client.post(url, data)
        assert response.status_code == 200  # the form again, with errors
        assert "photo" in response.context["form"].errors
        aino.refresh_from_db()
        assert not aino.photo
        assert not any(p.is_file() for p in tmp_path.rglob("*"))
