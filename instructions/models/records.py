"""What happens around an instruction: its change log, readers' visits, attachments and feedback.

Everything a reader does is keyed by the instruction's ``translation_key`` where
both language versions should count as one (visits), and by the version's page
and revision where the exact text matters (votes: one per person per revision).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeLogEntry(models.Model):
    """One published change, shown to readers with its date ("what changed?").

    Written when a revision with a note is published (instructions.changelog);
    ``material`` entries are highlighted for readers who have not visited since.
    """

    translation_key = models.UUIDField(db_index=True)
    page = models.ForeignKey(
        "instructions.InstructionPage", on_delete=models.CASCADE, related_name="change_log"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=10, default="fi")
    published_at = models.DateTimeField(db_index=True)
    note = models.CharField(_("what changed"), max_length=300)
    material = models.BooleanField(_("material change"), default=False)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log")
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_change_entry_per_revision")
        ]

    def __str__(self) -> str:
        return self.note


class InstructionVisit(models.Model):
    """When a person last opened an instruction (either language): material changes after it are highlighted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    last_visit_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"], name="one_visit_per_instruction")
        ]


class InstructionAttachment(models.Model):
    """A document an instruction version links to; the document view serves it only to that audience.

    Rewritten from the body on every save of the page (drafts included), so a
    document is protected from the moment it is put into an instruction.
    """

    page = models.ForeignKey(
        "instructions.InstructionPage", on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="one_attachment_row")]


class Feedback(models.Model):
    """ "Was this helpful?": one vote per person per revision of the version they read, with an optional comment."""

    page = models.ForeignKey(
        "instructions.InstructionPage", on_delete=models.CASCADE, related_name="feedback"
    )
    translation_key = models.UUIDField(db_index=True)
    # The live revision read; 0 for a page published without revisions (never in the admin).
    revision_id = models.PositiveBigIntegerField(default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "revision_id", "user"], name="one_vote_per_revision"),
        ]


class ErrorReport(models.Model):
    """ "Report an error": free text to the owners, who mark it handled in the admin."""

    page = models.ForeignKey(
        "instructions.InstructionPage", on_delete=models.CASCADE, related_name="error_reports"
    )
    translation_key = models.UUIDField(db_index=True)
    revision_id = models.PositiveBigIntegerField(default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("what is wrong"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
