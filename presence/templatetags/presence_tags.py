"""Presence in templates: the dot with its text, the header menu, the labels the live script uses."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from presence import state

register = template.Library()

STATUS_LABELS = {
    state.ONLINE: _("Available"),
    state.AWAY: _("Away"),
    state.BUSY: _("Busy"),
    state.DND: _("Do not disturb"),
    state.OFFLINE: _("Offline"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, STATUS_LABELS[state.OFFLINE]))


@register.simple_tag
def presence(person, compact=False):
    """A presence dot with its text (never colour alone), custom status and today's work location.

    ``person.presence`` and ``person.where_today`` are attached by teams.services.with_presence().
    Written out here rather than by an included template: a directory page or the home page's team
    shows dozens of them, and a template cost ten times as much CPU per person.
    """
    value = getattr(person, "presence", None) or {"status": state.OFFLINE, "text": "", "emoji": ""}
    emoji, text = value.get("emoji", ""), value.get("text", "")
    custom = format_html(" · {} {}", emoji, text) if (emoji or text) else ""
    html = format_html(
        '<p class="presence presence--{}" data-presence-user="{}"><span class="presence__dot" aria-hidden="true">'
        '</span> <span class="presence__label">{}</span><span class="presence__custom">{}</span></p>\n',
        value.get("status", ""),
        person.user_id,
        status_label(value.get("status")),
        custom,
    )
    where = getattr(person, "where_today", None)
    if compact and not where:
        return html + mark_safe("\n")
    if where:
        label = (
            format_html("{} – {}", where.label, where.note) if where.note else conditional_escape(where.label)
        )
    else:
        label = gettext("Work location not set")
    return html + format_html(
        '<p class="where" data-where-user="{}"><span class="visually-hidden">{} </span>'
        '<span class="where__label">{}</span></p>\n',
        person.user_id,
        gettext("Today:"),
        label,
    )


@register.inclusion_tag("realtime/_live_labels.html")
def presence_labels():
    """Texts for realtime/static/realtime/taimi-live.js, in the page's language."""
    from presence.models import WorkPlace
    from presence.worklocation import today

    return {
        "labels": {
            "status": {key: str(value) for key, value in STATUS_LABELS.items()},
            "where": {key: str(label) for key, label in WorkPlace.choices},
            "here_today": str(_("Here today")),
            "moved": str(_("No longer here today")),
            "unset": str(_("Work location not set")),
            # The Helsinki date the page shows: the client refreshes its "today" after midnight.
            "today": today().isoformat(),
        }
    }


@register.inclusion_tag("realtime/_presence_menu.html", takes_context=True)
def presence_menu(context):
    """The header's status and work-location menu: two clicks to set either."""
    from presence import services
    from presence.models import WorkPlace
    from presence.worklocation import where_today

    request = context.get("request")
    me = context.get("me")
    if request is None or me is None:
        return {"show": False}
    # me.user: this request's own person's user, fetched with its presence settings (teams.services.person_of).
    own = services.own_state(user=me.user if me.user_id == request.user.pk else request.user)
    where = where_today(person_ids=[me.pk]).get(me.pk)
    return {
        "show": True,
        "me": me,
        "own": own,
        "label": status_label(own["status"]),
        "where": where,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "manual_choices": [
            ("", _("Automatic")),
            (state.BUSY, STATUS_LABELS[state.BUSY]),
            (state.DND, STATUS_LABELS[state.DND]),
            (state.AWAY, _("Appear away")),
        ],
        "place_choices": [
            (WorkPlace.REMOTE, WorkPlace.REMOTE.label),
            (WorkPlace.TRAVELLING, WorkPlace.TRAVELLING.label),
            (WorkPlace.ABSENT, WorkPlace.ABSENT.label),
        ],
    }


@register.filter
def status_text(status: str) -> str:
    return status_label(status)


# The home panel shows at most this many team-mates (a big team links to its page).
MY_TEAM_LIMIT = 24


@register.inclusion_tag("realtime/_my_team_today.html", takes_context=True)
def my_team_today(context):
    """Home page panel: the people of my teams, where they are today and whether they are available."""
    from teams.models import Person
    from teams.services import profile_urls, team_ids_of, with_presence

    me = context.get("me")
    if me is None:
        return {"show": False}
    team_ids = list(team_ids_of(me))  # the news targeting's lookup on this request
    # Only what the panel shows (name, profile link, user id for presence): the listing's agency, unit and
    # location joins and their model instances cost ~2 ms of the home page for nothing.
    people = with_presence(
        Person.objects.active()
        .filter(memberships__team_id__in=team_ids)
        .exclude(pk=me.pk)
        .select_related("user")
        .only("user_id", "user__username", "user__first_name", "user__last_name")
        .order_by("user__last_name", "user__first_name", "pk")
        .distinct()[:MY_TEAM_LIMIT]
    )
    url = profile_urls()
    for person in people:
        person.profile_url = url(person.user.username)
    return {
        "show": True,
        "people": people,
        "team_ids": team_ids,
        "topics": " ".join(f"presence.team.{team_id}" for team_id in team_ids),
    }
