"""Forms for the directory and for editing one's own profile."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from teams import photos
from teams.models import Agency, Language, Location, Team, Unit


class DirectoryFilterForm(forms.Form):
    """The directory's search box and filters; unknown filter values are a form error, not a crash."""

    q = forms.CharField(label=_("Name or expertise"), required=False, max_length=200)
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.order_by("kind", "name_fi"),
        required=False,
        to_field_name="slug",
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.all(), required=False, to_field_name="slug"
    )
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.all(), required=False, to_field_name="slug"
    )
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.all(), required=False, to_field_name="slug"
    )
    here_today = forms.ModelChoiceField(
        label=_("In the office today at"),
        queryset=Location.objects.all(),
        required=False,
        to_field_name="slug",
    )
    available = forms.BooleanField(label=_("Available now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["here_today"].empty_label = _("Anywhere")
        for name in ["agency", "unit", "location", "team"]:
            self.fields[name].empty_label = _("All")

    def filters(self) -> dict:
        """Keyword arguments for teams.services.search_people (valid fields only)."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data  # holds only the fields that validated
        return {
            "query": data.get("q") or "",
            "agency": data.get("agency"),
            "unit": data.get("unit"),
            "location": data.get("location"),
            "team": data.get("team"),
            "here_today": data.get("here_today"),
            "available": bool(data.get("available")),
        }


class ProfileForm(forms.Form):
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise = TagField(
        label=_("Expertise"), required=False, help_text=_("Separate with commas, e.g. palkkatuki, hankinnat.")
    )

    def clean_phone(self):
        from teams.models import Person

        phone = self.cleaned_data["phone"].strip()
        if phone:
            Person._meta.get_field("phone").run_validators(phone)
        return phone

    def clean_expertise(self):
        tags = self.cleaned_data["expertise"]
        if len(tags) > 20:
            raise forms.ValidationError(_("At most 20 areas of expertise."))
        if any(len(tag) > 100 for tag in tags):
            raise forms.ValidationError(_("An area of expertise can be at most 100 characters."))
        return tags


class PhotoForm(forms.Form):
    # A plain FileField: photos.validate_photo gives a specific message for
    # each way an upload can be wrong, where ImageField has one generic one.
    photo = forms.FileField(
        label=_("New photo"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 8 MB."),
        validators=[photos.validate_photo],
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
