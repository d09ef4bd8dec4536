"""Runs only against PostgreSQL (CI): the database the platform uses in production."""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


def test_the_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"


def test_case_insensitive_search_of_finnish_letters(staff_client, org):
    response = staff_client.get(reverse("teams:directory"), {"q": "ÄIJÄLÄ"})
    assert [p.user.username for p in response.context["page"].object_list] == ["matti.aijala"]


def test_languages_json_round_trips(org):
    person = org.people["aino"]
    person.languages = ["fi", "sv", "se"]
    person.save()
    person.refresh_from_db()
    assert person.language_labels()[0] in {"Finnish", "suomi"}
    assert person.languages == ["fi", "sv", "se"]
