"""Must-read: acknowledging (readers) and the follow-up report with its CSV (the article's editors)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import audit
from news import mustread, services
from news.models import NewsArticlePage


def _article(page_id: int) -> NewsArticlePage:
    page = NewsArticlePage.objects.live().filter(pk=page_id).select_related("publisher").first()
    if page is None or not page.must_read:
        raise Http404(_("No such must-read article."))
    return services.original_of(page)


def _editable(request, page_id: int) -> NewsArticlePage:
    article = _article(page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return article


@require_POST
def acknowledge(request, page_id):
    article = _article(page_id)
    mustread.acknowledge(user=request.user, article=article)
    messages.success(
        request, _("Thank you: your acknowledgement of “%(title)s” was recorded.") % {"title": article.title}
    )
    target = request.POST.get("next") or article.url or "/"
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = article.url or "/"
    return HttpResponseRedirect(target)  # a path, never a view name


def follow_up(request, page_id):
    article = _editable(request, page_id)
    # Who has and has not acknowledged is personal data of the readers: each look is audited.
    audit.record(
        actor=request.user, action=audit.REPORT_ACCESS, target=article, details={"report": "must_read"}
    )
    report = mustread.follow_up(article=article)
    return render(request, "news/must_read_report.html", {"article": article, **report})


def follow_up_csv(request, page_id):
    article = _editable(request, page_id)
    audit.record(
        actor=request.user, action=audit.REPORT_ACCESS, target=article, details={"report": "must_read_csv"}
    )
    response = HttpResponse(mustread.pending_csv(article=article), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kuittaamatta-{article.pk}.csv"'
    return response
