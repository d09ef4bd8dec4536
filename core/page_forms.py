"""The base form of every page type in the Wagtail admin: page addresses (slugs) in plain ASCII.

With ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` the admin's script already writes
"etätyöohje" as ``etatyoohje`` from the title; this form does the same on the
server for a slug typed by hand or posted without the script, so a shared link
never carries ``et%C3%A4ty%C3%B6ohje``. Letters are folded (ä→a, ö→o, å→a),
anything else that cannot be part of an address is dropped. An existing page
keeps the slug it has until an editor changes it (its links stay valid).
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def ascii_slug(value: str) -> str:
    """``Etätyö & Åland`` → ``etatyo-aland``."""
    return slugify(value, allow_unicode=False)


class AsciiSlugPageForm(WagtailAdminPageForm):
    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if not slug or (self.instance.pk and slug == self.instance.slug):
            return slug
        folded = ascii_slug(slug)
        if not folded:
            raise ValidationError(_("Write the address with the letters a–z, digits and hyphens."))
        return folded
