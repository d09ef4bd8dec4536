"""Wagtail admin forms for the organisation models."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from teams import photos
from teams.models import Language


class PersonAdminForm(WagtailAdminModelForm):
    """Runs the same photo checks and thumbnailing as the profile page."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and "photo" in self.changed_data:
            photos.validate_photo(photo)
        return photo

    def save(self, commit=True):
        person = super().save(commit=False)
        if "photo" in self.changed_data:
            upload = self.cleaned_data.get("photo")
            if upload:
                photo, thumbnail = photos.render_photo(upload)
                person.photo.save("photo.jpg", photo, save=False)
                person.photo_thumbnail.save("thumbnail.jpg", thumbnail, save=False)
            else:
                person.photo_thumbnail = ""
        if commit:
            person.save()
            self._save_m2m()
        return person
