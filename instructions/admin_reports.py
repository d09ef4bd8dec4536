"""Admin reports of the library: overdue reviews per unit (with a chart) and readers' feedback.

Instruction owners see their own unit's instructions; administrators all.
Anyone else gets Wagtail's "no permission" answer.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import audit
from instructions import access, governance
from instructions.models import ErrorReport, Feedback, InstructionPage
from instructions.permissions import can_edit_unit, editable_unit_ids, is_library_admin, is_owner


def can_view(user) -> bool:
    return is_library_admin(user) or is_owner(user)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


class ReportMixin(WagtailAdminTemplateMixin):
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class ReviewReportView(ReportMixin, TemplateView):
    template_name = "instructions/admin/review_report.html"
    page_title = gettext_lazy("Instruction reviews")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(governance.review_report(user=self.request.user))
        context["soon_days"] = governance.SOON.days
        return context


def _visible_originals(user):
    pages = access.originals()
    units = editable_unit_ids(user)
    return pages if units is None else pages.filter(owner_unit_id__in=units)


class FeedbackReportView(ReportMixin, TemplateView):
    """Votes and open error reports per instruction, the most criticised first (one query)."""

    template_name = "instructions/admin/feedback_report.html"
    page_title = gettext_lazy("Instruction feedback")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keys = _visible_originals(self.request.user).values("translation_key")
        votes = {
            row["translation_key"]: row
            for row in Feedback.objects.filter(translation_key__in=keys)
            .values("translation_key")
            .annotate(
                yes_votes=Count("pk", filter=Q(helpful=True)),
                no_votes=Count("pk", filter=Q(helpful=False)),
                comments=Count("pk", filter=Q(comment__gt="")),
                latest=Max("created_at"),
            )
            .order_by()
        }
        errors = dict(
            ErrorReport.objects.filter(translation_key__in=keys, handled_at__isnull=True)
            .values_list("translation_key")
            .annotate(n=Count("pk"))
            .order_by()
        )
        wanted = set(votes) | set(errors)
        pages = {
            page.translation_key: page
            for page in _visible_originals(self.request.user)
            .filter(translation_key__in=wanted)
            .select_related("owner_unit")
            .defer("body")
        }
        rows = []
        for key, page in pages.items():
            row = votes.get(key, {"yes_votes": 0, "no_votes": 0, "comments": 0})
            rows.append(
                {
                    "page": page,
                    "helpful": row["yes_votes"],
                    "not_helpful": row["no_votes"],
                    "comments": row["comments"],
                    "open_errors": errors.get(key, 0),
                }
            )
        rows.sort(key=lambda row: (-row["open_errors"], -row["not_helpful"], row["page"].title))
        context["rows"] = rows
        return context


class FeedbackDetailView(ReportMixin, TemplateView):
    """One instruction's votes, comments and error reports; POST marks an error report handled."""

    template_name = "instructions/admin/feedback_detail.html"
    page_title = gettext_lazy("Instruction feedback")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        page = InstructionPage.objects.filter(pk=kwargs["page_id"]).select_related("owner_unit").first()
        if page is None:
            raise Http404(_("No such instruction."))
        self.instruction = page

    def dispatch(self, request, *args, **kwargs):
        if not can_edit_unit(request.user, self.instruction.owner_unit_id):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.instruction.title

    def get(self, request, *args, **kwargs):
        # The readers' votes, comments and error reports, with their names: each look is audited.
        audit.record(
            actor=request.user,
            action=audit.REPORT_ACCESS,
            target=self.instruction,
            details={"report": "instruction_feedback"},
        )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        report_id = request.POST.get("handled", "")
        if report_id.isdigit():
            ErrorReport.objects.filter(
                pk=int(report_id), translation_key=self.instruction.translation_key, handled_at__isnull=True
            ).update(handled_at=timezone.now())
        return redirect(reverse("instructions_feedback_detail", args=[self.instruction.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.instruction.translation_key
        context["instruction"] = self.instruction
        counts = Feedback.objects.filter(translation_key=key).aggregate(
            yes_votes=Count("pk", filter=Q(helpful=True)), no_votes=Count("pk", filter=Q(helpful=False))
        )
        context["counts"] = {"helpful": counts["yes_votes"], "not_helpful": counts["no_votes"]}
        context["comments"] = (
            Feedback.objects.filter(translation_key=key)
            .exclude(comment="")
            .select_related("user", "page")[:100]
        )
        context["errors"] = ErrorReport.objects.filter(translation_key=key).select_related("user", "page")[
            :100
        ]
        return context


urlpatterns = [
    path("reports/instruction-reviews/", ReviewReportView.as_view(), name="instructions_reviews"),
    path("reports/instruction-feedback/", FeedbackReportView.as_view(), name="instructions_feedback"),
    path(
        "reports/instruction-feedback/<int:page_id>/",
        FeedbackDetailView.as_view(),
        name="instructions_feedback_detail",
    ),
]


def menu_items() -> list[MenuItem]:
    return [
        ReportMenuItem(
            gettext_lazy("Instruction reviews"),
            reverse("instructions_reviews"),
            name="instruction-reviews",
            icon_name="time",
            order=660,
        ),
        ReportMenuItem(
            gettext_lazy("Instruction feedback"),
            reverse("instructions_feedback"),
            name="instruction-feedback",
            icon_name="comment",
            order=670,
        ),
    ]
