"""What the notification list holds about a person (core.personal_data, docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Declaration, register


def register_all() -> None:
    register(
        Declaration(
            model="realtime.Notification",
            person_fields=("recipient",),
            purpose=_("Notifications in the bell of the header"),
            legal_basis=_("Employment (public duties, GDPR 6(1)(e))"),
            retention=_("Removed after NOTIFICATION_RETENTION_DAYS"),
            retention_setting="NOTIFICATION_RETENTION_DAYS",
        )
    )
