from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_url", "email"]
        help_texts = {
            "page_url": _("Where you met the problem (optional)."),
            "email": _("If you want the answer by e-mail (optional)."),
        }
