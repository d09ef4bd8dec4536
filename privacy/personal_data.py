"""What the privacy features themselves hold about a person (core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Declaration, register


def _exports(*, user):
    from privacy.models import DataExport

    return (
        DataExport.objects.filter(subject=user)
        .order_by("pk")
        .values("id", "status", "created_at", "finished_at", "expires_at")
    )


def register_all() -> None:
    register(
        Declaration(
            model="privacy.DataExport",
            person_fields=("subject",),
            purpose=_("A person's requests to download their data"),
            legal_basis=_("Legal obligation (GDPR 15 and 20, 6(1)(c))"),
            retention=_("The file for PRIVACY_EXPORT_HOURS hours; the request while employed"),
            retention_setting="PRIVACY_EXPORT_HOURS",
            export=_exports,
            extra={"other_people": ("requested_by",)},
        )
    )
