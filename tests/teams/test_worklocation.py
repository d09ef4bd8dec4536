"""Today's work location and the weekly plan: Helsinki dates, midnight reset, pages and forms."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from presence import worklocation
from presence.models import WorkLocationDay, WorkPlace
from presence.store import get_store, reset_store

UTC = ZoneInfo("UTC")
pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def clean_store():
    reset_store()
    get_store().clear()
    yield
    get_store().clear()


def test_today_is_the_helsinki_date_whatever_the_server_zone():
    # 23:59 in Helsinki (UTC+2 in November) is still Wednesday; a minute later it is Thursday.
    assert worklocation.today(datetime.datetime(2026, 11, 25, 21, 59, tzinfo=UTC)) == datetime.date(
        2026, 11, 25
    )
    assert worklocation.today(datetime.datetime(2026, 11, 25, 22, 0, tzinfo=UTC)) == datetime.date(
        2026, 11, 26
    )
    # Summer time (UTC+3).
    assert worklocation.today(datetime.datetime(2026, 6, 30, 21, 0, tzinfo=UTC)) == datetime.date(2026, 7, 1)


def test_the_plan_fills_today_a_set_value_wins_and_resets_at_midnight(org):
    aino = org.people["aino"]
    worklocation.set_weekly_plan(
        person=aino, days={0: (WorkPlace.OFFICE, org.vaasa, ""), 1: (WorkPlace.REMOTE, None, "")}
    )
    where = worklocation.where_today(person_ids=[aino.pk], on=MONDAY)[aino.pk]
    assert (where.kind, where.location, where.planned) == (WorkPlace.OFFICE, org.vaasa, True)
    worklocation.set_today(
        person=aino, kind=WorkPlace.OFFICE, location=org.mikkeli, note="aamupäivän", on=MONDAY
    )
    where = worklocation.where_today(person_ids=[aino.pk], on=MONDAY)[aino.pk]
    assert (where.location, where.note, where.planned) == (org.mikkeli, "aamupäivän", False)
    # Tuesday: Monday's choice is gone, the plan applies again; the weekend has no default.
    tuesday = worklocation.where_today(person_ids=[aino.pk], on=MONDAY + datetime.timedelta(days=1))[aino.pk]
    assert tuesday.kind == WorkPlace.REMOTE
    assert worklocation.where_today(person_ids=[aino.pk], on=MONDAY + datetime.timedelta(days=5)) == {}


def test_here_today_counts_set_values_and_plans_but_not_plans_overridden(org):
    aino, matti, pekka = org.people["aino"], org.people["matti"], org.people["pekka"]
    for person in (aino, matti, pekka):
        worklocation.set_weekly_plan(person=person, days={0: (WorkPlace.OFFICE, org.vaasa, "")})
    worklocation.set_today(person=matti, kind=WorkPlace.REMOTE, on=MONDAY)
    worklocation.set_today(person=org.people["sanna"], kind=WorkPlace.OFFICE, location=org.vaasa, on=MONDAY)
    here = set(worklocation.people_here(location=org.vaasa, on=MONDAY))
    assert here == {aino, pekka, org.people["sanna"]}


def test_bad_values_are_refused_and_nothing_is_stored(org):
    aino = org.people["aino"]
    with pytest.raises(ValidationError):
        worklocation.set_today(person=aino, kind=WorkPlace.OFFICE, location=None)
    with pytest.raises(ValidationError):
        worklocation.set_today(person=aino, kind="moon")
    with pytest.raises(ValidationError):
        worklocation.set_weekly_plan(person=aino, days={5: (WorkPlace.REMOTE, None, "")})
    assert not WorkLocationDay.objects.exists()


def test_header_menu_sets_today_in_one_post_and_returns_to_the_page(client, org):
    aino = org.people["aino"]
    client.force_login(aino.user)
    response = client.post(
        reverse("presence:worklocation_set"), {"place": f"office:{org.mikkeli.pk}", "next": "/tiimit/"}
    )
    assert response.status_code == 302 and response["Location"] == "/tiimit/"
    assert worklocation.where_today(person_ids=[aino.pk])[aino.pk].location == org.mikkeli
    client.post(reverse("presence:worklocation_set"), {"place": "remote", "next": "https://evil.example/"})
    assert worklocation.where_today(person_ids=[aino.pk])[aino.pk].kind == WorkPlace.REMOTE
    response = client.post(reverse("presence:worklocation_set"), {"place": "office:999999"}, follow=True)
    assert "Choose where you work" in response.content.decode() or "Valitse" in response.content.decode()
    assert worklocation.where_today(person_ids=[aino.pk])[aino.pk].kind == WorkPlace.REMOTE
    assert client.get(reverse("presence:worklocation_set")).status_code == 405


def test_weekly_plan_form_and_my_status_page(client, org):
    aino = org.people["aino"]
    client.force_login(aino.user)
    data = {f"kind_{d}": "" for d in range(5)} | {
        "kind_0": "office",
        "location_0": org.vaasa.pk,
        "kind_4": "remote",
    }
    assert client.post(reverse("presence:weekly_plan_set"), data).status_code == 302
    assert set(worklocation.weekly_plan(person=aino)) == {0, 4}
    bad = data | {"kind_1": "office"}  # an office day without an office
    client.post(reverse("presence:weekly_plan_set"), bad)
    assert set(worklocation.weekly_plan(person=aino)) == {0, 4}
    html = client.get(reverse("presence:my_status")).content.decode()
    assert 'name="kind_0"' in html and 'name="manual"' in html


def test_team_and_location_pages_show_where_people_are_today(client, org):
    client.force_login(org.people["sanna"].user)
    worklocation.set_today(
        person=org.people["aino"], kind=WorkPlace.OFFICE, location=org.salla, note="tarkastus"
    )
    worklocation.set_today(person=org.people["matti"], kind=WorkPlace.TRAVELLING)
    team_html = client.get(reverse("teams:team", args=["palkkatuki"])).content.decode()
    assert "Salla – tarkastus" in team_html
    assert 'data-presence-topics="presence.team.' in team_html
    location_html = client.get(reverse("teams:location", args=["salla"])).content.decode()
    here = location_html.split('id="here-today"')[1].split("</section>")[0]
    assert "Aino Virtanen" in here and "Matti" not in here


def test_a_long_here_today_list_says_how_many_more_and_links_to_the_directory(client, org, monkeypatch):
    from teams import services

    client.force_login(org.people["sanna"].user)
    for name in ("aino", "matti", "pekka"):
        worklocation.set_today(person=org.people[name], kind=WorkPlace.OFFICE, location=org.salla)
    monkeypatch.setattr(services, "HERE_TODAY_LIMIT", 2)
    html = client.get(reverse("teams:location", args=["salla"])).content.decode()
    here = html.split('id="here-today"')[1].split("</section>")[0]
    assert "(3)" in here and here.count('data-presence-user="') == 2
    more = here.split("data-here-more>")[1].split("</p>")[0]
    assert 'href="/ihmiset/?here_today=salla"' in more and "1 " in more
    monkeypatch.setattr(services, "HERE_TODAY_LIMIT", 3)
    html = client.get(reverse("teams:location", args=["salla"])).content.decode()
    assert "data-here-more" not in html and "(3)" in html


def test_directory_filters_here_today_and_available_now(client, org):
    import asyncio

    client.force_login(org.people["sanna"].user)
    worklocation.set_today(person=org.people["aino"], kind=WorkPlace.OFFICE, location=org.salla)
    html = client.get(reverse("teams:directory"), {"here_today": "salla"}).content.decode()
    assert "Aino Virtanen" in html and "Matti Äijälä" not in html
    asyncio.run(get_store().aconnect("t.1", org.people["matti"].user_id, "online", {}))
    asyncio.run(get_store().aconnect("t.2", org.people["pekka"].user_id, "away", {}))
    html = client.get(reverse("teams:directory"), {"available": "on"}).content.decode()
    assert "Matti Äijälä" in html and "Pekka Öhman" not in html and "Aino Virtanen" not in html


def test_status_form_sets_manual_status_and_refuses_unknown_ones(client, org):
    from presence.models import PresenceSetting

    aino = org.people["aino"]
    client.force_login(aino.user)
    assert client.post(reverse("presence:presence_set"), {"manual": "dnd", "next": "/"}).status_code == 302
    assert PresenceSetting.objects.get(user=aino.user).manual == "dnd"
    client.post(reverse("presence:presence_set"), {"manual": "invisible"})
    assert PresenceSetting.objects.get(user=aino.user).manual == "dnd"
    client.post(
        reverse("presence:presence_set"),
        {"manual": "", "text": "Koulutuksessa", "emoji": "📚", "duration": "1h", "hidden": "on"},
    )
    setting = PresenceSetting.objects.get(user=aino.user)
    assert (setting.manual, setting.custom_text, setting.hidden) == ("", "Koulutuksessa", True)
    assert setting.custom_until is not None


@pytest.mark.parametrize(
    ("language", "words"),
    [("fi", "enintään 100 merkkiä"), ("sv", "som mest 100 tecken"), ("en", "at most 100 characters")],
)
def test_an_over_long_status_says_how_long_it_may_be_and_keeps_the_text(client, org, language, words):
    from presence.models import PresenceSetting

    aino = org.people["aino"]
    client.force_login(aino.user)
    client.cookies["django_language"] = language
    text = ("Koulutuksessa Mikkelissä koko viikon, " * 4).strip()  # 151 characters
    response = client.post(
        reverse("presence:presence_set"),
        {"manual": "", "text": text, "emoji": "", "duration": "1h"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("presence:my_status")
    html = response.content.decode()
    assert html.count(words) == 2 and "151)" in html  # in the message and beside the field
    assert f'value="{text}"' in html  # what was typed is in the form again
    assert not PresenceSetting.objects.filter(user=aino.user).exclude(custom_text="").exists()
    # The next visit shows the saved status again, not the refused text.
    assert f'value="{text}"' not in client.get(reverse("presence:my_status")).content.decode()


def test_demo_people_have_weekly_plans_and_some_set_today(org):
    from demo.worklocation import load_work_locations
    from presence.models import WorkLocationPlan

    created = load_work_locations()
    assert created >= 6 * 5
    assert WorkLocationPlan.objects.filter(person=org.people["aino"]).count() == 5
    assert load_work_locations() == 0  # idempotent
