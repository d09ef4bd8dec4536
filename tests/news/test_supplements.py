"""Regional supplements: one article, seen with the supplement only inside its agency; editors scoped."""

import pytest

from news.models import RegionalSupplement
from tests.factories import PersonFactory, UserFactory

ADD = "/admin/snippets/news/regionalsupplement/add/"


@pytest.fixture
def national(org, publish):
    return publish(title="Palkkatuen uudet ohjeet", publisher=org.keha)


@pytest.fixture
def supplement(org, national):
    return RegionalSupplement.objects.create(
        article=national,
        agency=org.ely,
        body="<p>Pohjanmaalla kysy Liisalta.</p>",
        contact=org.people["liisa"],
    )


@pytest.mark.django_db
class TestReaders:
    def test_reader_in_the_agency_sees_the_supplement_under_the_article(
        self, client, org, national, supplement
    ):
        client.force_login(org.people["liisa"].user)
        html = client.get(national.url).content.decode()
        assert "Palkkatuen uudet ohjeet" in html and "Pohjanmaalla kysy Liisalta." in html
        assert "Pohjanmaan ELY-keskus" in html  # labelled with the agency
        assert html.index("Palkkatuen uudet ohjeet – leipäteksti") < html.index("Pohjanmaalla kysy Liisalta.")

    def test_reader_elsewhere_does_not(self, client, org, national, supplement):
        client.force_login(org.people["aino"].user)
        html = client.get(national.url).content.decode()
        assert "Palkkatuen uudet ohjeet" in html and "Pohjanmaalla" not in html

    def test_one_url_for_everyone(self, client, org, national, supplement):
        for person in ["liisa", "aino"]:
            client.force_login(org.people[person].user)
            assert client.get(national.url).status_code == 200
        assert national.url == "/uutiset/" + national.slug + "/"

    def test_swedish_reader_gets_the_swedish_supplement(self, client, org, national, supplement):
        supplement.body_sv = "<p>I Österbotten, fråga Liisa.</p>"
        supplement.save()
        client.force_login(org.people["liisa"].user)
        client.cookies["django_language"] = "sv"
        html = client.get(national.url).content.decode()
        assert "I Österbotten, fråga Liisa." in html and "Pohjanmaalla kysy" not in html

    def test_supplement_text_is_sanitised(self, client, org, national):
        RegionalSupplement.objects.create(
            article=national,
            agency=org.ely,
            body='<p>Hei<script>alert(1)</script><a href="javascript:x()">x</a></p>',
        )
        client.force_login(org.people["liisa"].user)
        html = client.get(national.url).content.decode()
        assert "<script>alert(1)" not in html and "javascript:x()" not in html


def supplement_form(*, article, agency, body="<p>Lisätieto.</p>"):
    from wagtail.test.utils.form_data import rich_text

    return {
        "article": article.pk,
        "agency": agency.pk,
        "body": rich_text(body),
        "body_sv": rich_text(""),
        "contact": "",
    }


