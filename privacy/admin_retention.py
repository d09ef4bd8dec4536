"""Settings → Retention periods: the organisation-wide periods administrators edit (core.retention_settings).

The environment's value is the initial default; a saved value wins and each change is in the audit trail.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import retention_settings
from core.roles import PERSONAL_DATA
from privacy.admin_views import PermissionMenuItem, _Admin
from privacy.notice import SETTING_LABELS


def _help(period: retention_settings.Period) -> str:
    environment = retention_settings.environment_value(period.name)
    unit = _("hours") if period.hours else _("days")
    text = _("%(min)d–%(max)d %(unit)s.") % {"min": period.minimum, "max": period.maximum, "unit": unit}
    if period.keep:
        text += " " + _("0 keeps the messages (as records).")
    default = _("kept") if environment is None else f"{environment} {unit}"
    return text + " " + _("Initial value from the environment: %(value)s.") % {"value": default}


class RetentionForm(forms.Form):
    """One whole number per period; out of range or not a number gets a message next to its field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, period in retention_settings.PERIODS.items():
            unit = _("hours") if period.hours else _("days")
            self.fields[name] = forms.IntegerField(
                label=f"{SETTING_LABELS[name]} ({unit})",
                min_value=0 if period.keep else period.minimum,
                max_value=period.maximum,
                help_text=_help(period),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "required": _("Give a number."),
                    "invalid": _("Give a whole number."),
                    "min_value": _("At least %(limit_value)s."),
                    "max_value": _("At most %(limit_value)s."),
                },
            )


class RetentionSettingsView(_Admin):
    template_name = "privacy/admin/retention_settings.html"
    page_title = gettext_lazy("Retention periods")
    header_icon = "time"
    permission = PERSONAL_DATA

    def initial(self) -> dict:
        return {name: value or 0 for name, value in retention_settings.in_force().items()}

    def post(self, request, *args, **kwargs):
        form = RetentionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The periods were not saved: correct the marked fields."))
            return self.render_to_response(self.get_context_data(form=form))
        changed = retention_settings.change(actor=request.user, values=form.cleaned_data)
        if changed:
            messages.success(request, _("The retention periods were saved."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("privacy_retention_settings")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", kwargs.get("form") or RetentionForm(initial=self.initial()))
        return context


def menu_item():
    from django.urls import reverse

    return PermissionMenuItem(
        gettext_lazy("Retention periods"),
        reverse("privacy_retention_settings"),
        icon_name="time",
        order=915,
        permission=PERSONAL_DATA,
    )
