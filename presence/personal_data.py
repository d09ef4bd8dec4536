"""What presence holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Declaration, register

EMPLOYMENT = _("Employment (public duties, GDPR 6(1)(e))")
UNTIL_ERASED = _("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)")


def register_all() -> None:
    purpose = _("Status, status message and where a person works on which day")
    register(
        *[
            Declaration(
                model=model,
                person_fields=(field,),
                purpose=purpose,
                legal_basis=EMPLOYMENT,
                retention=UNTIL_ERASED,
                retention_setting="PRIVACY_ERASE_AFTER_DAYS",
            )
            for model, field in [
                ("presence.PresenceSetting", "user"),
                ("presence.WorkLocationPlan", "person"),
                ("presence.WorkLocationDay", "person"),
            ]
        ]
    )
