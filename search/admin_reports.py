"""The search report in the Wagtail admin (Reports → Searches): top queries, queries with no results,
searches per day as an inline SVG chart. Only for people with ``search.view_searchlog``
(communication, instruction owners, administrators); the log holds no user ids.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search import services
from search.models import SearchLog

PERIODS = (7, 30, 90)
DEFAULT_DAYS = 30
CHART_WIDTH, CHART_HEIGHT = 640, 160


def can_view(user) -> bool:
    return user.is_active and user.has_perm("search.view_searchlog")


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


def daily_chart(*, since, days: int) -> dict:
    rows = (
        SearchLog.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(searches=Count("id"), zero=Count("id", filter=Q(hits=0)))
        .order_by("day")
    )
    by_day = {row["day"]: row for row in rows}
    start = since.date()
    series = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        row = by_day.get(day, {"searches": 0, "zero": 0})
        series.append({"day": day, "searches": row["searches"], "zero": row["zero"]})
    peak = max([s["searches"] for s in series] + [1])
    width = CHART_WIDTH / max(len(series), 1)
    for index, item in enumerate(series):
        item["x"] = round(index * width, 1)
        item["w"] = round(max(width - 1, 1), 1)
        item["h"] = round(CHART_HEIGHT * item["searches"] / peak, 1)
        item["y"] = round(CHART_HEIGHT - item["h"], 1)
        item["zh"] = round(CHART_HEIGHT * item["zero"] / peak, 1)
        item["zy"] = round(CHART_HEIGHT - item["zh"], 1)
    return {"series": series, "peak": peak, "width": CHART_WIDTH, "height": CHART_HEIGHT}


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/report.html"
    page_title = gettext_lazy("Searches")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        try:
            self.days = int(request.GET.get("days", DEFAULT_DAYS))
        except ValueError:
            self.days = DEFAULT_DAYS
        if self.days not in PERIODS:
            self.days = DEFAULT_DAYS
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.now() - datetime.timedelta(days=self.days)
        logs = SearchLog.objects.filter(created_at__gte=since)
        total = logs.count()
        zero = logs.filter(hits=0).count()
        context.update(
            days=self.days,
            periods=PERIODS,
            total=total,
            zero=zero,
            zero_share=round(100 * zero / total) if total else 0,
            clicked_share=round(100 * logs.exclude(clicked_key="").count() / total) if total else 0,
            degraded=logs.filter(degraded=True).count(),
            top=services.top_queries(since=since),
            zero_hits=services.zero_hit_queries(since=since),
            chart=daily_chart(since=since, days=self.days),
        )
        return context


urlpatterns = [path("search-report/", SearchReportView.as_view(), name="search_report")]


def menu_item():
    return SearchReportMenuItem(
        gettext_lazy("Searches"), reverse("search_report"), icon_name="search", order=720
    )
