"""The readership report in the Wagtail admin (Reports → Readership), and one article's figures.

National editors and administrators see every article; a regional editor only
the articles their own agency published. Anyone else gets Wagtail's "no
permission" answer (a redirect to the dashboard, or to the login page for
people without the admin). The figures come from news.readership.report.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from news import readership, services
from news.models import NewsArticlePage


class ReadershipMenuItem(MenuItem):
    def is_shown(self, request):
        return readership.can_view_report(request.user)


class ReportMixin(WagtailAdminTemplateMixin):
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not readership.can_view_report(request.user):
            raise PermissionDenied
        self.days = readership.parse_period(request.GET.get("days"))
        return super().dispatch(request, *args, **kwargs)

    def periods(self) -> list[dict]:
        labels = {7: _("Last 7 days"), 30: _("Last 30 days"), 365: _("Last 365 days")}
        return [
            {"days": days, "label": labels[days], "current": days == self.days} for days in readership.PERIODS
        ]


class ReadershipReportView(ReportMixin, TemplateView):
    template_name = "news/admin/readership_report.html"
    page_title = gettext_lazy("Readership")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(readership.report(user=self.request.user, days=self.days))
        context["periods"] = self.periods()
        context["national"] = readership.is_national_editor(self.request.user)
        return context


class ArticleReadershipView(ReportMixin, TemplateView):
    template_name = "news/admin/readership_article.html"
    page_title = gettext_lazy("Readership")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        page = NewsArticlePage.objects.filter(pk=kwargs["page_id"]).select_related("publisher").first()
        if page is None:
            raise Http404(_("No such article."))
        self.article = services.original_of(page)

    def dispatch(self, request, *args, **kwargs):
        if not readership.can_view_article(request.user, self.article):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.article.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("news_readership"), "label": _("Readership")},
            {"url": "", "label": self.article.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(readership.report(user=self.request.user, days=self.days, article=self.article))
        context["article"] = self.article
        context["periods"] = self.periods()
        context["can_edit"] = self.article.permissions_for_user(self.request.user).can_edit()
        return context


urlpatterns = [
    path("reports/readership/", ReadershipReportView.as_view(), name="news_readership"),
    path(
        "reports/readership/<int:page_id>/", ArticleReadershipView.as_view(), name="news_readership_article"
    ),
]


def menu_item() -> ReadershipMenuItem:
    return ReadershipMenuItem(
        gettext_lazy("Readership"),
        reverse("news_readership"),
        name="news-readership",
        icon_name="view",
        order=650,
    )
