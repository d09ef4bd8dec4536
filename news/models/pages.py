"""News: national articles published once, regional supplements, audiences.

Relationships (see docs/news.md for the whole picture):

* The :class:`NewsIndexPage` ("Uutiset", at ``/uutiset/``) holds every
  :class:`NewsArticlePage`. Wagtail's page permissions and the approval
  workflow for national news are set on the index (core/roles.py).
* An article has one **publisher**, an :class:`teams.models.Agency`:
  KEHA-keskus for national news, or one regional agency. Its **audience** is
  any number of agencies, locations, units and teams, combined with OR; none at
  all means everyone. The audience decides whose feed the article reaches; it
  is not an access control.
* A Swedish version is a Wagtail translation of the Finnish page (same
  ``translation_key``, locale ``sv``). Targeting, categories, pinning and
  statistics are read from the original; the translation supplies the text.
* A :class:`RegionalSupplement` is one agency's addition to one article
  (rich text and a contact person). Readers in that agency see it under the
  article; nobody else does. Supplements point at the original page.
* :class:`ArticleOpened` records that a person opened an article (the feed's
  "new" marker) by ``translation_key``, so both language versions count once.
* :class:`NewsCategory` is a snippet with names in three languages;
  :class:`FeedToken` is a person's secret for their personal Atom feed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.page_forms import AsciiSlugPageForm
from core.shell_cache import RestrictionsCachedPage
from news.audience_fields import AudienceFields, audience_panel
from news.blocks import ArticleBodyBlock
from news.forms import NewsArticleForm
from teams.models import TranslatedNameMixin


class NewsCategory(TranslatedNameMixin):
    """A topic readers filter news by ("Valmistelussa", "Päätetty", "Henkilöstö", ...)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["sort_order", "name_fi"]


class NewsIndexPage(RestrictionsCachedPage, Page):
    """The news section (``/uutiset/``): the reader's personalised feed with filters."""

    base_form_class = AsciiSlugPageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["intranet.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news section")

    def get_context(self, request, *args, **kwargs):
        from news import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.feed_context(request))
        return context


class NewsArticlePage(RestrictionsCachedPage, AudienceFields, Page):
    """One news article, national or regional, in Finnish and optionally Swedish."""

    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences shown in the feed."))
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    hero_alt = models.CharField(
        _("main image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for screen-reader users. Required with a main image."),
    )
    categories = ParentalManyToManyField(
        NewsCategory, blank=True, related_name="articles", verbose_name=_("categories")
    )
    publisher = models.ForeignKey(
        "teams.Agency",
        on_delete=models.PROTECT,
        related_name="published_news",
        verbose_name=_("publisher"),
        help_text=_("KEHA-keskus for national news, or the regional agency that publishes it."),
    )
    pinned_until = models.DateTimeField(
        _("pinned until"),
        null=True,
        blank=True,
        help_text=_("Shown at the top of the feed until this time."),
    )
    must_read = models.BooleanField(
        _("must read"),
        default=False,
        help_text=_(
            "Everyone in the audience is asked to confirm they have read it, with a banner on every page."
        ),
    )
    must_read_deadline = models.DateTimeField(_("read by"), null=True, blank=True)
    # The acknowledgement round: a material change published by an editor adds
    # one, and everyone is asked again (news.forms sets it with the change note).
    ack_round = models.PositiveIntegerField(default=1, editable=False)
    ack_change_note = models.CharField(max_length=300, blank=True, editable=False)
    allow_comments = models.BooleanField(_("allow comments"), default=False)
    # Set once, by the job that notifies the audience (news.tasks), so that
    # re-publishing an edited article does not notify everyone again.
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Main image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                # A plain select, not the snippet chooser: it lists only the
                # agencies this editor may publish as (news.forms).
                FieldPanel("publisher", widget=forms.Select),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("pinned_until"),
            ],
            heading=_("Publisher and placement"),
        ),
        audience_panel(
            help_text=_(
                "Whose feed the article reaches. Leave all empty for everyone; several choices combine "
                "with OR (anyone who matches one of them)."
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("must_read"),
                FieldPanel("must_read_deadline"),
                FieldPanel("material_change"),
                FieldPanel("change_note"),
                FieldPanel("allow_comments"),
            ],
            heading=_("Must read and comments"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    base_form_class = NewsArticleForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [
            models.Index(fields=["pinned_until"]),
            # The must-read banner on every page looks for these few articles.
            models.Index(
                fields=["must_read_deadline"], condition=models.Q(must_read=True), name="news_must_read_idx"
            ),
        ]

    @classmethod
    def get_admin_default_ordering(cls):
        return "-latest_revision_created_at"

    @property
    def is_national(self) -> bool:
        from teams.models import Agency

        return self.publisher.kind == Agency.Kind.KEHA

    @property
    def is_pinned(self) -> bool:
        return bool(self.pinned_until and self.pinned_until > timezone.now())

    @property
    def display_date(self):
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the main image for screen-reader users.")})

    def save(self, *args, **kwargs):
        # ParentalManyToMany values are in memory before the save commits them.
        self.for_everyone = not self.has_audience()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "for_everyone" not in update_fields:
            kwargs["update_fields"] = list(update_fields) + ["for_everyone"]
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        from news.permissions import NewsArticlePermissionTester

        return NewsArticlePermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        from news import page_context

        return page_context.serve_article(request, self, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from news import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context.article_context(request, self))
        return context
