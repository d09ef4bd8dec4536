"""Actions as a steering tool: status updates written by the responsible person or the strategy team."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.models.map import Element


class ActionUpdate(models.Model):
    action = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=10, choices=Element.Status.choices)
    text = models.TextField(_("update"), max_length=3000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
