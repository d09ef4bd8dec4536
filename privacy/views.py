"""A person's own data: ask for the export on the profile, follow its progress, download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import retention_settings
from core.roles import PERSONAL_DATA
from privacy import export as exports
from privacy.models import DataExport

PENDING = (DataExport.Status.QUEUED, DataExport.Status.RUNNING)


def _may_download(user, export: DataExport) -> bool:
    return export.subject_id == user.pk or user.has_perm(PERSONAL_DATA)


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    own = DataExport.objects.filter(subject=request.user)
    if request.method == "POST":
        if own.filter(status__in=PENDING).exists():
            messages.info(request, _("Your data is already being prepared."))
        else:
            exports.request_export(subject=request.user, requested_by=request.user)
            messages.success(request, _("Your data is being prepared. This page shows when it is ready."))
        return redirect("privacy:my_data")
    shown = list(own[:5])
    for export in shown:  # the zip's password, once, to the one who asked
        export.password_once = export.take_password(request.user)
    context = {
        "exports": shown,
        "pending": own.filter(status__in=PENDING).exists(),
        "export_hours": retention_settings.value("PRIVACY_EXPORT_HOURS"),
    }
    return render(request, "privacy/my_data.html", context)


@login_required
def export_status(request, token: str):
    export = get_object_or_404(DataExport, token=token)
    if not _may_download(request.user, export):
        raise Http404
    return JsonResponse(
        {
            "status": export.status,
            "label": str(export.get_status_display()),
            "progress": export.progress,
            "url": reverse("privacy:download", args=[export.token]) if export.is_downloadable else "",
            # Shown once (the page writes it beside the link); empty afterwards.
            "password": export.take_password(request.user),
        }
    )


@login_required
def download(request, token: str):
    export = get_object_or_404(DataExport, token=token)
    if not _may_download(request.user, export):
        raise Http404
    if not export.is_downloadable:
        raise PermissionDenied(_("This download link has expired. Ask for your data again."))
    name = f"taimi-{export.subject.get_username()}-{export.finished_at:%Y-%m-%d}.zip"
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=name, content_type="application/zip"
    )


@login_not_required
def notice(request):
    """The privacy notice (tietosuojaseloste): readable without signing in."""
    from privacy import notice as notice_table
    from privacy.models import PrivacyNoticePage

    page = PrivacyNoticePage.current(language=request.LANGUAGE_CODE)
    in_force = retention_settings.in_force()
    context = {
        "notice_page": page,
        "stores": notice_table.store_table(in_force),
        "periods": notice_table.periods(in_force),
    }
    return render(request, "privacy/notice.html", context)


@login_not_required
def accessibility(request):
    """The accessibility statement (saavutettavuusseloste): readable without signing in."""
    from privacy.models import AccessibilityStatementPage

    statement = AccessibilityStatementPage.current(language=request.LANGUAGE_CODE)
    return render(request, "privacy/accessibility.html", {"statement": statement})


@login_not_required
@require_http_methods(["GET", "POST"])
def accessibility_feedback(request):
    from core import ratelimit
    from privacy import feedback
    from privacy.forms import AccessibilityFeedbackForm

    form = AccessibilityFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = f"a11y:{request.user.pk or request.META.get('REMOTE_ADDR', '')}"
        if not ratelimit.allow(key=key, limit=5, window=3600):
            form.add_error(None, _("Too much feedback in a short time. Try again in an hour."))
        else:
            feedback.submit(sender=request.user, **form.cleaned_data)
            messages.success(request, _("Thank you. Your feedback reached the administrators."))
            return redirect("privacy:accessibility")
    return render(request, "privacy/accessibility_feedback.html", {"form": form})
