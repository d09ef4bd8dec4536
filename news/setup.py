"""The news section's fixed structure, kept in code like the roles (run after every migrate).

* the Swedish locale, and Swedish translations of the home page and the news
  section, so that editors can translate articles straight away;
* the news section ``/uutiset/`` under the home page;
* the approval workflow for news: a communication-unit approver publishes
  what the communication unit drafts (regional editors publish their own
  agency's news directly; their publish permission is narrowed in
  news.permissions).
"""

from django.apps import apps
from django.db import transaction

NEWS_SLUG = "uutiset"
NEWS_TITLES = {"fi": "Uutiset", "sv": "Nyheter"}
HOME_TITLES = {"fi": "Etusivu", "sv": "Startsida"}
WORKFLOW_NAME = "Valtakunnallisten uutisten hyväksyntä"
APPROVAL_TASK_NAME = "Viestinnän hyväksyjä"


def _translate(page, locale, title):
    """The page's live translation in ``locale``, created (as a copy) and published when missing."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        translation.title = translation.draft_title = title
        translation.save_revision().publish()
    return translation.specific


@transaction.atomic
def ensure_sections():
    """Create what is missing; return the news index pages (Finnish first). Safe to run any time."""
    from wagtail.models import Locale, Site

    from news.models import NewsIndexPage

    # The site's home page type belongs to the shell above; looked up by name, not imported.
    HomePage = apps.get_model("intranet", "HomePage")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        return []  # a database being flushed or set up: nothing to attach to yet
    home = site.root_page.specific
    finnish = home.locale
    swedish, _created = Locale.objects.get_or_create(language_code="sv")
    news = NewsIndexPage.objects.child_of(home).first()
    if news is None:
        news = NewsIndexPage(
            title=NEWS_TITLES["fi"],
            slug=NEWS_SLUG,
            locale=finnish,
            intro="Valtakunnalliset ja alueelliset uutiset, sinulle koottuna.",
        )
        home.add_child(instance=news)
        news.save_revision().publish()
    _translate(home, swedish, HOME_TITLES["sv"])
    news_sv = _translate(news, swedish, NEWS_TITLES["sv"])
    return [news, news_sv]


@transaction.atomic
def ensure_workflow(*, approver_group, sections):
    """One workflow with one group-approval task, on every news section."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set([approver_group])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow
