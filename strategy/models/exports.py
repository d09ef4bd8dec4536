"""A facilitation export asked for by the strategy team and built by the worker (core.downloads)."""

from django.conf import settings
from django.db import models

from core.downloads import PreparedFile, PrivateStorage


def export_storage():
    return PrivateStorage("strategy-exports")


class RoundExport(PreparedFile):
    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    round = models.ForeignKey("strategy.Round", on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=4, choices=Format.choices)
    # Only this person may download the file.
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(storage=export_storage, max_length=200, blank=True)

    class Meta(PreparedFile.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.round_id} {self.format} {self.status}"
