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
    extra: dict = field(default_factory=dict)


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
