"""The home page's "Upcoming events" block, cached as HTML per audience (about a fifth of the home page's CPU).

The key holds what the block depends on: the reader's audience dimensions (agency, home location, unit,
teams: ``news.services.reader_for``, a query the home page's feed makes anyway), the language, the Helsinki
date, the templates' and catalogs' hash (``news.fragments.code_version``) and a generation token
(``core.generations``, shared by every process) that these signals replace: an event page or an
occurrence change saved or deleted, any page published, unpublished, moved or deleted, a locale saved.
With the HTML the cache keeps the moment the answer can change with time alone (an occurrence shown or
looked at ends, a series ends: ``events.services.upcoming_until``); from then on it is rendered afresh.
Never cached in a preview.
"""

import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from core import generations
from events import audience, recurrence, services

GENERATION_KEY = "events:home:generation"
SECONDS = 60 * 60
TEMPLATE = "events/_home_events.html"


def _key(reader, *, now) -> str:
    from news.fragments import code_version

    parts = [
        code_version(),
        generations.current(GENERATION_KEY),
        (get_language() or "fi")[:2],
        now.astimezone(recurrence.HELSINKI).date().isoformat(),
        reader.agency_id,
        reader.location_id,
        reader.unit_id,
        ",".join(str(pk) for pk in sorted(reader.team_ids)),
    ]
    return "events:home:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def home_events_html(request, *, now=None) -> str:
    """The block's HTML for the signed-in reader ("" when there is nothing to show or nobody signed in)."""
    user = request.user
    if not user.is_authenticated:
        return ""
    now = now or timezone.now()
    reader = audience.reader_for(user=user)
    if getattr(request, "is_preview", False):
        items, _until = services.upcoming_until(now=now, limit=services.HOME_SIZE, reader=reader)
        return render_to_string(TEMPLATE, {"upcoming_events": items})
    key = _key(reader, now=now)
    found = cache.get(key)
    if found is not None and (found[0] is None or now < found[0]):
        return found[1]
    items, until = services.upcoming_until(now=now, limit=services.HOME_SIZE, reader=reader)
    html = render_to_string(TEMPLATE, {"upcoming_events": items})
    cache.set(key, (until, html), SECONDS)
    return html


def renew(**kwargs) -> None:
    generations.renew(GENERATION_KEY)


def _page_deleted(sender, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(sender, type) and issubclass(sender, Page):
        renew()


def connect_signals() -> None:
    from wagtail.models import Locale
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from events.models import EventPage, Occurrence

    for model in (EventPage, Occurrence, Locale):
        post_save.connect(renew, sender=model, dispatch_uid=f"events.home.save.{model.__name__}")
        post_delete.connect(renew, sender=model, dispatch_uid=f"events.home.delete.{model.__name__}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(renew, dispatch_uid=f"events.home.{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="events.home.page_delete")
