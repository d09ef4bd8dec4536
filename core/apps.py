from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared base under every app: roles, page permissions, jobs and the worker (docs/architecture.md)."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Core"

    def ready(self):
        from core import readiness

        # Readiness checks of the base (/readyz, core.health): database, Redis, the worker and its queue.
        readiness.register()
