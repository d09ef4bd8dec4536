"""A form posted without a field its view reads answers 400 with a page that says so, and saves nothing
(core/incomplete_forms.py). The admin access walk (tests/intranet/admin_secrets.py) posts every admin URL
without a body, so it meets each view that reads a field the admin's own page always sends."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def test_a_copy_or_a_new_page_posted_without_its_fields_answers_400_and_saves_nothing(
    client, communication_user
):
    client.force_login(communication_user)
    index = NewsIndexPage.objects.get(locale__language_code="fi")
    pages = Page.objects.count()
    for url in (
        reverse("wagtailadmin_pages:copy", args=[index.pk]),  # no new_parent_page
        reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", index.pk]),  # no body-count
    ):
        response = client.post(url)
        assert response.status_code == 400, url
        html = response.content.decode()
        assert "<h1>Lomake oli puutteellinen</h1>" in html and "Mitään ei tallennettu" in html
    assert Page.objects.count() == pages
