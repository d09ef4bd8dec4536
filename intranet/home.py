"""The home page's shared parts, cached as HTML: the organisation figures and the "Read more" sections.

They are the same for everyone and cost eight queries (head counts, the
public child pages); the home page is the most visited page. The key holds
the reader's language, the templates' and catalogs' hash
(news.fragments.code_version) and a generation token that these signals
replace: any save or delete of a person, user, unit, location, team or agency
(the figures), a page published, unpublished, moved or deleted, or a view
restriction changed (the sections). Never cached in a preview.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from news import fragments

HOME_GENERATION_KEY = "intranet:home:generation"
# Bulk updates (QuerySet.update, imports) send no signals, and with the embedded
# in-process cache another process's saves are not seen here: the figures catch
# up within five minutes. Longer would save one recomputation per five minutes.
HOME_FRAGMENT_SECONDS = 5 * 60


def home_fragment_key(request) -> str | None:
    if getattr(request, "is_preview", False):
        return None
    language = (get_language() or "fi")[:2]
    return f"{fragments.code_version()}:{fragments.generation(HOME_GENERATION_KEY)}:{language}"


def new_home_generation(**kwargs) -> None:
    fragments.renew(HOME_GENERATION_KEY)


def connect_signals() -> None:
    from django.contrib.auth import get_user_model
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from teams.models import Agency, Location, Person, Team, Unit

    for model in (Person, get_user_model(), Unit, Location, Team, Agency, PageViewRestriction):
        post_save.connect(
            new_home_generation, sender=model, dispatch_uid=f"intranet.home.save.{model.__name__}"
        )
        post_delete.connect(
            new_home_generation, sender=model, dispatch_uid=f"intranet.home.delete.{model.__name__}"
        )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_home_generation, dispatch_uid=f"intranet.home.{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="intranet.home.page_delete")


def _page_deleted(sender, **kwargs) -> None:
    from wagtail.models import Page

    if issubclass(sender, Page):
        new_home_generation()
