"""Cached events HTML and calendar feeds, under generation tokens (core.generations).

What the events pages show most often is the same for many readers: the home
page's "Upcoming events" for one audience, the upcoming and past lists and the
month grid for one set of filters, a person's feed until something in it
changes. Each is rendered once and kept in the cache under a key of:

* ``GENERATION_KEY``, a token renewed after every change that any of them
  shows: an event published, unpublished, moved or deleted (signals in
  events.apps; a moved or cancelled occurrence is published with its page), an
  event kind, agency, unit or office renamed;
* for a feed, also the person's own token (``person_key``), renewed after a
  change to any of their registrations (registered, cancelled, promoted,
  approved: events.registration) and when their calendar token is renewed;
* the language, the filters, the code version (templates and catalogs,
  news.fragments.code_version);
* a time bucket: the lists, the home block and the month mark what is over,
  live or today, so a key lasts ``BUCKET_SECONDS`` (5 minutes) and an event
  that ended leaves the lists within that time without any signal; a feed's
  window (90 days back, a year ahead) moves by the day.

A warm page reads two tokens and one fragment: no query for any of it.
"""

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import generations

GENERATION_KEY = "events:generation"
BUCKET_SECONDS = 5 * 60
FEED_SECONDS = 24 * 60 * 60


def renew(**kwargs) -> None:
    """Signal receiver: something the events' cached parts show changed."""
    generations.renew(GENERATION_KEY)


def renew_for_event(sender=None, instance=None, **kwargs) -> None:
    from events.models import EventPage

    if instance is None or isinstance(instance, EventPage):
        renew()


def person_key(user_id: int) -> str:
    return f"events:person:{user_id}"


def renew_people(user_ids) -> None:
    """Their registrations changed: their feeds are built afresh (after the commit, and now for this process)."""
    keys = [person_key(user_id) for user_id in set(user_ids)]

    def run():
        for key in keys:
            generations.renew(key, timeout=FEED_SECONDS)

    run()
    transaction.on_commit(run)


def _language() -> str:
    return (get_language() or "fi")[:2]


def _bucket(now) -> int:
    return int(now.timestamp()) // BUCKET_SECONDS


def _base(kind: str, now) -> str:
    from news.fragments import code_version

    return (
        f"events:{kind}:{code_version()}:{generations.current(GENERATION_KEY)}:{_language()}:{_bucket(now)}"
    )


def _cached(key: str, build, timeout: int = BUCKET_SECONDS) -> str:
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, html, timeout)
    return mark_safe(html)  # noqa: S308 - our own templates' output


# --- The home block -------------------------------------------------------------------------------------


def home_block(*, request, now=None) -> str:
    """ "Upcoming events" on the home page for the reader's audience (empty when nothing is coming)."""
    from events import audience, services

    user = request.user
    if not user.is_authenticated:
        return ""
    now = now or timezone.now()
    reader = audience.reader_for(user=user)
    teams = ",".join(map(str, sorted(reader.team_ids)))
    key = f"{_base('home', now)}:{reader.agency_id}:{reader.location_id}:{reader.unit_id}:{teams}"

    def build():
        items = services.upcoming(now=now, limit=services.HOME_SIZE, reader=reader)
        return render_to_string("events/_home_events.html", {"upcoming_events": items}, request=request)

    return _cached(key, build)


# --- The lists and the month ----------------------------------------------------------------------------


def _filter_part(filters) -> str:
    return f"{filters.kind}:{filters.organiser or ''}:{filters.location or ''}"


def event_list(*, request, filters, show_past: bool, now=None) -> str:
    """The upcoming (or past) events as list items (templates/events/_event_list.html)."""
    from events import services

    now = now or timezone.now()
    key = f"{_base('list', now)}:{int(show_past)}:{_filter_part(filters)}"

    def build():
        items = (
            services.past(filters=filters, now=now)
            if show_past
            else services.upcoming(filters=filters, now=now)
        )
        return render_to_string("events/_event_list.html", {"items": items}, request=request)

    return _cached(key, build)


def month_grid(*, request, year: int, month: int, filters, today, now=None) -> str:
    """The month's calendar grid (templates/events/_month_grid.html)."""
    import datetime

    from events import services

    now = now or timezone.now()
    key = f"{_base('month', now)}:{year}:{month}:{today.isoformat()}:{_filter_part(filters)}"

    def build():
        days = services.month(year=year, month=month, filters=filters)
        first = datetime.date(year, month, 1)
        monday = first - datetime.timedelta(days=first.weekday())
        return render_to_string(
            "events/_month_grid.html",
            {
                "days": days,
                "weeks": services.month_grid(year=year, month=month, days=days, today=today),
                "weekdays": [monday + datetime.timedelta(days=n) for n in range(7)],
                "first": first,
            },
            request=request,
        )

    return _cached(key, build)


def filter_form(*, request, form, show_past: bool = False) -> str:
    """The filters (templates/events/_filters.html): their choices (kinds, agencies, offices) read once."""
    import hashlib

    chosen = "&".join(f"{name}={request.GET.get(name, '')}" for name in ("kind", "organiser", "location"))
    digest = hashlib.sha1(chosen.encode()).hexdigest()[:16]
    key = f"{_base('filters', timezone.now())}:{int(show_past)}:{digest}"
    return _cached(
        key,
        lambda: render_to_string(
            "events/_filters.html", {"filter_form": form, "show_past": show_past}, request=request
        ),
    )


# --- The personal feed -----------------------------------------------------------------------------------


def feed(*, user, token: str, base_url: str, build) -> bytes:
    """A person's calendar feed: built by ``build()`` once per (their registrations, the events, the day)."""
    today = timezone.localdate().isoformat()
    event_token, person_token = generations.current_many(
        [GENERATION_KEY, person_key(user.pk)], timeouts={person_key(user.pk): FEED_SECONDS}
    )
    key = f"events:feed:{token}:{event_token}:{person_token}:{today}:{_language()}:{base_url}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, FEED_SECONDS)
    return body
