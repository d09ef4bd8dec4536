"""What the privacy features themselves hold about a person (core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import ANONYMISE, KEEP, Declaration, register


def _exports(*, user):
    from privacy.models import DataExport

    return (
        DataExport.objects.filter(subject=user)
        .order_by("pk")
        .values("id", "status", "created_at", "finished_at", "expires_at")
    )


def _compliance_exports(*, user):
    from privacy.models import ComplianceExport

    return (
        ComplianceExport.objects.filter(requested_by=user)
        .order_by("pk")
        .values("id", "created_at", "since", "until", "keyword", "room_id", "messages", "status")
    )


def register_all() -> None:
    register(
        Declaration(
            model="privacy.DataExport",
            person_fields=("subject",),
            purpose=_("A person's requests to download their data"),
            legal_basis=_("Legal obligation (GDPR 15 and 20, 6(1)(c))"),
            retention=_("The file for PRIVACY_EXPORT_HOURS; the request while employed"),
            retention_setting="PRIVACY_EXPORT_HOURS",
            export=_exports,
            extra={"other_people": ("requested_by",)},
        )
    )
    register(
        Declaration(
            model="privacy.ComplianceExport",
            person_fields=("requested_by",),
            purpose=_("Compliance exports of chat messages made by administrators (criteria and file)"),
            legal_basis=_("Legal obligation (the Publicity Act and the duty to give information on request)"),
            retention=_("The file for PRIVACY_EXPORT_HOURS; the request while employed"),
            retention_setting="PRIVACY_EXPORT_HOURS",
            erase=ANONYMISE,
            export=_compliance_exports,
            # The sender searched for: the export is about their messages, not theirs to download.
            extra={"other_people": ("sender",)},
        )
    )
    register_feedback()
    register_departure()


def register_feedback() -> None:
    register(
        Declaration(
            model="privacy.AccessibilityFeedback",
            person_fields=("sender",),
            purpose=_("Feedback on accessibility and its answer"),
            legal_basis=_("Legal obligation (Act on the Provision of Digital Services 306/2019)"),
            retention=_("While employed; the sender becomes anonymous after leaving"),
            erase=ANONYMISE,
        )
    )


def register_departure() -> None:
    register(
        Declaration(
            model="privacy.Departure",
            person_fields=("user",),
            purpose=_("When a person left and when their data was erased"),
            legal_basis=_("Legal obligation: proof that the data was erased (GDPR 5(2))"),
            retention=_("Kept with the emptied account"),
            erase=KEEP,
        )
    )
