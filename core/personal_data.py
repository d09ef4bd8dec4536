"""What each app holds about a person: the registry behind data export, erasure and retention.

Every app that stores a row linked to a person (a ``User`` or a ``teams.Person``) declares it here from its
``AppConfig.ready()``, as it registers its search document and its frames, so that the base imports no
app and a new app cannot forget its personal data: ``tests/privacy`` walks every model with a link to a
user or person and fails when one is neither declared nor listed with :func:`not_personal`.

The privacy features (docs/privacy.md) read :data:`DECLARATIONS`: the export of one person's data, the
erasure of a person, the retention jobs and the store table of the privacy notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# How a person's rows go when the person is erased (or their retention ends after leaving):
DELETE = "delete"  # the rows go
ANONYMISE = "anonymise"  # the rows stay (others' conversations, records), the link to the person goes
KEEP = "keep"  # records rules require them as they are (the reason is in ``legal_basis``)


@dataclass(frozen=True)
class Declaration:
    """One model's personal data.

    ``person_fields`` are the field names (or ``__`` paths) that point to the person's ``User`` or
    ``teams.Person``; a row belongs to the person when any of them does. ``export`` returns the rows of
    one user as plain dicts (default: every concrete field of the matching rows); ``files`` the stored
    files of those rows for the export zip. ``anonymise`` does the ANONYMISE erasure for one user (default:
    null the person fields). ``retention`` and ``legal_basis`` are shown in the privacy notice and
    docs/privacy.md; ``retention_setting`` names the Django setting that holds the period, if any.
    """

    model: str  # "app_label.ModelName"
    person_fields: tuple[str, ...]
    purpose: str
    legal_basis: str
    retention: str
    erase: str = DELETE
    retention_setting: str = ""
    export: Callable[..., Iterable[dict]] | None = None
    files: Callable[..., Iterable] | None = None
    anonymise: Callable[..., object] | None = None
    # ``extra["other_people"]``: link fields whose rows belong to someone else (the moderator who hid a
    # comment, a person's manager): not exported as the person's, emptied when the person is erased.
    extra: dict = field(default_factory=dict)


# The common case's texts: work data of an employee, removed some time after they have left.
EMPLOYMENT = _("Employment (public duties, GDPR 6(1)(e))")
UNTIL_ERASED = _("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)")


def user_rows(
    model: str,
    purpose: str,
    *,
    field: str = "user",
    legal_basis: str = EMPLOYMENT,
    retention: str = UNTIL_ERASED,
    retention_setting: str | None = None,
    erase: str = DELETE,
    **options,
) -> Declaration:
    """The common declaration: rows linked to the person by one field, exported as their rows (every
    concrete field), deleted on erasure, kept while employed (``PRIVACY_ERASE_AFTER_DAYS`` after leaving).

    ``retention_setting`` defaults to the setting named in ``retention`` when it is the default text;
    other keyword arguments go to :class:`Declaration` as they are (``export``, ``extra``, …)."""
    if retention_setting is None:
        retention_setting = "PRIVACY_ERASE_AFTER_DAYS" if retention is UNTIL_ERASED else ""
    return Declaration(
        model=model,
        person_fields=(field,),
        purpose=purpose,
        legal_basis=legal_basis,
        retention=retention,
        retention_setting=retention_setting,
        erase=erase,
        **options,
    )


DECLARATIONS: dict[str, Declaration] = {}
# Models linked to a user or person that hold nothing about them (with the reason), e.g. Wagtail's own
# revision authorship, which the records of editing keep.
NOT_PERSONAL: dict[str, str] = {}


def register(*declarations: Declaration) -> None:
    for declaration in declarations:
        if declaration.erase not in (DELETE, ANONYMISE, KEEP):
            raise ValueError(f"{declaration.model}: erase must be delete, anonymise or keep")
        DECLARATIONS[declaration.model] = declaration


def not_personal(model: str, *, reason: str) -> None:
    NOT_PERSONAL[model] = reason


# --- Reading the registry (privacy/ and the tests use these; an app's own export/anonymise may too) ---

FORMER_EMPLOYEE_USERNAME = "former-employee"


def model_of(declaration: Declaration):
    from django.apps import apps

    return apps.get_model(declaration.model)


def _points_to_person(model, path: str) -> bool:
    """Whether the field path ends at teams.Person (else it ends at the user model)."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
        if model is None:  # the account's own primary key
            return False
    return model._meta.label == "teams.Person"