@pytest.mark.django_db
class TestEditors:
    def test_regional_editor_adds_one_for_own_agency(self, client, regional_editor_user, national):
        client.force_login(regional_editor_user)
        lapland = regional_editor_user.person.agency
        response = client.post(ADD, supplement_form(article=national, agency=lapland))
        assert response.status_code == 302
        supplement = RegionalSupplement.objects.get()
        assert supplement.agency == lapland and supplement.created_by == regional_editor_user

    def test_not_for_another_agency(self, client, regional_editor_user, national, org):
        client.force_login(regional_editor_user)
        response = client.post(ADD, supplement_form(article=national, agency=org.ely))
        assert response.status_code == 200 and "agency" in response.context["form"].errors
        assert not RegionalSupplement.objects.exists()

    def test_not_on_regional_news(self, client, regional_editor_user, publish):
        lapland = regional_editor_user.person.agency
        regional = publish(title="Lapin oma", publisher=lapland, agencies=[lapland])
        client.force_login(regional_editor_user)
        response = client.post(ADD, supplement_form(article=regional, agency=lapland))
        assert response.status_code == 200 and "article" in response.context["form"].errors

    def test_cannot_edit_or_delete_another_agencys_supplement(self, client, regional_editor_user, supplement):
        client.force_login(regional_editor_user)
        edit = f"/admin/snippets/news/regionalsupplement/edit/{supplement.pk}/"
        delete = f"/admin/snippets/news/regionalsupplement/delete/{supplement.pk}/"
        assert client.get(edit).status_code in (302, 403, 404)
        client.post(
            edit,
            supplement_form(article=supplement.article, agency=supplement.agency, body="<p>Muutettu</p>"),
        )
        client.post(delete)
        supplement.refresh_from_db()
        assert "Pohjanmaalla" in supplement.body

    def test_bulk_delete_and_copy_of_another_agencys_supplement_are_refused(
        self, client, regional_editor_user, supplement
    ):
        """Wagtail's snippet bulk delete and copy views follow the same agency rule as the single views."""
        client.force_login(regional_editor_user)
        bulk = f"/admin/bulk/news/regionalsupplement/delete/?id={supplement.pk}"
        assert "Pohjanmaalla" not in client.get(bulk).content.decode()
        client.post(bulk)
        assert RegionalSupplement.objects.filter(pk=supplement.pk).exists()
        copy = client.get(f"/admin/snippets/news/regionalsupplement/copy/{supplement.pk}/")
        assert copy.status_code in (302, 403, 404) and "Pohjanmaalla" not in copy.content.decode()

    @pytest.mark.parametrize("view", ["history", "usage", "copy"])
    def test_history_usage_and_copy_open_for_whom_the_supplement_belongs_to(
        self, client, communication_user, regional_editor_user, supplement, view
    ):
        """Each of Wagtail's object views answers (never a 500) for an editor of the supplement's agency, and
        as a missing supplement for another agency's editor."""
        url = f"/admin/snippets/news/regionalsupplement/{view}/{supplement.pk}/"
        client.force_login(communication_user)
        assert client.get(url).status_code == 200
        client.force_login(regional_editor_user)
        other = client.get(url)
        assert other.status_code in (302, 403, 404) and "Pohjanmaalla" not in other.content.decode()

    def test_listing_shows_only_own_agencys_supplements(self, client, regional_editor_user, supplement):
        client.force_login(regional_editor_user)
        html = client.get("/admin/snippets/news/regionalsupplement/").content.decode()
        assert "Palkkatuen uudet ohjeet" not in html

    def test_staff_cannot_add_supplements(self, client, staff_user, national, org):
        client.force_login(staff_user)
        client.post(ADD, supplement_form(article=national, agency=org.ely))
        assert not RegionalSupplement.objects.exists()

    def test_regional_editor_sees_the_add_link_on_the_article(self, client, org, national):
        user = UserFactory(username="pohjanmaa.toimittaja")
        from core import roles

        user.groups.add(roles.ensure_regional_editor_group(agency=org.ely))
        PersonFactory(user=user, agency=org.ely)
        client.force_login(user)
        html = client.get(national.url).content.decode()
        assert f"{ADD}?article={national.pk}" in html
        form = client.get(ADD, {"article": national.pk}).context["form"]
        assert form.initial.get("agency") == org.ely.pk
        assert form.initial.get("article") == national.pk

    def test_an_empty_supplement_is_refused(self, client, regional_editor_user, national):
        client.force_login(regional_editor_user)
        response = client.post(
            ADD, supplement_form(article=national, agency=regional_editor_user.person.agency, body="<p> </p>")
        )
        assert response.status_code == 200 and "body" in response.context["form"].errors
        assert not RegionalSupplement.objects.exists()

    @pytest.mark.parametrize("swedish", ["", "   ", None])
    def test_an_empty_swedish_text_is_no_swedish_text(self, client, regional_editor_user, national, swedish):
        client.force_login(regional_editor_user)
        data = supplement_form(article=national, agency=regional_editor_user.person.agency)
        if swedish is None:
            del data["body_sv"]
        else:
            data["body_sv"] = swedish
        response = client.post(ADD, data)
        assert response.status_code == 302
        supplement = RegionalSupplement.objects.get()
        assert supplement.body_sv == "" and "Lisätieto" in supplement.body

    @pytest.mark.parametrize(
        "posted", ["", "x", "[]", "null", '{"blocks": 5}', '{"blocks": [{"text": 1}]}', "[" * 100_000]
    )
    def test_an_unreadable_text_is_a_form_error_not_a_server_error(
        self, client, regional_editor_user, national, posted
    ):
        client.force_login(regional_editor_user)
        data = supplement_form(article=national, agency=regional_editor_user.person.agency)
        data["body"], data["body_sv"] = posted, posted
        response = client.post(ADD, data)
        assert response.status_code == 200 and "body" in response.context["form"].errors
        assert not RegionalSupplement.objects.exists()
