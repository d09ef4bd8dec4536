"""The audience boundary in the Wagtail admin: nobody finds an instruction there that they may not read.

The reader-side rule (instructions.access.can_read and can_download:
in the audience, or one of the people who may edit it) applies to every admin
view too, through Wagtail's own mechanisms where it has one:

* :class:`InstructionAwarePagePolicy` (the page permission policy) leaves
  unreadable instructions out of ``explorable_instances`` and
  ``instances_user_has_any_permission_for``: explorer listings, page search,
  the admin API behind the page explorer menu, the site history, aging pages,
  locked pages and workflow reports;
* :class:`InstructionAwareDocumentPolicy` (the document permission policy)
  leaves their attachments out of the document listing, chooser and bulk
  actions and refuses their edit, delete and usage views;
* the ``construct_page_chooser_queryset`` hook (wagtail_hooks) filters the page
  chooser;
* :class:`AdminObjectMiddleware` answers 404 to any other admin URL that
  names such a page or document by id (``/admin/pages/<id>/``, its history,
  usage, preview, revisions, workflow views …), before the view runs, so a
  view Wagtail adds later is covered too.

Administrators and superusers see everything; an instruction owner sees their
own unit's instructions whatever their audience (docs/access.md, "Admin views").
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from instructions.access import audience_kinds_for, audience_q
from instructions.permissions import editable_unit_ids

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id")
DOCUMENT_KWARGS = ("document_id", "doc_id")


def _readable_q(user, prefix: str = "") -> Q | None:
    """Instruction rows the user may read in the admin; None when every row is readable."""
    units = editable_unit_ids(user) if getattr(user, "is_authenticated", False) else set()
    if units is None:
        return None
    condition = audience_q(audience_kinds_for(user), prefix=prefix)
    if units:
        condition |= Q(**{f"{prefix}owner_unit_id__in": units})
    return condition


def unreadable_page_ids(user) -> QuerySet | None:
    """Ids of the instruction pages (every version and language) the user may not read; None: none."""
    from instructions.models import InstructionPage

    condition = _readable_q(user)
    if condition is None:
        return None
    return InstructionPage.objects.exclude(condition).values("pk")


def unreadable_document_ids(user) -> QuerySet | None:
    """Documents attached only to instructions the user may not read (live audience, or editable by them)."""
    from instructions.models import InstructionAttachment

    units = editable_unit_ids(user) if getattr(user, "is_authenticated", False) else set()
    if units is None:
        return None
    readable = Q(page__live=True) & audience_q(audience_kinds_for(user), prefix="page__")
    if units:
        readable |= Q(page__owner_unit_id__in=units)
    readable_ids = InstructionAttachment.objects.filter(readable).values("document_id")
    return InstructionAttachment.objects.exclude(document_id__in=readable_ids).values("document_id")


def visible_pages(pages: QuerySet, user) -> QuerySet:
    hidden = unreadable_page_ids(user)
    return pages if hidden is None else pages.exclude(pk__in=hidden)


def visible_documents(documents: QuerySet, user) -> QuerySet:
    hidden = unreadable_document_ids(user)
    return documents if hidden is None else documents.exclude(pk__in=hidden)


def may_see_page(user, page_id) -> bool:
    hidden = unreadable_page_ids(user)
    return hidden is None or not hidden.filter(pk=page_id).exists()


def may_see_document(user, document_id) -> bool:
    hidden = unreadable_document_ids(user)
    return hidden is None or not hidden.filter(document_id=document_id).exists()


class InstructionAwarePagePolicy(PagePermissionPolicy):
    """Wagtail's page policy; what the user may explore excludes the instructions they may not read."""

    def explorable_instances(self, user):
        return visible_pages(super().explorable_instances(user), user)

    def instances_user_has_any_permission_for(self, user, actions):
        # The aging pages, locked pages and workflow reports list these.
        return visible_pages(super().instances_user_has_any_permission_for(user, actions), user)


class InstructionAwareDocumentPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document policy; attachments of instructions the user may not read are not theirs to see."""

    def instances_user_has_any_permission_for(self, user, actions):
        return visible_documents(super().instances_user_has_any_permission_for(user, actions), user)

    def instances_user_has_permission_for(self, user, action):
        return visible_documents(super().instances_user_has_permission_for(user, action), user)

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and may_see_document(
            user, instance.pk
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and may_see_document(
            user, instance.pk
        )


def register_policies() -> None:
    """Called from the app's ready(): before any admin view asks the registry for a policy."""
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.models import Page
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Page, InstructionAwarePagePolicy(Page))
    register_permission_policy(
        get_document_model(),
        InstructionAwareDocumentPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
    )


# Reports that name pages without asking whose they are ("last edited page" of every page type).
ADMINISTRATORS_ONLY = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


def _url_model(match):
    """The model an admin URL acts on: the bulk action's, the page chooser's, else its view's."""
    from django.apps import apps
    from wagtail.models import Page

    if match.url_name == "wagtail_bulk_action":
        try:
            return apps.get_model(match.kwargs["app_label"], match.kwargs["model_name"])
        except (KeyError, LookupError):
            return None
    if match.route.startswith("admin/choose-page/"):
        return Page
    view_class = getattr(match.func, "view_class", None)
    model = (getattr(match.func, "view_initkwargs", None) or {}).get("model") or getattr(
        view_class, "model", None
    )
    if isinstance(model, str):  # the choosers name it "app_label.ModelName"
        try:
            model = apps.get_model(model)
        except (LookupError, ValueError):
            return None
    return model if isinstance(model, type) else None


def _named_objects(request, match) -> tuple[list, list]:
    """The page and document ids an admin URL names, in its path or as ``?id=`` (bulk actions, choosers)."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    kwargs = match.kwargs
    pages = [kwargs[key] for key in PAGE_KWARGS if key in kwargs]
    documents = [kwargs[key] for key in DOCUMENT_KWARGS if key in kwargs]
    namespaces = set(match.namespaces)
    if "pk" in kwargs:
        if namespaces & {"wagtailadmin_pages", "wagtailadmin_api"} and "pages" in match.route:
            pages.append(kwargs["pk"])
        if any(namespace.startswith("wagtaildocs") for namespace in namespaces) or "documents" in match.route:
            documents.append(kwargs["pk"])
    model = _url_model(match)
    if model is not None:
        if issubclass(model, Page):
            pages += request.GET.getlist("id")
        elif issubclass(model, get_document_model()):
            documents += request.GET.getlist("id")
    return pages, documents


class AdminObjectMiddleware:
    """404 for an admin URL that names an instruction page or attachment the user may not read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from instructions.permissions import is_library_admin

        match = getattr(request, "resolver_match", None)
        if match is None or not match.route.startswith("admin/") or not request.user.is_authenticated:
            return None
        if match.view_name in ADMINISTRATORS_ONLY and not is_library_admin(request.user):
            raise Http404
        pages, documents = _named_objects(request, match)
        for page_id in pages:
            if str(page_id).isdigit() and not may_see_page(request.user, int(page_id)):
                raise Http404
        for document_id in documents:
            if str(document_id).isdigit() and not may_see_document(request.user, int(document_id)):
                raise Http404
        return None
