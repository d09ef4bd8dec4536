"""The article form in the Wagtail admin, with the publisher and audience rules of each role.

No model import at module level: news.models uses this form as its base_form_class.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _

from core.page_forms import AsciiSlugPageForm
from news.permissions import editor_agency_ids, is_national_editor

NARROW_AUDIENCE_FIELDS = ("audience_locations", "audience_units", "audience_teams")


class NewsArticleForm(AsciiSlugPageForm):
    """National editors choose any publisher and audience; a regional editor publishes only
    as their own agency, to their own agency (an empty audience would mean everyone).

    For must-read articles the editor also says whether an edit is *material*:
    a material change starts a new acknowledgement round when it is published,
    so everyone is asked to read it again, and the note tells them what changed.
    """

    material_change = forms.BooleanField(
        label=_("This is a material change"),
        required=False,
        help_text=_("Must-read articles only: everyone is asked to read and acknowledge the article again."),
    )
    change_note = forms.CharField(
        label=_("What changed?"),
        required=False,
        max_length=300,
        help_text=_("Shown to readers in the must-read banner. Required with a material change."),
    )

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
            else:
                # KEHA-keskus (national) first, then the regional agencies by kind and name.
                keha_first = Case(When(kind=Agency.Kind.KEHA, then=Value(0)), default=Value(1))
                self.fields["publisher"].queryset = Agency.objects.order_by(keha_first, "kind", "name_fi")
            if not self.regional_only and not self.instance.pk and not self.is_bound:
                keha = Agency.objects.filter(kind=Agency.Kind.KEHA).first()
                if keha is not None:
                    self.initial["publisher"] = keha.pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("material_change") and not (cleaned.get("change_note") or "").strip():
            self.add_error("change_note", _("Say what changed: readers see it when they are asked again."))
        if cleaned.get("must_read") and not cleaned.get("must_read_deadline"):
            self.add_error("must_read_deadline", _("Give a date by which everyone should have read it."))
        if not self.regional_only or "publisher" not in self.fields:
            return cleaned
        own = editor_agency_ids(self.for_user)
        publisher = cleaned.get("publisher")
        if publisher is not None and publisher.pk not in own:
            self.add_error("publisher", _("You can publish only as your own agency."))
        agencies = cleaned.get("audience_agencies") or []
        if not agencies:
            self.add_error(
                "audience_agencies", _("Choose your own agency: regional news cannot go to everyone.")
            )
        elif any(agency.pk not in own for agency in agencies):
            self.add_error("audience_agencies", _("Regional news can be targeted to your own agency only."))
        for name in NARROW_AUDIENCE_FIELDS:
            if cleaned.get(name):
                self.add_error(name, _("Regional news reaches your own agency's people only."))
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.cleaned_data.get("material_change") and page.pk and page.first_published_at:
            # Relative to the live round: saving the same material draft twice
            # still asks readers only once more when it is published.
            live_round = (
                type(page).objects.filter(pk=page.pk).values_list("ack_round", flat=True).first() or 1
            )
            page.ack_round = live_round + 1
            page.ack_change_note = self.cleaned_data["change_note"].strip()
        if commit:
            page.save()
            self.save_m2m()
        return page


def validate_supplement_agency(*, user, agency) -> None:
    """Regional editors add supplements for their own agency only."""
    if not is_national_editor(user) and agency.pk not in editor_agency_ids(user):
        raise ValidationError(_("You can add supplements for your own agency only."))
