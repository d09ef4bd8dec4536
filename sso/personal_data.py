"""What work-account sign-in holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Declaration, register


def register_all() -> None:
    register(
        Declaration(
            model="sso.Identity",
            person_fields=("user",),
            purpose=_("Sign-in with a work account: the account's id, name and groups"),
            legal_basis=_("Employment (public duties, GDPR 6(1)(e))"),
            retention=_("While employed; removed after leaving (PRIVACY_ERASE_AFTER_DAYS)"),
            retention_setting="PRIVACY_ERASE_AFTER_DAYS",
        )
    )
