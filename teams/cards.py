"""Cached person cards (teams/_person_card.html) and the directory's filter form.

A directory page shows 48 cards; rendering them (avatar, name, title, unit,
place, expertise tags, the message button) was most of the page's CPU. A
card's HTML is kept in the cache, all of a page's cards read with one
``get_many``, and two things that differ per request are put in afterwards:

* the person's presence and today's work location (``{% presence %}``), which
  change by the minute and are never cached;
* the CSRF input of the message button.

The key holds the person, the reader's language, a generation token and the
code version (a hash of the card templates, taken once per process). Saving or
deleting a person, a user (except a login's last-login stamp), an agency, a
unit, a location, an expertise tag or its link to a person replaces the token,
so a renamed unit or a new photo shows on every card at once. The reader's own
card (no message button) is rendered each time.

The unbound filter form (the directory without filters) is cached per language
under a token that agencies, units, locations and teams replace when they are
saved or deleted. A bound form (filters chosen) is rendered each time.

With Redis (production) every process shares the cards and tokens; with the
in-process cache, a change made in another process shows when the entries
expire (``SECONDS``).
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.middleware.csrf import get_token
from django.template import Context, engines
from django.template.loader import get_template, render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import generations

CARD_TEMPLATE = "teams/_person_card.html"
PRESENCE_TAG = "{% load presence_tags %}{% presence person compact=True %}"
FORM_TEMPLATE = "teams/_directory_form.html"
# A day: cards of people nobody looks up leave the cache.
SECONDS = 24 * 60 * 60
PEOPLE_GENERATION = "teams:cards:generation"
FORM_GENERATION = "teams:filters:generation"
# Escaped content never holds "<", so these cannot come from a name or a title.
PRESENCE_SLOT = "<!--slot:presence-->"
CSRF_SLOT = "<!--slot:csrf-->"


def _generation(key: str) -> str:
    return generations.current(key)


def forget_people(update_fields=None, **kwargs) -> None:
    """Signal receiver: something a card shows changed (a login's last-login stamp shows nowhere)."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    generations.renew(PEOPLE_GENERATION)


def forget_filters(**kwargs) -> None:
    """Signal receiver: the choices of the directory's filters changed."""
    generations.renew(FORM_GENERATION)


@functools.cache
def code_version() -> str:
    """A hash of the templates a card or the form is made of, once per process."""
    digest = hashlib.sha1()
    for name in (CARD_TEMPLATE, "teams/_avatar.html", FORM_TEMPLATE, "teams/_field.html"):
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:12]


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def render_cards(people, *, request) -> list[str]:
    """The HTML of each person's card, in order, with live presence; people carry what with_presence attaches."""
    people = list(people)
    prefix = f"teams:card:{_generation(PEOPLE_GENERATION)}:{code_version()}:{_language()}:"
    cached = cache.get_many(
        [f"{prefix}{person.pk}" for person in people if person.user_id != request.user.pk]
    )
    missing = {}
    # Only the cards to render need the people's tags (one query for all of them).
    prefetch_related_objects(
        [person for person in people if f"{prefix}{person.pk}" not in cached], "expertise"
    )
    csrf_input = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
    presence = _presence_template()
    # Without the request's context processors (header, banner): a card needs none of them.
    template = get_template(CARD_TEMPLATE)
    cards = []
    for person in people:
        key = f"{prefix}{person.pk}"
        if person.user_id == request.user.pk:
            cards.append(template.render({"person": person, "request": request}))
            continue
        html = cached.get(key)
        if html is None:
            html = template.render(
                {
                    "person": person,
                    "request": request,
                    "card_slots": {"presence": PRESENCE_SLOT, "csrf": CSRF_SLOT},
                }
            )
            missing[key] = html
        live = presence.render(Context({"person": person}))
        cards.append(mark_safe(html.replace(PRESENCE_SLOT, live, 1).replace(CSRF_SLOT, csrf_input, 1)))
    if missing:
        cache.set_many(missing, SECONDS)
    return cards


@functools.cache
def _presence_template():
    """The card's live part: the same tag the card template uses (presence_tags, from the presence app)."""
    return engines["django"].from_string(PRESENCE_TAG).template


def render_filter_form(form, *, request) -> str:
    """The directory's filter form; cached per language while no filter is chosen."""
    if form.is_bound:
        return render_to_string(FORM_TEMPLATE, {"form": form}, request)
    key = f"teams:filters:{_generation(FORM_GENERATION)}:{code_version()}:{_language()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(FORM_TEMPLATE, {"form": form}, request)
        cache.set(key, html, SECONDS)
    return mark_safe(html)


def connect() -> None:
    """Connect the receivers (teams.apps.TeamsConfig.ready)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag

    from teams.models import Agency, Location, Person, TaggedExpertise, Team, Unit

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        for model in (Person, get_user_model(), Agency, Unit, Location, TaggedExpertise, Tag):
            signal.connect(forget_people, sender=model, dispatch_uid=f"teams.cards.{name}.{model.__name__}")
        for model in (Agency, Unit, Location, Team):
            signal.connect(
                forget_filters, sender=model, dispatch_uid=f"teams.filters.{name}.{model.__name__}"
            )
