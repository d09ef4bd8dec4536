"""The group mapping in the Wagtail admin (Settings → Work account groups), exportable as CSV or Excel;
JSON export and import with ``manage.py sso_mapping`` (docs/sso.md)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sso.models import GroupMapping


class GroupMappingViewSet(SnippetViewSet):
    model = GroupMapping
    icon = "group"
    menu_label = _("Work account groups")
    add_to_settings_menu = True
    search_backend_name = None
    list_per_page = 100
    list_display = ["description", "group_id", "tenant_id", "role", "agency", "unit", "team"]
    list_filter = ["role", "agency"]
    search_fields = ["description", "group_id"]
    list_export = ["group_id", "description", "tenant_id", "role", "agency", "unit", "team"]
    export_filename = "taimi-group-mapping"
    panels = [
        FieldRowPanel([FieldPanel("group_id"), FieldPanel("tenant_id")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("agency"), FieldPanel("unit"), FieldPanel("team")],
            heading=_("Members get"),
        ),
    ]


register_snippet(GroupMappingViewSet)
