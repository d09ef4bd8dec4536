"""The instruction form in the Wagtail admin: the owner's unit, and "what changed?".

No model import at module level: the page model uses this as its base_form_class.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.page_forms import AsciiSlugPageForm
from instructions.permissions import editable_unit_ids


class InstructionPageForm(AsciiSlugPageForm):
    """An owner picks only their own unit as the owner unit; administrators any unit.

    "What changed?" is asked on every save: a note is shown to readers in the
    change log when the version is published, and a *material* change needs one
    (readers who have not visited since see it highlighted).
    """

    material_change = forms.BooleanField(
        label=_("This is a material change"),
        required=False,
        help_text=_("Readers who have read the instruction before see the change highlighted."),
    )
    change_note = forms.CharField(
        label=_("What changed?"),
        required=False,
        max_length=300,
        help_text=_("Shown to readers in the change log. Required with a material change."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from teams.models import Person, Unit

        units = editable_unit_ids(self.for_user) if self.for_user is not None else None
        if "owner_unit" in self.fields:
            if units is not None:
                self.fields["owner_unit"].queryset = Unit.objects.filter(pk__in=units)
                if len(units) == 1 and not self.instance.pk and not self.is_bound:
                    self.initial["owner_unit"] = next(iter(units))
            else:
                self.fields["owner_unit"].queryset = Unit.objects.order_by("name_fi")
        if "contacts" in self.fields:
            self.fields["contacts"].queryset = (
                Person.objects.filter(user__is_active=True)
                .select_related("user")
                .order_by("user__last_name", "user__first_name")
            )
        self._offer_readable_instructions_only()
        # A new version starts with an empty note, whatever the last one said.
        self.initial["change_note"] = ""
        self.initial["material_change"] = False

    def _offer_readable_instructions_only(self):
        """Related and replacing instructions: only those the editor may read (and the current choices)."""
        from django.db.models import Q

        from instructions.admin_access import visible_pages
        from instructions.models import InstructionPage

        if self.for_user is None:
            return
        current = Q(pk=self.instance.replacement_id) if self.instance.replacement_id else Q(pk__in=[])
        if self.instance.pk:
            current |= Q(pk__in=[page.pk for page in self.instance.related.all()])
        readable = visible_pages(InstructionPage.objects.all(), self.for_user).values("pk")
        for name in ("related", "replacement"):
            if name in self.fields:
                self.fields[name].queryset = InstructionPage.objects.filter(Q(pk__in=readable) | current)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("material_change") and not (cleaned.get("change_note") or "").strip():
            self.add_error(
                "change_note", _("Say what changed: readers see it highlighted in the change log.")
            )
        units = editable_unit_ids(self.for_user) if self.for_user is not None else None
        unit = cleaned.get("owner_unit")
        if units is not None and unit is not None and unit.pk not in units:
            self.add_error("owner_unit", _("You can only keep instructions of your own unit."))
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        page.pending_change_note = (self.cleaned_data.get("change_note") or "").strip()
        page.pending_material = bool(self.cleaned_data.get("material_change"))
        if commit:
            page.save()
            self.save_m2m()
        return page
