"""The forms of "My status" (teams/my_status.html) and the header menu: status, today's place, weekly plan."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from presence.models import PresenceSetting, WorkPlace
from presence.worklocation import HELSINKI
from teams.models import Location


class StatusForm(forms.Form):
    manual = forms.ChoiceField(label=_("Status"), choices=PresenceSetting.Manual.choices, required=False)
    emoji = forms.CharField(
        label=_("Emoji"), required=False, max_length=8, widget=forms.TextInput(attrs={"size": 4})
    )
    text = forms.CharField(label=_("Status message"), required=False, max_length=100)
    duration = forms.ChoiceField(
        label=_("Clear the message"),
        required=False,
        choices=[
            ("", _("Never")),
            ("1h", _("In an hour")),
            ("4h", _("In four hours")),
            ("today", _("At the end of today")),
            ("week", _("At the end of this week")),
            ("keep", _("Keep the current time")),
        ],
    )
    hidden = forms.BooleanField(label=_("Hide my presence (others see me offline)"), required=False)

    @staticmethod
    def initial_from(setting: PresenceSetting) -> dict:
        return {
            "manual": setting.manual,
            "emoji": setting.custom_emoji,
            "text": setting.custom_text,
            "duration": "keep" if setting.custom_until else "",
            "hidden": setting.hidden,
        }

    def until(self, current=None):
        """The end time the chosen duration means (None: never), or ``current`` for "keep"."""
        choice = self.cleaned_data.get("duration")
        now = timezone.now()
        local = now.astimezone(HELSINKI)
        if choice == "1h":
            return now + datetime.timedelta(hours=1)
        if choice == "4h":
            return now + datetime.timedelta(hours=4)
        if choice == "today":
            return local.replace(hour=23, minute=59, second=59, microsecond=0)
        if choice == "week":
            friday = local + datetime.timedelta(days=(4 - local.weekday()) % 7)
            return friday.replace(hour=23, minute=59, second=59, microsecond=0)
        if choice == "keep":
            return current if current and current > now else None
        return None


class WorkLocationForm(forms.Form):
    """Today's work location: an office, remote, travelling or absent, with a note."""

    kind = forms.ChoiceField(label=_("Where I work today"), choices=WorkPlace.choices)
    location = forms.ModelChoiceField(label=_("Office"), queryset=Location.objects.all(), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=100,
        help_text=_("Optional, e.g. “in the afternoon at the Vaasa office”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == WorkPlace.OFFICE and not data.get("location"):
            self.add_error("location", _("Choose the office."))
        return data


class QuickPlaceForm(forms.Form):
    """The header menu's one-click choice: ``office:<location id>``, remote, travelling, absent or clear."""

    place = forms.CharField(max_length=30)

    def clean_place(self):
        value = self.cleaned_data["place"]
        if value in WorkPlace.values and value != WorkPlace.OFFICE or value == "clear":
            return value, None
        kind, _sep, pk = value.partition(":")
        if kind == WorkPlace.OFFICE and pk.isdigit():
            location = Location.objects.filter(pk=int(pk)).first()
            if location is not None:
                return kind, location
        raise forms.ValidationError(_("Choose where you work."))


PLAN_CHOICES = [("", _("No default"))] + list(WorkPlace.choices)
WEEKDAY_NAMES = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday")]


class WeeklyPlanForm(forms.Form):
    """Monday–Friday defaults: each day a place (and office) or no default."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day, name in enumerate(WEEKDAY_NAMES):
            self.fields[f"kind_{day}"] = forms.ChoiceField(label=name, choices=PLAN_CHOICES, required=False)
            self.fields[f"location_{day}"] = forms.ModelChoiceField(
                label=_("Office"), queryset=Location.objects.all(), required=False
            )

    def clean(self):
        data = super().clean()
        for day in range(5):
            if data.get(f"kind_{day}") == WorkPlace.OFFICE and not data.get(f"location_{day}"):
                self.add_error(f"location_{day}", _("Choose the office."))
        return data

    def days(self) -> dict:
        data = self.cleaned_data
        return {
            day: (data[f"kind_{day}"], data.get(f"location_{day}"), "") if data.get(f"kind_{day}") else None
            for day in range(5)
        }

    def rows(self):
        return [(self[f"kind_{day}"], self[f"location_{day}"]) for day in range(5)]
