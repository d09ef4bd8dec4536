"""What the instruction library holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import ANONYMISE, DELETE, Declaration, register

EMPLOYMENT = _("Employment (public duties, GDPR 6(1)(e))")
UNTIL_ERASED = _("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)")


def register_all() -> None:
    def declare(model, purpose, *, fields=("user",), erase=DELETE, retention=UNTIL_ERASED):
        return Declaration(
            model=model,
            person_fields=fields,
            purpose=purpose,
            legal_basis=EMPLOYMENT,
            retention=retention,
            retention_setting="PRIVACY_ERASE_AFTER_DAYS" if retention is UNTIL_ERASED else "",
            erase=erase,
        )

    register(
        declare("instructions.OnboardingProgress", _("Onboarding checklist progress")),
        declare("instructions.InstructionVisit", _("“Changed since your last visit” on instructions")),
        declare("instructions.Feedback", _("Feedback on an instruction (helpful or not, comment)")),
        declare(
            "instructions.ErrorReport",
            _("Error reports on instructions, handled by their owners"),
            erase=ANONYMISE,
            retention=_("With the instruction; the reporter becomes “former employee” after leaving"),
        ),
        declare(
            "instructions.InstructionPage_contacts",
            _("Contact people named on an instruction"),
            fields=("person",),
        ),
    )
