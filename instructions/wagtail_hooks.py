"""The library in the Wagtail admin: snippets, reports, owners' scope, and the document boundary."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from instructions import admin_access
from instructions.models import InstructionPage, OnboardingPath, ProcessArea, Topic

# First, before any admin view asks Wagtail's registry: the page and document
# policies that keep unreadable instructions and their attachments out of the admin.
# (Here rather than in AppConfig.ready(): wagtail.documents registers its own
# policy in its ready(), which runs after ours.)
admin_access.register_policies()


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    search_backend_name = None
    search_fields = ["name_fi", "name_sv", "name_en"]
    list_display = ["name_fi", "name_sv", "name_en", "sort_order"]


class ProcessAreaViewSet(SnippetViewSet):
    model = ProcessArea
    icon = "folder-open-inverse"
    search_backend_name = None
    search_fields = ["name_fi", "name_sv", "name_en"]
    list_display = ["name_fi", "name_sv", "name_en", "sort_order"]


class OnboardingPathViewSet(SnippetViewSet):
    model = OnboardingPath
    icon = "list-ol"
    search_backend_name = None
    search_fields = ["name_fi", "name_sv"]
    list_display = ["name_fi", "name_sv", "sort_order"]


class InstructionsViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, ProcessAreaViewSet, OnboardingPathViewSet)
    menu_icon = "doc-full"
    menu_label = _("Instructions")
    menu_name = "instructions"


register_snippet(InstructionsViewSetGroup)


@hooks.register("before_serve_document")
def check_instruction_audience(document, request):
    """A document attached to an instruction is served only to that instruction's audience (and editors).

    Anyone else gets the very 404 of a missing document or a wrong file name, so
    the answer does not confirm that a guessed name exists.
    """
    from instructions.access import can_download

    if can_download(user=request.user, document=document) is False:
        raise Http404
    return None


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_unreadable_instructions(pages, request):
    """The page chooser (links, page fields) offers no instruction the editor may not read."""
    return admin_access.visible_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def owners_see_their_units_instructions(parent_page, pages, request):
    """In the page explorer an instruction owner sees only the instructions of their own unit."""
    from instructions.models import InstructionLibraryPage
    from instructions.permissions import editable_unit_ids

    if parent_page.specific_class is None or not issubclass(
        parent_page.specific_class, InstructionLibraryPage
    ):
        return pages
    units = editable_unit_ids(request.user)
    if units is None:
        return pages
    keys = InstructionPage.objects.filter(owner_unit_id__in=units).values("translation_key")
    return pages.filter(translation_key__in=keys)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "instructions.confirm_valid", _("Confirm still valid"), _("Confirmed as still valid")
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    from instructions import admin_reports

    return admin_reports.urlpatterns


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    from instructions import admin_reports

    return admin_reports.menu_items()[0]


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    from instructions import admin_reports

    return admin_reports.menu_items()[1]


@hooks.register("construct_reports_menu")
def page_types_report_for_administrators(request, menu_items):
    """Wagtail's page types report names every type's last edited page to anyone: administrators only."""
    from instructions.permissions import is_library_admin

    if not is_library_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
