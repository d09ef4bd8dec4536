"""Who may publish what, through Wagtail's own admin URLs, by direct POST (not only through the UI).

Regional editors publish only as and to their own agency and never touch national
news; the communication unit drafts national news and an approver publishes it.
"""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsArticlePage

ADD = "wagtailadmin_pages:add"


def article_form(*, title, publisher, agencies=(), locations=(), action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "lead": "Ingressi.",
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Teksti.</p>"))]),
            "publisher": publisher.pk,
            "pinned_until": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["audience_agencies"] = [agency.pk for agency in agencies]
    data["audience_locations"] = [location.pk for location in locations]
    if action:
        data[action] = "1"
    return data


def add_url(index):
    return reverse(ADD, args=["news", "newsarticlepage", index.pk])


@pytest.fixture
def lapland(regional_editor_user):
    return regional_editor_user.person.agency


@pytest.fixture
def national(org, publish):
    return publish(title="Valtakunnallinen tiedote", publisher=org.keha)


@pytest.mark.django_db
class TestRegionalEditor:
    def test_publishes_for_own_agency_to_own_agency(self, client, regional_editor_user, lapland, news_index):
        client.force_login(regional_editor_user)
        response = client.post(
            add_url(news_index), article_form(title="Lapin uutinen", publisher=lapland, agencies=[lapland])
        )
        assert response.status_code == 302
        article = NewsArticlePage.objects.get(title="Lapin uutinen")
        assert article.live and article.publisher == lapland and not article.for_everyone

    @pytest.mark.parametrize("case", ["national_publisher", "other_agency_audience", "everyone", "location"])
    def test_cannot_publish_nationally_or_for_another_agency(
        self, client, regional_editor_user, lapland, org, news_index, case
    ):
        forms = {
            "national_publisher": (
                article_form(title="Yritys", publisher=org.keha, agencies=[lapland]),
                "publisher",
            ),
            "other_agency_audience": (
                article_form(title="Yritys", publisher=lapland, agencies=[org.ely]),
                "audience_agencies",
            ),
            "everyone": (article_form(title="Yritys", publisher=lapland), "audience_agencies"),
            "location": (
                article_form(title="Yritys", publisher=lapland, agencies=[lapland], locations=[org.vaasa]),
                "audience_locations",
            ),
        }
        data, field = forms[case]
        client.force_login(regional_editor_user)
        response = client.post(add_url(news_index), data)
        assert response.status_code == 200  # the form again, with the error shown
        assert set(response.context["form"].errors) == {field}
        assert not NewsArticlePage.objects.filter(title="Yritys").exists()

    def test_the_form_offers_only_the_own_agency(
        self, client, regional_editor_user, lapland, org, news_index
    ):
        client.force_login(regional_editor_user)
        form = client.get(add_url(news_index)).context["form"]
        assert list(form.fields["publisher"].queryset) == [lapland]
        assert form.initial["publisher"] == lapland.pk

    def test_cannot_edit_unpublish_delete_or_copy_national_news(
        self, client, regional_editor_user, national, org
    ):
        client.force_login(regional_editor_user)
        edit = client.post(
            reverse("wagtailadmin_pages:edit", args=[national.pk]),
            article_form(title="Kaapattu", publisher=org.keha),
        )
        assert edit.status_code in (302, 403)
        for name in ["unpublish", "delete"]:
            response = client.post(reverse(f"wagtailadmin_pages:{name}", args=[national.pk]))
            assert response.status_code in (302, 403), name
        national.refresh_from_db()
        assert national.live and national.title == "Valtakunnallinen tiedote"
        assert national.get_latest_revision().content["title"] == "Valtakunnallinen tiedote"

    def test_cannot_edit_another_agencys_regional_news(self, client, regional_editor_user, org, publish):
        ely_news = publish(title="Pohjanmaan uutinen", publisher=org.ely, agencies=[org.ely])
        client.force_login(regional_editor_user)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[ely_news.pk])).status_code in (302, 403)
        client.post(reverse("wagtailadmin_pages:unpublish", args=[ely_news.pk]))
        ely_news.refresh_from_db()
        assert ely_news.live

    def test_cannot_approve_national_news(
        self, client, regional_editor_user, communication_user, news_index, org
    ):
        client.force_login(communication_user)
        client.post(
            add_url(news_index),
            article_form(title="Odottaa hyväksyntää", publisher=org.keha, action="action-submit"),
        )
        article = NewsArticlePage.objects.get(title="Odottaa hyväksyntää")
        state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
        client.force_login(regional_editor_user)
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[article.pk, "approve", state.current_task_state.pk],
            ),
            {"comment": ""},
        )
        assert response.status_code in (302, 403)
        article.refresh_from_db()
        assert not article.live


@pytest.mark.django_db
class TestNationalWorkflow:
    def test_communication_unit_cannot_publish_directly(self, client, communication_user, news_index, org):
        client.force_login(communication_user)
        client.post(add_url(news_index), article_form(title="Luonnos", publisher=org.keha))
        assert not NewsArticlePage.objects.get(title="Luonnos").live

    def test_drafted_submitted_and_approved_by_an_approver(
        self, client, communication_user, communication_approver_user, news_index, org
    ):
        client.force_login(communication_user)
        response = client.post(
            add_url(news_index),
            article_form(title="Hyväksyttävä", publisher=org.keha, action="action-submit"),
        )
        assert response.status_code == 302
        article = NewsArticlePage.objects.get(title="Hyväksyttävä")
        assert not article.live and article.workflow_in_progress
        state = article.current_workflow_state
        client.force_login(communication_approver_user)
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[article.pk, "approve", state.current_task_state.pk],
            ),
            {"comment": ""},
        )
        assert response.status_code in (200, 302)
        article.refresh_from_db()
        assert article.live

    def test_approver_publishes_directly(self, client, communication_approver_user, news_index, org):
        client.force_login(communication_approver_user)
        client.post(add_url(news_index), article_form(title="Suoraan", publisher=org.keha))
        assert NewsArticlePage.objects.get(title="Suoraan").live


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["staff_user", "instruction_owner_user"])
def test_others_cannot_add_news(client, request, fixture, news_index, org):
    client.force_login(request.getfixturevalue(fixture))
    response = client.post(add_url(news_index), article_form(title="Ei kuulu minulle", publisher=org.keha))
    assert response.status_code in (200, 302, 403)
    assert not NewsArticlePage.objects.filter(title="Ei kuulu minulle").exists()


@pytest.mark.django_db
def test_page_permissions_are_on_the_news_section_not_the_home_page(regional_editor_user):
    home = Page.objects.get(depth=2, locale__language_code="fi")
    assert not home.permissions_for_user(regional_editor_user).can_add_subpage()
