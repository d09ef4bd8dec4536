"""The strategy team edits the map, rounds, polls and statements as Wagtail snippets (model permissions)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from strategy.models import Element, Poll, Round, Statement


class ElementViewSet(SnippetViewSet):
    model = Element
    icon = "list-ul"
    list_display = ["title_fi", "kind", "order"]
    list_filter = ["kind"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("key"),
        FieldPanel("parent"),
        FieldPanel("order"),
        FieldPanel("title_fi"),
        FieldPanel("title_sv"),
        FieldPanel("body_fi"),
        FieldPanel("body_sv"),
        FieldPanel("owner_unit"),
        FieldPanel("responsible"),
        FieldPanel("review_date"),
        FieldPanel("status"),
        FieldPanel("related_pages"),
    ]


class RoundViewSet(SnippetViewSet):
    model = Round
    icon = "date"
    list_display = ["title_fi", "stage", "opens_at", "closes_at", "anonymous"]


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ol"
    list_display = ["question_fi", "round", "kind"]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "comment"
    list_display = ["text", "round", "state"]
    list_filter = ["state"]
    panels = [FieldPanel("round"), FieldPanel("text"), FieldPanel("state")]


class StrategyGroup(SnippetViewSetGroup):
    items = (ElementViewSet, RoundViewSet, PollViewSet, StatementViewSet)
    menu_icon = "site"
    menu_label = _("Strategy")
    menu_name = "strategy"


register_snippet(StrategyGroup)
