"""The article form in the Wagtail admin, with the publisher and audience rules of each role.

No model import at module level: news.models uses this form as its base_form_class.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from news.permissions import editor_agency_ids, is_national_editor

NARROW_AUDIENCE_FIELDS = ("audience_locations", "audience_units", "audience_teams")


class NewsArticleForm(WagtailAdminPageForm):
    """National editors choose any publisher and audience; a regional editor publishes only
    as their own agency, to their own agency (an empty audience would mean everyone)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from teams.models import Agency

        user = self.for_user
        self.regional_only = user is not None and not is_national_editor(user)
        if "publisher" in self.fields:
            if self.regional_only:
                own = Agency.objects.filter(pk__in=editor_agency_ids(user))
                self.fields["publisher"].queryset = own
                self.fields["audience_agencies"].queryset = own
                for name in NARROW_AUDIENCE_FIELDS:
                    self.fields[name].help_text = _("Regional news reaches your own agency's people only.")
                if not self.instance.pk and len(own) == 1 and not self.is_bound:
                    self.initial["publisher"] = own[0].pk
                    self.initial["audience_agencies"] = [own[0].pk]
            elif not self.instance.pk and not self.is_bound:
                keha = Agency.objects.filter(kind=Agency.Kind.KEHA).first()
                if keha is not None:
                    self.initial["publisher"] = keha.pk

    def clean(self):
        cleaned = super().clean()
        if not self.regional_only or "publisher" not in self.fields:
            return cleaned
        own = editor_agency_ids(self.for_user)
        publisher = cleaned.get("publisher")
        if publisher is not None and publisher.pk not in own:
            self.add_error("publisher", _("You can publish only as your own agency."))
        agencies = cleaned.get("audience_agencies") or []
        if not agencies:
            self.add_error("audience_agencies", _("Choose your own agency: regional news cannot go to everyone."))
        elif any(agency.pk not in own for agency in agencies):
            self.add_error("audience_agencies", _("Regional news can be targeted to your own agency only."))
        for name in NARROW_AUDIENCE_FIELDS:
            if cleaned.get(name):
                self.add_error(name, _("Regional news reaches your own agency's people only."))
        return cleaned


def validate_supplement_agency(*, user, agency) -> None:
    """Regional editors add supplements for their own agency only."""
    if not is_national_editor(user) and agency.pk not in editor_agency_ids(user):
        raise ValidationError(_("You can add supplements for your own agency only."))
