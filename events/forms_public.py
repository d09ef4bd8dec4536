"""The readers' forms: list filters and registration (the admin form is events.forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class FilterForm(forms.Form):
    kind = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Kind"), empty_label=_("All kinds"), to_field_name="slug"
    )
    organiser = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Organiser"), empty_label=_("All")
    )
    location = forms.ModelChoiceField(queryset=None, required=False, label=_("Office"), empty_label=_("All"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from events.models import EventKind
        from teams.models import Agency, Location

        self.fields["kind"].queryset = EventKind.objects.all()
        self.fields["organiser"].queryset = Agency.objects.order_by("kind", "name_fi")
        self.fields["location"].queryset = Location.objects.order_by("name_fi")

    def filters(self):
        from events.services import Filters

        if not self.is_bound or not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            kind=data["kind"].slug if data.get("kind") else "",
            organiser=data["organiser"].pk if data.get("organiser") else None,
            location=data["location"].pk if data.get("location") else None,
        )


class RegistrationForm(forms.Form):
    """ "Online" or one of the rooms (hybrid), and the event's questions."""

    def __init__(self, *args, event, rooms, occurrences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.recurrence:
            # A series: one date a registration (the person can register for several, one at a time).
            from events import recurrence

            self.fields["kerta"] = forms.ChoiceField(
                label=_("Date"),
                choices=[(occurrence.key, date_label(recurrence, occurrence)) for occurrence in occurrences],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a date."), "invalid_choice": _("Choose a date.")},
            )
        if rooms:
            choices = [("online", _("Online"))] + [
                (str(room.pk), _("In %(room)s (%(seats)s seats)") % {"room": room, "seats": room.capacity})
                for room in rooms
            ]
            self.fields["room"] = forms.ChoiceField(
                label=_("Where will you take part?"),
                choices=choices,
                widget=forms.RadioSelect,
                initial="online",
            )
        for index, question in enumerate(event.question_list()):
            self.fields[f"answer_{index}"] = forms.CharField(
                label=question, required=False, max_length=500, widget=forms.TextInput
            )

    def occurrence(self) -> str:
        return self.cleaned_data.get("kerta", "")

    def room_id(self) -> int | None:
        value = self.cleaned_data.get("room") or "online"
        return None if value == "online" else int(value)

    def answers(self) -> dict:
        return {
            question: self.cleaned_data.get(f"answer_{index}", "")
            for index, question in enumerate(self.event.question_list())
        }


def date_label(recurrence, occurrence) -> str:
    start = occurrence.start.astimezone(recurrence.HELSINKI)
    end = occurrence.end.astimezone(recurrence.HELSINKI)
    return f"{start:%-d.%-m.%Y %-H.%M}–{end:%-H.%M}"