def person_filter(declaration: Declaration, user):
    """A Q matching the rows of ``declaration``'s model that belong to ``user`` (any person field)."""
    from django.db.models import Q

    model = model_of(declaration)
    query = Q(pk__in=[])
    for path in declaration.person_fields:
        if _points_to_person(model, path):
            query |= Q(**{f"{path}__user": user})
        else:
            query |= Q(**{path: user.pk})
    return query


def rows_for(declaration: Declaration, user):
    """The rows of ``declaration``'s model that belong to ``user``."""
    return model_of(declaration)._default_manager.filter(person_filter(declaration, user)).distinct()


def export_rows(declaration: Declaration, user) -> list[dict]:
    """The rows of one kind for the export: the declaration's own ``export`` or every concrete field."""
    if declaration.export is not None:
        return list(declaration.export(user=user))
    model = model_of(declaration)
    names = [f.attname for f in model._meta.concrete_fields]
    return list(rows_for(declaration, user).order_by("pk").values(*names))


def export_files(declaration: Declaration, user) -> list:
    """The stored files (FieldFile) of one kind for the export zip."""
    if declaration.files is None:
        return []
    return [f for f in declaration.files(user=user) if f]


def former_employee():
    """The one inactive account that takes over rows whose person link cannot be empty (comments)."""
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username=FORMER_EMPLOYEE_USERNAME,
        # Finnish first, as the people who read the conversations see it (no per-reader name on an account).
        defaults={"first_name": "Entinen työntekijä", "last_name": "", "is_active": False},
    )
    return user


def anonymise_rows(declaration: Declaration, user) -> int:
    """The default ANONYMISE: null the person fields that may be empty, hand the others to
    :func:`former_employee`. Returns the number of rows changed."""
    if declaration.anonymise is not None:
        return declaration.anonymise(user=user) or 0
    model = model_of(declaration)
    changed = 0
    for path in declaration.person_fields:
        if "__" in path:
            continue  # a path through another model: that model's own declaration handles it
        field = model._meta.get_field(path)
        if field.many_to_many:
            through = getattr(model, path).through
            changed += through._default_manager.filter(
                **{f"{field.m2m_reverse_field_name()}": user}
            ).delete()[0]
            continue
        if _points_to_person(model, path):
            if not field.null:
                raise ValueError(
                    f"{declaration.model}.{path}: a person link that cannot be empty is erased, not anonymised"
                )
            value = None
            changed += model._default_manager.filter(**{f"{path}__user": user}).update(**{path: value})
        else:
            value = None if field.null else former_employee()
            changed += model._default_manager.filter(**{path: user}).update(**{path: value})
    return changed


# --- The periods in force, as the privacy notice and docs/privacy.md show them ---

RETENTION_SETTINGS = (
    "CHAT_RETENTION_DAYS",
    "CHAT_CASUAL_RETENTION_DAYS",
    "CHAT_ARCHIVE_DAYS",
    "SEARCH_LOG_RETENTION_DAYS",
    "NOTIFICATION_RETENTION_DAYS",
    "AUDIT_RETENTION_DAYS",
    "PRIVACY_ERASE_AFTER_DAYS",
    "PRIVACY_EXPORT_HOURS",
)


def period_in_force(name: str, periods: dict | None = None) -> str:
    """``"730 days"`` (in the active language) for a retention period in force (as administrators set it,
    core.retention_settings, else the environment's); "kept" when it is None. ``periods``: the periods in
    force read once (core.retention_settings.in_force())."""
    from django.utils.translation import gettext, ngettext

    from core import retention_settings

    value = periods[name] if periods is not None else retention_settings.value(name)
    if value is None:
        return gettext("kept as records")
    if name.endswith("_HOURS"):
        return ngettext("%(count)d hour", "%(count)d hours", value) % {"count": value}
    return ngettext("%(count)d day", "%(count)d days", value) % {"count": value}


def retention_text(declaration: Declaration, periods: dict | None = None) -> str:
    """The declaration's retention with each setting name replaced by the period in force."""
    text = str(declaration.retention)
    for name in RETENTION_SETTINGS:
        if name in text:
            text = text.replace(name, period_in_force(name, periods))
    return text
