"""Events in the Wagtail admin: the event kinds as snippets (pages are edited in the page tree)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventKind


class EventKindViewSet(SnippetViewSet):
    model = EventKind
    icon = "date"
    menu_label = _("Event kinds")
    search_backend_name = None
    search_fields = ["name_fi", "name_sv", "name_en"]
    list_display = ["name_fi", "name_sv", "name_en", "sort_order"]


register_snippet(EventKindViewSet)
