from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared base under every app: roles registry, page permissions, jobs and the worker (docs/architecture.md)."""

    name = "core"
    verbose_name = "Core"
