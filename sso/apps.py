from django.apps import AppConfig


class SsoConfig(AppConfig):
    """Single sign-on with the agency's Entra ID (OpenID Connect): identities, group mapping, "why"."""

    name = "sso"
    label = "sso"
    verbose_name = "SSO"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from sso import personal_data

        personal_data.register_all()
        # Group-mapping changes decide people's roles: each goes to the audit trail.
        from django.db.models.signals import post_delete, post_save

        from sso import audit
        from sso.models import GroupMapping

        post_save.connect(audit.on_mapping_saved, sender=GroupMapping, dispatch_uid="sso.audit.saved")
        post_delete.connect(audit.on_mapping_deleted, sender=GroupMapping, dispatch_uid="sso.audit.deleted")
