"""Fixtures for the strategy tests: a small strategy, rounds in each state, people in roles."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from strategy import roles
from strategy.models import Element, Poll, Round, Statement
from tests.factories import PersonFactory, UserFactory


def make_round(
    *, slug="arvot", anonymous=True, hidden=True, open=True, statements=True, proposals=True, **extra
):
    now = timezone.now()
    if open:
        opens, closes = now - datetime.timedelta(days=2), now + datetime.timedelta(days=5)
    else:
        opens, closes = now - datetime.timedelta(days=10), now - datetime.timedelta(days=1)
    return Round.objects.create(
        title_fi=f"Kierros {slug}",
        title_sv=f"Omgång {slug}",
        slug=slug,
        stage=Round.Stage.VALUES,
        opens_at=opens,
        closes_at=closes,
        anonymous=anonymous,
        results_hidden=hidden,
        statements=statements,
        proposals=proposals,
        **extra,
    )


def close(round):
    now = timezone.now()
    Round.objects.filter(pk=round.pk).update(
        opens_at=now - datetime.timedelta(days=3), closes_at=now - datetime.timedelta(minutes=1)
    )
    round.refresh_from_db()
    return round


@pytest.fixture
def strategy_map(db):
    mission = Element.objects.create(
        kind="mission",
        key="toiminta-ajatus",
        title_fi="Toiminta-ajatus",
        title_sv="Verksamhetsidé",
        body_fi="Tuotamme yhteiset palvelut.\n\nTuemme virastoja ja kuntia.",
        body_sv="Vi producerar gemensamma tjänster.\n\nVi stöder ämbetsverken.",
    )
    vision = Element.objects.create(
        kind="vision", key="visio", title_fi="Visio", body_fi="Paras kumppani.", order=1
    )
    value = Element.objects.create(
        kind="value", key="avoimuus", title_fi="Avoimuus", body_fi="Kerromme.", order=2
    )
    goal = Element.objects.create(kind="goal", key="tavoite-1", title_fi="Sujuvat palvelut", order=3)
    action = Element.objects.create(
        kind="action", key="toimenpide-1", title_fi="Sähköinen asiointi", parent=goal, order=4
    )
    factor = Element.objects.create(
        kind="factor", key="tekija-1", title_fi="Osaava henkilöstö", parent=action, order=5
    )
    return {
        "mission": mission,
        "vision": vision,
        "value": value,
        "goal": goal,
        "action": action,
        "factor": factor,
    }


@pytest.fixture
def poll_round(db):
    round = make_round()
    single = Poll.objects.create(
        round=round, kind="single", question_fi="Tärkein arvo?", options_fi="Avoimuus\nLuotettavuus\nRohkeus"
    )
    multiple = Poll.objects.create(
        round=round,
        kind="multiple",
        question_fi="Mitkä arvot?",
        options_fi="Avoimuus\nLuotettavuus\nRohkeus",
        order=1,
    )
    scale = Poll.objects.create(round=round, kind="scale", question_fi="Kuinka tärkeä?", scale_max=5, order=2)
    ranking = Poll.objects.create(
        round=round,
        kind="ranking",
        question_fi="Arvot tärkeysjärjestykseen",
        options_fi="Avoimuus\nLuotettavuus\nRohkeus",
        order=3,
    )
    dots = Poll.objects.create(
        round=round,
        kind="dots",
        question_fi="Mihin panostetaan?",
        options_fi="Avoimuus\nLuotettavuus\nRohkeus",
        dots=10,
        order=4,
    )
    statement = Statement.objects.create(
        round=round, text="Etätyö on tärkeää.", state=Statement.State.APPROVED
    )
    return {
        "round": round,
        "single": single,
        "multiple": multiple,
        "scale": scale,
        "ranking": ranking,
        "dots": dots,
        "statement": statement,
    }


def person(username, *, group=None, **fields):
    user = UserFactory(username=username)
    PersonFactory(user=user, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def team_user(db):
    return person("strategiatiimi", group=roles.STRATEGY_TEAM)


@pytest.fixture
def leader_user(db):
    return person("johtaja", group=roles.LEADERSHIP)


@pytest.fixture
def moderator_user(db):
    return person("moderaattori", group=roles.MODERATORS)


@pytest.fixture
def people(db):
    return [person(f"osallistuja{n}") for n in range(8)]
