from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared base under every app: roles, page permissions, jobs and the worker (docs/architecture.md)."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Core"

    def ready(self):
        from core import shell_cache

        shell_cache.connect()
        # The audit trail's own personal data (its actors), kept for accountability until its retention.
        from django.utils.translation import gettext_lazy as _

        from core.personal_data import KEEP, Declaration, register

        register(
            Declaration(
                model="core.AuditEvent",
                person_fields=("actor",),
                purpose=_("Audit trail of sensitive actions (exports, erasures, role changes, moderation)"),
                legal_basis=_("Accountability and the security of processing (GDPR 5(2) and 32)"),
                retention=_("Removed after AUDIT_RETENTION_DAYS"),
                retention_setting="AUDIT_RETENTION_DAYS",
                erase=KEEP,
            )
        )
        from core import readiness

        # Readiness checks of the base (/readyz, core.health): database, Redis, the worker and its queue.
        readiness.register()
