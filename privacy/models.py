"""A person's data export ("download my data"), the accessibility statement and privacy notice pages, and
accessibility feedback (docs/privacy.md)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core import downloads


class ExportStorage(FileSystemStorage):
    """Exports live outside MEDIA_ROOT (``$VAR_DIR/data-exports``): only privacy.views serves them."""

    @property
    def base_location(self):
        return str(settings.VAR_DIR / "data-exports")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def export_storage() -> FileSystemStorage:
    return ExportStorage()


new_token = downloads.new_token  # named by privacy's first migrations


class PreparedFile(downloads.PreparedFile):
    """A file the worker prepares for download (core.downloads), kept under ``$VAR_DIR/data-exports``
    until its link expires (``PRIVACY_EXPORT_HOURS``, then privacy.export.expire removes the file)."""

    file = models.FileField(storage=export_storage, max_length=200, blank=True)

    class Meta(downloads.PreparedFile.Meta):
        abstract = True


class DataExport(PreparedFile):
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    # An administrator answering a data-subject request, or the person themselves.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The zip's password (privacy.export), kept only until it has been shown once to the one who asked.
    password = models.CharField(max_length=64, blank=True)

    class Meta(PreparedFile.Meta):
        permissions = [("manage_personal_data", "Can export, erase and restore people's data")]

    def take_password(self, user) -> str:
        """The password, once, to the person who asked for the export (empty otherwise and afterwards)."""
        if not self.password or self.status != self.Status.READY or self.requested_by_id != user.pk:
            return ""
        taken = DataExport.objects.filter(pk=self.pk, password=self.password).update(password="")
        password, self.password = self.password, ""
        return password if taken else ""

    def __str__(self) -> str:
        return f"export {self.pk} of {self.subject_id}"


class ComplianceExport(PreparedFile):
    """Chat messages by keyword, sender, time range and room, exported by an administrator
    (privacy.compliance; Zulip's compliance export)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    since = models.DateField(_("from"))
    until = models.DateField(_("until"))
    keyword = models.CharField(_("keyword"), max_length=200, blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    room = models.ForeignKey(
        "chat.Room",
        verbose_name=_("room"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    messages = models.PositiveIntegerField(default=0)

    class Meta(PreparedFile.Meta):
        verbose_name = _("compliance export")

    def __str__(self) -> str:
        return f"compliance export {self.pk}"


# --- The two pages the law asks for, edited by administrators, served at fixed addresses without sign-in ---

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class _FixedAddressPage(Page):
    """A page read at a fixed address (privacy.urls) by anyone, signed in or not, in the reader's language."""

    parent_page_types = ["intranet.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    fixed_url_name = ""

    class Meta:
        abstract = True

    @classmethod
    def current(cls, *, language: str):
        """The live page in ``language``, else the Finnish one (None when there is none)."""
        pages = cls.objects.live().select_related("locale")
        by_language = {page.locale.language_code: page for page in pages}
        return by_language.get(language) or by_language.get("fi") or next(iter(by_language.values()), None)

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        return redirect(self.fixed_url_name)


class AccessibilityStatement(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(_FixedAddressPage):
    """The accessibility statement in the structure of the Finnish model statement (Act 306/2019)."""

    fixed_url_name = "privacy:accessibility"
    service_description = RichTextField(
        _("the service"), features=TEXT_FEATURES, blank=True, help_text=_("What the statement covers.")
    )
    compliance = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=AccessibilityStatement.choices,
        default=AccessibilityStatement.PARTIAL,
        help_text=_("How the service meets WCAG 2.1 AA."),
    )
    non_compliant = RichTextField(
        _("non-accessible content and why"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Each shortcoming, the criterion it fails and when it will be fixed."),
    )
    assessment = models.CharField(
        _("how the service was assessed"), max_length=300, blank=True, default=_("Self-assessment")
    )
    written_on = models.DateField(_("statement written on"))
    reviewed_on = models.DateField(_("statement last reviewed on"))
    feedback_email = models.EmailField(_("feedback e-mail"), blank=True)
    supervisory_authority = RichTextField(
        _("supervisory authority"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Left empty: the Regional State Administrative Agency for Southern Finland, as in the model."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("service_description"),
        FieldPanel("compliance"),
        FieldPanel("non_compliant"),
        FieldPanel("assessment"),
        FieldPanel("written_on"),
        FieldPanel("reviewed_on"),
        FieldPanel("feedback_email"),
        FieldPanel("supervisory_authority"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")


class PrivacyNoticePage(_FixedAddressPage):
    """The privacy notice (tietosuojaseloste): editable text around the store table from the registry."""

    fixed_url_name = "privacy:notice"
    intro = RichTextField(
        _("introduction"), features=TEXT_FEATURES, blank=True, help_text=_("The controller and its contact.")
    )
    body = RichTextField(
        _("after the table"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Recipients, transfers, the data protection officer, rights, the supervisory authority."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("privacy notice")


class AccessibilityFeedback(models.Model):
    """Feedback on accessibility; administrators are reminded until it is answered (14 days by law)."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(_("your e-mail"), blank=True)
    page_url = models.CharField(_("address of the page"), max_length=500, blank=True)
    message = models.TextField(_("feedback"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]


class Departure(models.Model):
    """When a person's account was deactivated, and when their data was erased (privacy.erasure)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="departure")
    left_at = models.DateTimeField(default=timezone.now, db_index=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id} left {self.left_at:%Y-%m-%d}"
