from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A person's data: export, erasure, retention and the audit trail's admin views (docs/privacy.md).

    It works through the registry ``core.personal_data``, which every app below fills from its ``ready()``.
    """

    name = "privacy"
    verbose_name = _("Privacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from privacy import erasure, personal_data, signals

        personal_data.register_all()
        signals.connect()
        erasure.connect()
