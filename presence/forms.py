"""The presence form of "My status" (teams/my_status.html) and the header menu."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from realtime.models import PresenceSetting
from presence.worklocation import HELSINKI


class StatusForm(forms.Form):
    manual = forms.ChoiceField(label=_("Status"), choices=PresenceSetting.Manual.choices, required=False)
    emoji = forms.CharField(label=_("Emoji"), required=False, max_length=8,
                            widget=forms.TextInput(attrs={"size": 4}))
    text = forms.CharField(label=_("Status message"), required=False, max_length=100)
    duration = forms.ChoiceField(label=_("Clear the message"), required=False, choices=[
        ("", _("Never")), ("1h", _("In an hour")), ("4h", _("In four hours")), ("today", _("At the end of today")),
        ("week", _("At the end of this week")), ("keep", _("Keep the current time")),
    ])
    hidden = forms.BooleanField(label=_("Hide my presence (others see me offline)"), required=False)

    @staticmethod
    def initial_from(setting: PresenceSetting) -> dict:
        return {"manual": setting.manual, "emoji": setting.custom_emoji, "text": setting.custom_text,
                "duration": "keep" if setting.custom_until else "", "hidden": setting.hidden}

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
