from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstructionsConfig(AppConfig):
    """The instruction library at /ohjeet/ (docs/instructions.md)."""

    name = "instructions"
    label = "instructions"
    verbose_name = _("Instructions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from instructions import personal_data

        personal_data.register_all()
        from wagtail.signals import page_published

        from instructions import changelog

        # The change log entry and the translations' shared metadata follow each publication.
        page_published.connect(changelog.on_page_published, dispatch_uid="instructions.changelog")

        # The library's cached listing follows every change it shows (instructions.library_cache).
        from instructions import library_cache

        library_cache.connect()

        # The library section (created after every migrate, after the news sections), for core.roles.
        from core import roles
        from instructions import setup
        from instructions.models import InstructionLibraryPage

        roles.register_section(roles.INSTRUCTIONS, lambda: list(InstructionLibraryPage.objects.all()))
        roles.register_setup(order=20, before=setup.ensure_sections)

        # Search: the adapter (first in a full reindex), the "kind" facet's labels, the readers' audiences.
        from instructions import access
        from instructions.models import InstructionKind
        from instructions.search import InstructionAdapter
        from search import adapters
        from search import services as search_services
        from search import views as search_views

        adapters.register(InstructionAdapter(), order=10)
        search_views.VALUE_LABELS["kind"] = dict(InstructionKind.choices)
        search_services.AUDIENCE_RULES[10] = access.audience_kinds_for
