"""The event form in the Wagtail admin: organisers choose only what their role allows.

No model import at module level: events.models uses this form as its base_form_class.
"""

from django.utils.translation import gettext_lazy as _

from core.page_forms import AsciiSlugPageForm
from events.permissions import can_organise_for, is_national_editor
from news.permissions import editor_agency_ids


class EventPageForm(AsciiSlugPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from events.permissions import organiser_unit_id
        from teams.models import Agency, Unit

        user = self.for_user
        if user is None or "organiser_agency" not in self.fields or is_national_editor(user):
            return
        agencies = set(editor_agency_ids(user))
        unit_id = organiser_unit_id(user)
        if unit_id is not None:
            agencies |= set(Unit.objects.filter(pk=unit_id).values_list("agency_id", flat=True))
        self.fields["organiser_agency"].queryset = Agency.objects.filter(pk__in=agencies)
        if unit_id is not None and not editor_agency_ids(user):
            self.fields["organiser_unit"].queryset = Unit.objects.filter(pk=unit_id)
            self.fields["organiser_unit"].required = True

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        agency, unit = cleaned.get("organiser_agency"), cleaned.get("organiser_unit")
        if user is None or agency is None:
            return cleaned
        if unit is not None and unit.agency_id != agency.pk:
            self.add_error("organiser_unit", _("The unit must belong to the organising agency."))
        elif not can_organise_for(user, agency_id=agency.pk, unit_id=unit.pk if unit else None):
            self.add_error("organiser_agency", _("You can organise events only for your own agency or unit."))
        return cleaned
