"""Must-read articles: who still has to acknowledge, acknowledging, the editors' follow-up and reminders.

A must-read article asks everyone in its audience (the same OR-targeting as
the feed) to confirm they have read it. An acknowledgement counts for the
article's current ``ack_round``; publishing a material change starts a new
round (news.forms), and everyone is asked again with the editor's note on
what changed. Views and jobs call these functions with keyword arguments.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from news import services
from news.models import Acknowledgement, NewsArticlePage
from teams.models import Person, TeamMembership

# The banner lists at most this many articles; more is a sign of a backlog the
# reader will find on the news page anyway, and keeps every page light.
BANNER_LIMIT = 3
# Reminder steps before the deadline: a first nudge three days ahead, a last one
# the day before. Each step notifies (in-app and e-mail) once per person and round.
REMINDER_STEPS = [datetime.timedelta(days=3), datetime.timedelta(days=1)]
# Characters that make a spreadsheet treat a cell as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _acknowledged(*, user_id) -> Exists:
    return Exists(
        Acknowledgement.objects.filter(user_id=user_id, article=OuterRef("pk"), round=OuterRef("ack_round"))
    )


def pending_for(*, user, limit: int = BANNER_LIMIT) -> list:
    """The must-read articles targeted to the user that they have not acknowledged in this round.

    On every page (the banner), so the ids come from one SQL query
    (news.feed_sql, the feed's own targeting rule) and the articles are
    fetched only when there are some.
    """
    if not user.is_authenticated:
        return []
    reader = services.reader_for(user=user)
    ids = services.reader_feed_sql(reader).must_read_pending_ids(user_id=user.pk, limit=limit)
    if not ids:
        return []
    by_id = NewsArticlePage.objects.defer("body").in_bulk(ids)
    return services.in_reader_language([by_id[pk] for pk in ids if pk in by_id])


def is_pending(*, user, article: NewsArticlePage) -> bool:
    """Is the article a must-read in the user's feed that they have not acknowledged in this round? (One query.)"""
    if not (user.is_authenticated and article.must_read and article.live):
        return False
    reader = services.reader_for(user=user)
    return bool(
        services.reader_feed_sql(reader).must_read_pending_ids(
            user_id=user.pk, limit=1, article_id=article.pk
        )
    )


def acknowledge(*, user, article: NewsArticlePage) -> Acknowledgement:
    """Record that the user has read the article as it now stands (idempotent within a round)."""
    article = services.original_of(article)
    acknowledgement, _created = Acknowledgement.objects.get_or_create(
        user=user,
        article=article,
        round=article.ack_round,
        defaults={"revision_id": article.live_revision_id},
    )
    return acknowledgement


def article_context(request, article: NewsArticlePage) -> dict:
    if not article.must_read:
        return {}
    return {"must_read_pending": is_pending(user=request.user, article=article)}


# --- Follow-up for editors --------------------------------------------------------


def audience_people(*, article: NewsArticlePage):
    """Active people the article is targeted to (the same rule as the feed)."""
    people = Person.objects.filter(user__is_active=True)
    if not article.for_everyone:
        people = people.filter(
            Q(agency__in=article.audience_agencies.all())
            | Q(home_location__in=article.audience_locations.all())
            | Q(unit__in=article.audience_units.all())
            | Exists(
                TeamMembership.objects.filter(person=OuterRef("pk"), team__in=article.audience_teams.all())
            )
        )
    return people.annotate(
        acknowledged=Exists(
            Acknowledgement.objects.filter(
                user_id=OuterRef("user_id"), article=article, round=article.ack_round
            )
        )
    )


@dataclass
class Group:
    name: str
    acknowledged: int
    pending: int

    @property
    def total(self) -> int:
        return self.acknowledged + self.pending

    @property
    def percent(self) -> int:
        return round(100 * self.acknowledged / self.total) if self.total else 0


def _grouped(people, field: str, prefix: str, languages=("fi", "sv", "en")) -> list[Group]:
    """Counts per organisation, named in the reader's language (Finnish where a name is missing), by name."""
    language = (get_language() or "fi")[:2]
    names = [f"{prefix}name_{code}" for code in languages]
    rows = people.values(field, *names).annotate(
        done=Count("pk", filter=Q(acknowledged=True)), total=Count("pk")
    )
    groups = [
        Group(
            name=row.get(f"{prefix}name_{language}") or row[names[0]] or _("(none)"),
            acknowledged=row["done"],
            pending=row["total"] - row["done"],
        )
        for row in rows
    ]
    return sorted(groups, key=lambda group: group.name.casefold())


# Chart geometry (px in the SVG's own coordinates; it scales to the page width).
CHART_WIDTH, CHART_LABEL, CHART_ROW = 640, 200, 26


def bar_chart(groups: list[Group]) -> dict:
    """Stacked bars (acknowledged, then pending) for a server-rendered SVG: no script, no CDN."""
    bar = CHART_WIDTH - CHART_LABEL - 60
    rows = []
    for index, group in enumerate(groups):
        done = round(bar * group.acknowledged / group.total) if group.total else 0
        rows.append(
            {
                "group": group,
                "y": index * CHART_ROW,
                "done": done,
                "pending": (bar - done) if group.total else 0,
                "pending_x": CHART_LABEL + done,
            }
        )
    return {
        "rows": rows,
        "width": CHART_WIDTH,
        "height": max(len(rows), 1) * CHART_ROW,
        "label": CHART_LABEL,
        "value_x": CHART_WIDTH - 50,
    }


def follow_up(*, article: NewsArticlePage) -> dict:
    """Acknowledged and pending in the current round: totals, by agency, by location, and who is pending."""
    people = audience_people(article=article)
    by_agency = _grouped(people, "agency_id", "agency__")
    by_location = _grouped(people, "home_location_id", "home_location__", languages=("fi", "sv"))
    done = sum(group.acknowledged for group in by_agency)
    pending = sum(group.pending for group in by_agency)
    return {
        "total": Group(name=_("Everyone"), acknowledged=done, pending=pending),
        "by_agency": by_agency,
        "by_location": by_location,
        "agency_chart": bar_chart(by_agency),
        "location_chart": bar_chart(by_location),
        "pending_people": people.filter(acknowledged=False)
        .select_related("user", "agency", "home_location", "unit")
        .order_by("user__last_name", "user__first_name"),
    }


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading =, +, -, @ or tab gets a quote before it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def pending_csv(*, article: NewsArticlePage) -> str:
    """The pending people as CSV (UTF-8 with BOM for Excel, semicolons as Finnish Excel expects)."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow([_("Name"), _("E-mail"), _("Agency"), _("Unit"), _("Location"), _("Job title")])
    for person in follow_up(article=article)["pending_people"]:
        writer.writerow(
            [
                safe_cell(value)
                for value in [
                    person.full_name,
                    person.user.email,
                    person.agency.name if person.agency else "",
                    person.unit.name if person.unit else "",
                    person.home_location.name if person.home_location else "",
                    person.title,
                ]
            ]
        )
    return output.getvalue()


# --- Reminders (a periodic job: news.tasks.send_must_read_reminders) --------------


def due_step(*, article: NewsArticlePage, now) -> int | None:
    """The reminder step (index into REMINDER_STEPS) the article is in now, or None."""
    if not article.must_read_deadline or now >= article.must_read_deadline:
        return None
    due = None
    for index, before in enumerate(REMINDER_STEPS):
        if now >= article.must_read_deadline - before:
            due = index
    return due


def send_reminders(*, now=None) -> int:
    """Remind the people still pending on every must-read near its deadline, once per step and round.

    In-app notification and e-mail; the notification key makes a retried job
    send nothing twice, and someone who has acknowledged is never reminded.
    Returns the number of people reminded.
    """
    from realtime import actions
    from realtime.models import Notification

    now = now or timezone.now()
    reminded = 0
    articles = (
        services.originals()
        .filter(must_read=True, must_read_deadline__gt=now, must_read_deadline__lte=now + max(REMINDER_STEPS))
        .select_related("publisher")
    )
    for article in articles:
        step = due_step(article=article, now=now)
        if step is None:
            continue
        pending = list(audience_people(article=article).filter(acknowledged=False).select_related("user"))
        key = f"mustread:{article.translation_key}:{article.ack_round}:{step}"
        title_sv = services.swedish_title(article=article)
        for person in pending:
            # The notification (unique per key and person) and the e-mail (core.mail.send_once, claimed
            # before it goes) are each written once: a retried job, or one run again after a database
            # restart, sends neither twice, and sends the e-mail a failed run did not.
            created = actions.notify(
                user_ids=[person.user_id],
                key=key,
                kind=Notification.Kind.REMINDER,
                title=_("Please read and acknowledge: %(title)s") % {"title": article.title},
                title_sv=_swedish_reminder_title(title_sv),
                url=article.url or "",
            )
            if person.user.email:
                _email_reminder(person=person, article=article, key=f"{key}:{person.user_id}")
            reminded += created
    return reminded


def _swedish_reminder_title(title_sv: str) -> str:
    if not title_sv:
        return ""
    with override("sv"):
        return _("Please read and acknowledge: %(title)s") % {"title": title_sv}


def _email_reminder(*, person, article, key: str) -> None:
    from core.mail import send_once
    from teams.services import mail_language

    with override(mail_language(person.user)):
        send_once(
            key=key,
            subject=_("Must read by %(date)s: %(title)s")
            % {
                "date": date_format(timezone.localtime(article.must_read_deadline), "SHORT_DATETIME_FORMAT"),
                "title": article.title,
            },
            message=_("Please read the article and confirm it with the button on the page:\n%(url)s")
            % {
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (article.url or "/uutiset/"),
            },
            from_email=None,
            recipient_list=[person.user.email],
        )
