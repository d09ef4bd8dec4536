"""The privacy features in the Wagtail admin: the audit trail (read only, CSV), accessibility feedback,
and a person's data (export for a data-subject request, erasure with a confirmation)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from privacy.models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Accessibility feedback")
    add_to_settings_menu = True
    search_backend_name = None
    list_display = ["message", "created_at", "answered_at"]
    list_filter = ["answered_at"]
    panels = [
        FieldPanel("message", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("answer"),
        FieldPanel("answered_at"),
    ]


register_snippet(AccessibilityFeedbackViewSet)


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    from privacy import admin_views

    return admin_views.urlpatterns


@hooks.register("register_settings_menu_item")
def register_audit_menu_item():
    from privacy import admin_views

    return admin_views.audit_menu_item()


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    from privacy import admin_views

    return admin_views.personal_data_menu_item()


@hooks.register("register_settings_menu_item")
def register_chat_retention_menu_item():
    from privacy import admin_views

    return admin_views.chat_retention_menu_item()


@hooks.register("register_settings_menu_item")
def register_retention_settings_menu_item():
    from privacy import admin_retention

    return admin_retention.menu_item()


@hooks.register("register_settings_menu_item")
def register_compliance_menu_item():
    from privacy import admin_compliance

    return admin_compliance.menu_item()
