"""News in the Wagtail admin: categories, and regional supplements scoped to the editor's agency."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CopyView,
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from news.forms import validate_supplement_agency
from news.models import NewsArticlePage, NewsCategory, RegionalSupplement
from news.permissions import (
    RegionalSupplementPermissionPolicy,
    can_edit_for_agency,
    editor_agency_ids,
    is_national_editor,
)

# Before the snippet views ask for it: every supplement view and bulk action is scoped to the agency.
register_permission_policy(RegionalSupplement, RegionalSupplementPermissionPolicy(RegionalSupplement))


class RegionalSupplementForm(WagtailAdminModelForm):
    """A regional editor picks a national article and writes for their own agency only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from teams.models import Agency

        user = self.for_user
        if user is not None and not is_national_editor(user) and "agency" in self.fields:
            own = Agency.objects.filter(pk__in=editor_agency_ids(user))
            self.fields["agency"].queryset = own
            if not self.instance.pk and len(own) == 1:
                self.initial.setdefault("agency", own[0].pk)
        elif "agency" in self.fields:
            self.fields["agency"].queryset = Agency.objects.exclude(kind=Agency.Kind.KEHA)

    def clean(self):
        from news.services import original_of
        from teams.models import Agency

        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None and not strip_tags(body).strip():
            self.add_error("body", _("Write the supplement text."))
        agency = cleaned.get("agency")
        if agency is not None and self.for_user is not None:
            try:
                validate_supplement_agency(user=self.for_user, agency=agency)
            except ValidationError as error:
                self.add_error("agency", error)
        article = cleaned.get("article")
        if article is not None:
            article = original_of(article)
            cleaned["article"] = self.instance.article = article
            if article.publisher.kind != Agency.Kind.KEHA:
                self.add_error(
                    "article", _("Supplements are added to national news (published by KEHA-keskus).")
                )
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class ScopedToAgencyMixin:
    """Only supplements of the user's own agency; another agency's answers 404, as a missing one does."""

    def get_object(self, *args, **kwargs):
        # Wagtail's views differ: the copy view takes a queryset, the history and usage views nothing.
        supplement = super().get_object(*args, **kwargs)
        if not can_edit_for_agency(self.request.user, supplement.agency_id):
            raise Http404
        return supplement


class SupplementCreateView(CreateView):
    """``?article=<id>`` (the article page's "Add a regional supplement" link) preselects the article."""

    def get_initial(self):
        initial = super().get_initial()
        article_id = self.request.GET.get("article", "")
        if article_id.isdigit() and NewsArticlePage.objects.filter(pk=int(article_id)).exists():
            initial["article"] = int(article_id)
        return initial


class SupplementEditView(ScopedToAgencyMixin, EditView):
    pass


class SupplementDeleteView(ScopedToAgencyMixin, DeleteView):
    pass


class SupplementCopyView(ScopedToAgencyMixin, CopyView):
    pass


class SupplementHistoryView(ScopedToAgencyMixin, HistoryView):
    pass


class SupplementUsageView(ScopedToAgencyMixin, UsageView):
    pass


class SupplementInspectView(ScopedToAgencyMixin, InspectView):
    pass


class RegionalSupplementViewSet(SnippetViewSet):
    model = RegionalSupplement
    icon = "doc-full-inverse"
    menu_label = _("Regional supplements")
    search_backend_name = None
    search_fields = ["body"]
    list_display = ["article", "agency", "updated_at"]
    list_filter = ["agency"]
    add_view_class = SupplementCreateView
    edit_view_class = SupplementEditView
    delete_view_class = SupplementDeleteView
    copy_view_class = SupplementCopyView
    history_view_class = SupplementHistoryView
    usage_view_class = SupplementUsageView
    inspect_view_class = SupplementInspectView
    panels = [
        FieldPanel("article"),
        FieldPanel("agency"),
        FieldPanel("body"),
        FieldPanel("body_sv"),
        FieldPanel("contact"),
    ]

    def get_queryset(self, request):
        supplements = RegionalSupplement.objects.select_related("article", "agency")
        if is_national_editor(request.user):
            return supplements
        return supplements.filter(agency_id__in=editor_agency_ids(request.user))


RegionalSupplement.base_form_class = RegionalSupplementForm


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    search_backend_name = None
    search_fields = ["name_fi", "name_sv", "name_en"]
    list_display = ["name_fi", "name_sv", "name_en", "sort_order"]


class NewsViewSetGroup(SnippetViewSetGroup):
    items = (NewsCategoryViewSet, RegionalSupplementViewSet)
    menu_icon = "doc-full"
    menu_label = _("News")
    menu_name = "news"


register_snippet(NewsViewSetGroup)


# --- Readership report (news.admin_reports): Reports → Readership -------------------

from wagtail import hooks as readership_hooks


@readership_hooks.register("register_admin_urls")
def register_readership_report_urls():
    from news import admin_reports

    return admin_reports.urlpatterns


@readership_hooks.register("register_reports_menu_item")
def register_readership_report_menu_item():
    from news import admin_reports

    return admin_reports.menu_item()
