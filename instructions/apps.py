from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstructionsConfig(AppConfig):
    """The instruction library at /ohjeet/ (docs/instructions.md)."""

    name = "instructions"
    label = "instructions"
    verbose_name = _("Instructions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from instructions import changelog

        # The change log entry and the translations' shared metadata follow each publication.
        page_published.connect(changelog.on_page_published, dispatch_uid="instructions.changelog")
