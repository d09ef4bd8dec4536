"""Site-wide Wagtail pages: the home page and standard content pages.

The page tree is Root → HomePage (the site root, "Etusivu") → StandardPages.
News and the instruction library add their own index pages under the home page
in their issues.
"""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.page_forms import AsciiSlugPageForm
from core.shell_cache import RestrictionsCachedPage
from intranet.blocks import BodyBlock


class HomePage(RestrictionsCachedPage, Page):
    """The front page: a welcome, quick links and a picture of the organisation."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    base_form_class = AsciiSlugPageForm
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from intranet import home
        from news.models import NewsIndexPage
        from news.page_context import home_feed
        from teams.services import organisation_summary

        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = home_feed(request)
        # The reader's next few events, cached per audience (events.home_cache).
        from events.home_cache import home_events_html

        context["upcoming_events_html"] = home_events_html(request)
        # Both are read only when the cached fragment is missing (intranet.home).
        context["home_fragment_key"] = home.home_fragment_key(request)
        context["home_fragment_seconds"] = home.HOME_FRAGMENT_SECONDS
        context["organisation"] = SimpleLazyObject(organisation_summary)
        # Lazy too: Wagtail's public() reads every view restriction as soon as the query is built (~10 ms
        # with the instruction library's restrictions), and the cached sections need none of it.
        context["sections"] = SimpleLazyObject(lambda: home_sections(self, NewsIndexPage))
        return context


def home_sections(home, news_index_class) -> list:
    """The home page's "Read more" cards: every section, each in the reader's language when it has one.

    The sections are those of the Finnish home page (a section without a Swedish
    version is still a card on the Swedish home page, in Finnish); each card
    takes its live translation in the reader's language (Page.localized).
    """
    original = home.get_translation_or_none(home.get_default_locale()) or home
    sections = original.get_children().live().public().not_type(news_index_class).specific().order_by("path")
    return [section.localized.specific for section in sections]


class StandardPage(RestrictionsCachedPage, Page):
    """A general content page (about the agency, ways of working, privacy, ...)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    base_form_class = AsciiSlugPageForm

    class Meta:
        verbose_name = _("standard page")
