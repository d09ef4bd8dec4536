"""Erasure of a person: nothing personal is left in any table linked to them (except what records keep)."""

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.personal_data import DECLARATIONS, KEEP, NOT_PERSONAL
from privacy import erasure
from tests.privacy import kinds
from tests.privacy.test_registry import person_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_people(demo_loaded):
    from teams.models import Person

    first, second = Person.objects.select_related("user").order_by("pk")[2:4]
    return first.user, second.user


def rows_left(user, person_pk) -> list[str]:
    """Every row of every model still linked to ``user`` (or their person) that is not a kept record."""
    left = []
    for label, field in person_links():
        if label in NOT_PERSONAL:
            continue
        declaration = DECLARATIONS.get(label)
        if declaration is not None and declaration.erase == KEEP:
            continue
        if field.many_to_many:
            continue  # its through table is walked as a model of its own
        model = field.model
        target = person_pk if field.related_model._meta.label == "teams.Person" else user.pk
        count = model._default_manager.filter(**{field.attname: target}).count()
        if count:
            left.append(f"{label}.{field.name}: {count}")
    return left


def test_erasure_leaves_nothing_personal(two_people):
    me, other = two_people
    built = {
        label: kinds.build(label, me, other) for label in sorted(DECLARATIONS) if label in kinds.BUILDERS
    }
    person_pk = me.person.pk
    username = me.username
    before = rows_left(me, person_pk)
    assert any(item.startswith("chat.Message.author") for item in before)  # the scan sees the rows

    erasure.erase(user=me, actor=None, reason="request")

    assert rows_left(me, person_pk) == []
    me.refresh_from_db()
    assert me.username == f"former-{me.pk}" and not me.email and not me.first_name and not me.is_active
    assert not me.has_usable_password()
    # Others' rows stay (their message to the person, their own rows of each kind).
    from chat.models import Message

    assert Message.objects.filter(pk=built["chat.Message"][1]).exists()
    mine = Message.objects.get(pk=built["chat.Message"][0])
    assert mine.author is None and mine.body == "my message"  # the conversation keeps it, “former employee”
    assert other.person.__class__.objects.filter(pk=other.person.pk).exists()
    # The erasure is in the audit trail without the erased name as target text beyond the old username.
    assert AuditEvent.objects.filter(action="erasure", target__contains=username).exists()


def test_administrator_confirms_with_a_list_of_what_goes(client, two_people, administrator_user):
    me, other = two_people
    kinds.build("chat.Message", me, other)
    client.force_login(administrator_user)
    page = client.get(reverse("privacy_erase", args=[me.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "former employee" in text.lower() or "entinen" in text.lower()
    # A wrong confirmation changes nothing.
    client.post(reverse("privacy_erase", args=[me.pk]), {"confirm": "wrong"})
    me.refresh_from_db()
    assert me.is_active
    client.post(reverse("privacy_erase", args=[me.pk]), {"confirm": me.username})
    me.refresh_from_db()
    assert not me.is_active and me.username.startswith("former-")


def test_staff_cannot_erase(client, two_people, staff_user):
    me, _other = two_people
    client.force_login(staff_user)
    response = client.post(reverse("privacy_erase", args=[me.pk]), {"confirm": me.username})
    assert response.status_code in (302, 403)
    me.refresh_from_db()
    assert me.is_active


def test_people_who_left_are_erased_after_the_period(two_people, settings):
    import datetime

    from django.utils import timezone

    from privacy.models import Departure

    me, _other = two_people
    me.is_active = False
    me.save()
    departure = Departure.objects.get(user=me)
    settings.PRIVACY_ERASE_AFTER_DAYS = 90
    assert erasure.erase_departed(now=timezone.now() + datetime.timedelta(days=89)) == 0
    assert erasure.erase_departed(now=departure.left_at + datetime.timedelta(days=91)) == 1
    me.refresh_from_db()
    assert me.username.startswith("former-")
    # Reactivated before the period: the count stops.
    _other.is_active = False
    _other.save()
    _other.is_active = True
    _other.save()
    assert not Departure.objects.filter(user=_other).exists()
