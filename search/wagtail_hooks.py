"""Search in the Wagtail admin: best bets (snippets) and the search report."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import BestBet

BestBet.panels = [
    FieldPanel("phrase"),
    # Only page types the index holds can be pinned.
    PageChooserPanel("page", ["instructions.InstructionPage", "news.NewsArticlePage"]),
    FieldPanel("note"),
]


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = _("Best bets")
    menu_name = "best_bets"
    add_to_admin_menu = True
    menu_order = 730
    search_backend_name = None
    search_fields = ["phrase", "note"]
    list_display = ["phrase", "page", "note"]


register_snippet(BestBetViewSet)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    from search import admin_reports

    return admin_reports.urlpatterns


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    from search import admin_reports

    return admin_reports.menu_item()
