"""Removing a person's data: after they have left (PRIVACY_ERASE_AFTER_DAYS) or on request.

Each kind goes as its declaration says (core.personal_data): rows deleted, or kept with the link to the
person removed (their messages stay in others' conversations as “former employee”), or kept as records
require. The account itself stays, emptied (username ``former-<id>``), so that kept records still point at
one anonymous account.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core import audit, personal_data, retention_settings
from core.personal_data import ANONYMISE, DELETE, KEEP
from privacy.models import Departure


def _other_people_links(declaration, user) -> list[tuple]:
    model = personal_data.model_of(declaration)
    links = []
    for name in declaration.extra.get("other_people", ()):
        field = model._meta.get_field(name)
        if field.related_model._meta.label == "teams.Person":
            links.append((model, name, {f"{name}__user": user}))
        else:
            links.append((model, name, {name: user}))
    return links


def plan(*, user) -> list[dict]:
    """What an erasure of ``user`` does, kind by kind (the confirmation page lists it)."""
    rows = []
    for declaration in sorted(personal_data.DECLARATIONS.values(), key=lambda d: d.model):
        model = personal_data.model_of(declaration)
        if declaration.person_fields:
            count = model._default_manager.filter(personal_data.person_filter(declaration, user)).count()
        else:
            count = len(personal_data.export_rows(declaration, user))
        if count:
            rows.append(
                {
                    "model": declaration.model,
                    "kind": str(model._meta.verbose_name_plural),
                    "count": count,
                    "erase": declaration.erase,
                }
            )
    return rows


@transaction.atomic
def erase(*, user, actor=None, reason: str = "request") -> dict[str, int]:
    """Erase ``user``'s personal data as the registry says; returns rows affected per kind."""
    done: dict[str, int] = {}
    username = user.get_username()
    declarations = sorted(
        personal_data.DECLARATIONS.values(), key=lambda d: (d.model == "auth.User", d.model)
    )  # the account last: the others find the person's rows through it
    for declaration in declarations:
        model = personal_data.model_of(declaration)
        for link_model, name, lookup in _other_people_links(declaration, user):
            if link_model._meta.get_field(name).null:
                link_model._default_manager.filter(**lookup).update(**{name: None})
        if declaration.erase == KEEP:
            continue
        if declaration.erase == DELETE and declaration.person_fields:
            done[declaration.model] = model._default_manager.filter(
                personal_data.person_filter(declaration, user)
            ).delete()[0]
        elif declaration.erase in (ANONYMISE, DELETE):
            done[declaration.model] = personal_data.anonymise_rows(declaration, user)
    Departure.objects.update_or_create(
        user=user, defaults={"erased_at": timezone.now()}, create_defaults={"erased_at": timezone.now()}
    )
    audit.record(
        actor=actor,
        action=audit.ERASURE,
        target=f"user {user.pk} ({username})",
        details={"reason": reason, "rows": {k: v for k, v in done.items() if v}},
    )
    return done


def erase_departed(*, now=None, limit: int = 20) -> int:
    """Erase the people who left more than PRIVACY_ERASE_AFTER_DAYS ago (a few per run); returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_settings.value("PRIVACY_ERASE_AFTER_DAYS"))
    due = Departure.objects.filter(left_at__lte=cutoff, erased_at__isnull=True, user__is_active=False)
    count = 0
    for departure in due.select_related("user")[:limit]:
        erase(user=departure.user, actor=None, reason="left")
        count += 1
    return count


def on_user_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """Deactivating an account starts the count to erasure; reactivating it stops it."""
    if update_fields is not None and "is_active" not in update_fields:
        return  # a sign-in (last_login), a new password: no query
    if instance.get_username() == personal_data.FORMER_EMPLOYEE_USERNAME:
        return
    if instance.is_active:
        Departure.objects.filter(user=instance, erased_at__isnull=True).delete()
    elif not Departure.objects.filter(user=instance).exists():
        Departure.objects.create(user=instance)


def connect() -> None:
    from django.db.models.signals import post_save

    post_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="privacy.departure")
