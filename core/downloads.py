"""Files prepared by the worker for one person to download: the pattern of "download my data"
(privacy.DataExport) as a base any app can use (docs/architecture.md#background-jobs).

A request creates a row (random token, status *queued*), the worker builds the file and reports
progress, the finished file lives outside MEDIA_ROOT under ``$VAR_DIR/<folder>`` and is served only by
the app's own view to the person allowed to fetch it, until ``expires_at``; a periodic job removes
expired files (:func:`expire`). The page follows the progress with ``privacy/my-data.js`` and the
status JSON of :func:`status`.
"""

from __future__ import annotations

import datetime
import os
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Files under ``$VAR_DIR/<folder>``: never served by the web server, only by a view that checks."""

    def __init__(self, folder: str):
        self.folder = folder
        super().__init__()

    def deconstruct(self):
        return ("core.downloads.PrivateStorage", (self.folder,), {})

    @property
    def base_location(self):
        return str(settings.VAR_DIR / self.folder)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PreparedFile(models.Model):
    """The row of one prepared file: token, status, progress, the file and when its link expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    PENDING = (Status.QUEUED, Status.RUNNING)

    token = models.CharField(max_length=64, unique=True, default=new_token)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Subclasses add ``file = models.FileField(storage=..., blank=True)`` with their own folder.

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_downloadable(self) -> bool:
        return (
            self.status == self.Status.READY
            and bool(self.file)
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    def start(self) -> bool:
        """Mark running; False when there is nothing to do (finished, expired or gone)."""
        if self.status in (self.Status.READY, self.Status.EXPIRED):
            return False
        type(self).objects.filter(pk=self.pk).update(status=self.Status.RUNNING, progress=0)
        return True

    def report(self, done: int, total: int) -> None:
        type(self).objects.filter(pk=self.pk).update(progress=min(99, round(100 * done / max(total, 1))))

    def fail(self) -> None:
        type(self).objects.filter(pk=self.pk).update(status=self.Status.FAILED)

    def finish(self, *, name: str, content: bytes, hours: int, **fields) -> None:
        """Store the file, mark it ready for ``hours``; ``fields`` are the subclass's own columns to save."""
        now = timezone.now()
        self.file.save(name, ContentFile(content), save=False)
        for field, value in fields.items():
            setattr(self, field, value)
        self.size = len(content)
        self.status = self.Status.READY
        self.progress = 100
        self.finished_at = now
        self.expires_at = now + datetime.timedelta(hours=hours)
        self.save(update_fields=["file", "size", "status", "progress", "finished_at", "expires_at", *fields])

    def status_json(self, *, url: str) -> dict:
        """What the progress script reads (the same keys as privacy.views.export_status)."""
        return {
            "status": self.status,
            "label": str(self.get_status_display()),
            "progress": self.progress,
            "url": url if self.is_downloadable else "",
        }


def expire(model, *, now=None, **cleared) -> int:
    """Remove the files of ``model``'s rows whose link has expired, emptying the ``cleared`` columns too;
    returns how many."""
    now = now or timezone.now()
    count = 0
    for row in model.objects.filter(status=PreparedFile.Status.READY, expires_at__lte=now):
        if row.file:
            row.file.delete(save=False)
        model.objects.filter(pk=row.pk).update(status=PreparedFile.Status.EXPIRED, file="", **cleared)
        count += 1
    return count
