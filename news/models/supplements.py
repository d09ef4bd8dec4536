"""Regional supplements: one agency's addition to a national article (see news.models.pages)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from news.models.pages import NewsArticlePage

SUPPLEMENT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class RegionalSupplement(models.Model):
    """One regional agency's addition to a (usually national) article, shown only to that agency's people."""

    article = models.ForeignKey(
        NewsArticlePage, on_delete=models.CASCADE, related_name="supplements", verbose_name=_("article")
    )
    agency = models.ForeignKey(
        "teams.Agency", on_delete=models.CASCADE, related_name="news_supplements", verbose_name=_("agency")
    )
    body = RichTextField(_("text (Finnish)"), features=SUPPLEMENT_FEATURES)
    body_sv = RichTextField(
        _("text (Swedish)"),
        blank=True,
        features=SUPPLEMENT_FEATURES,
        help_text=_("Shown to Swedish readers; the Finnish text otherwise."),
    )
    contact = models.ForeignKey(
        "teams.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("regional supplement")
        verbose_name_plural = _("regional supplements")
        constraints = [
            models.UniqueConstraint(fields=["article", "agency"], name="one_supplement_per_agency")
        ]
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.agency} – {self.article.title}"

    def text_for(self, language: str) -> str:
        return self.body_sv if language == "sv" and self.body_sv else self.body

    def save(self, *args, **kwargs):
        # The admin's editor already stores clean HTML; this also covers rows
        # written any other way (imports, scripts): no script, no javascript: links.
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        converter = EditorHTMLConverter(features=SUPPLEMENT_FEATURES)
        self.body = converter.to_database_format(self.body or "")
        self.body_sv = converter.to_database_format(self.body_sv or "") if self.body_sv else ""
        super().save(*args, **kwargs)
