"""Settings → Compliance export: administrators export chat messages by time range, keyword, sender and
room (privacy.compliance); the worker builds the file, the page follows its progress, the link expires."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import PERSONAL_DATA
from privacy import compliance
from privacy.admin_views import PermissionMenuItem, _Admin
from privacy.models import ComplianceExport

DATE_ERRORS = {
    "required": gettext_lazy("Give a date."),
    "invalid": gettext_lazy("Give a date (for example 6.12.2026)."),
}


class ComplianceForm(forms.Form):
    since = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}), error_messages=DATE_ERRORS
    )
    until = forms.DateField(
        label=gettext_lazy("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATE_ERRORS,
    )
    keyword = forms.CharField(
        label=gettext_lazy("Keyword"),
        required=False,
        max_length=compliance.MAX_KEYWORD,
        error_messages={"max_length": gettext_lazy("The keyword can be at most %(limit_value)d characters.")},
        help_text=gettext_lazy("Messages containing this text (any case). Empty: every message."),
    )
    sender = forms.CharField(label=gettext_lazy("Sender (username)"), required=False, max_length=150)
    room = forms.ModelChoiceField(
        label=gettext_lazy("Room"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Every room, direct messages too"),
        error_messages={"invalid_choice": gettext_lazy("Unknown room.")},
    )

    def __init__(self, *args, **kwargs):
        from chat.models import Room

        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.exclude(kind=Room.Kind.DIRECT).order_by("name")

    def clean_sender(self):
        username = self.cleaned_data["sender"].strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(_("No user with this username."))
        return user


def _require(request):
    if not (request.user.is_active and request.user.has_perm(PERSONAL_DATA)):
        raise PermissionDenied


class ComplianceExportView(_Admin):
    template_name = "privacy/admin/compliance.html"
    page_title = gettext_lazy("Compliance export")
    header_icon = "download"
    permission = PERSONAL_DATA

    def post(self, request, *args, **kwargs):
        form = ComplianceForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                compliance.request(
                    actor=request.user,
                    since=data["since"],
                    until=data["until"],
                    keyword=data["keyword"],
                    sender=data["sender"],
                    room=data["room"],
                )
            except compliance.ComplianceError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The export is being prepared."))
                return redirect("privacy_compliance")
        messages.error(request, _("The export was not started: correct the marked fields."))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context.setdefault("form", kwargs.get("form") or ComplianceForm(initial={"until": today}))
        context["exports"] = ComplianceExport.objects.select_related("requested_by", "sender", "room")[:20]
        return context


def status(request, token: str):
    _require(request)
    export = get_object_or_404(ComplianceExport, token=token)
    return JsonResponse(
        {
            "status": export.status,
            "label": str(export.get_status_display()),
            "progress": export.progress,
            "url": reverse("privacy_compliance_download", args=[export.token])
            if export.is_downloadable
            else "",
        }
    )


def download(request, token: str):
    _require(request)
    export = get_object_or_404(ComplianceExport, token=token)
    if not export.is_downloadable:
        raise Http404(_("This download link has expired."))
    compliance.downloaded(actor=request.user, export=export)
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"taimi-compliance-{export.pk}-{export.finished_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


def menu_item():
    return PermissionMenuItem(
        gettext_lazy("Compliance export"),
        reverse("privacy_compliance"),
        icon_name="download",
        order=925,
        permission=PERSONAL_DATA,
    )
