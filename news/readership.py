"""Readership: views and unique readers per article, and the editors' report.

A *view* is one :class:`news.models.ArticleView` row: at most one per person per
article per :data:`VIEW_WINDOW`, so reloading a page or going back and forth
between the feed and an article counts once. A *reader* is a distinct person.
Views are counted against the original article (news.services.original_of), so
the Finnish and Swedish versions share one set of figures; the reader's agency
is copied into the row when it is recorded, so the per-agency report needs no
join to people and is not rewritten when someone later moves to another agency.

Recording costs the page nothing in the common case: a repeat view within the
window is answered by the cache (``cache.add`` is atomic in the local-memory
cache and in Redis, so two workers cannot both count the same view). Only the
first view in a window touches the database.

The report aggregates in SQL (``COUNT``, ``COUNT(DISTINCT)``, ``TruncDate`` in
Finnish time): a fixed number of queries however many views there are
(tests/news/test_readership.py). Who sees what: national editors (the
communication unit, its approvers, administrators) every article; a regional
editor only the articles their own agency published (news.permissions).
"""

import datetime
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from news import services
from news.models import ArticleView, NewsArticlePage
from news.permissions import can_edit_for_agency, editor_agency_ids, is_national_editor

# One view per person per article per five minutes. Shorter would count a
# reload, or a quick look at the feed and back, as a new view; longer would
# merge genuinely separate readings (morning and after lunch still count as
# two). Five minutes is also how long the cache remembers each (person,
# article) pair: a few hundred small keys at any time for the whole staff.
VIEW_WINDOW = datetime.timedelta(minutes=5)

# Report periods in days (the "last N days" filter); the default is a month.
PERIODS = (7, 30, 365)
DEFAULT_PERIOD = 30
# The report lists this many articles; the rest are a long tail of a few readers each.
TOP_ARTICLES = 20
# The per-agency bar chart shows the agencies with the most readers; the table lists all.
CHART_AGENCIES = 12


# --- Recording ----------------------------------------------------------------------


def view_cache_key(*, user_id: int, article: NewsArticlePage) -> str:
    """The cache key that marks "this person viewed this article within the window".

    Keyed by the translation key, which both language versions share and which
    is never reused, unlike a page id.
    """
    return f"news:viewed:{article.translation_key}:{user_id}"


def record_view(*, user, article: NewsArticlePage, now: datetime.datetime | None = None) -> bool:
    """Count a view of the (original) article; True when a row was written.

    Anonymous users are not counted (the caller skips previews). A repeat view
    within :data:`VIEW_WINDOW` costs one cache operation and no query. The first
    one in a window checks the database too, so a restarted process or an
    evicted cache key never counts the same reading twice, then inserts one row.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if not cache.add(
        view_cache_key(user_id=user.pk, article=article), 1, timeout=int(VIEW_WINDOW.total_seconds())
    ):
        return False
    now = now or timezone.now()
    if ArticleView.objects.filter(article=article, user_id=user.pk, viewed_at__gt=now - VIEW_WINDOW).exists():
        return False
    # reader_for is cached on the user object, and the article page needs it anyway (supplements).
    agency_id = services.reader_for(user=user).agency_id
    ArticleView.objects.create(user_id=user.pk, article=article, agency_id=agency_id, viewed_at=now)
    return True


# --- Who may see the figures ------------------------------------------------------


def can_view_report(user) -> bool:
    """National editors and administrators see every article; a regional editor their agency's."""
    return is_national_editor(user) or bool(editor_agency_ids(user))


def can_view_article(user, article: NewsArticlePage) -> bool:
    return can_edit_for_agency(user, article.publisher_id)


def visible_views(user):
    """The views of the articles the user may see figures for."""
    views = ArticleView.objects.all()
    if is_national_editor(user):
        return views
    return views.filter(article__publisher_id__in=editor_agency_ids(user))


def article_context(request, article: NewsArticlePage) -> dict:
    """Views and readers since publication for the article page's editor box (one query)."""
    if not can_view_article(request.user, article):
        return {}
    totals = ArticleView.objects.filter(article=article).aggregate(
        views=Count("pk"), readers=Count("user_id", distinct=True)
    )
    return {"readership": {**totals, "report_url": reverse("news_readership_article", args=[article.pk])}}


# --- The report ------------------------------------------------------------------


def parse_period(value) -> int:
    """The ``?days=`` filter: one of PERIODS, anything else means the default."""
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def period_start(*, days: int, now: datetime.datetime) -> datetime.datetime:
    """Midnight (Finnish time) ``days - 1`` days ago: the period is today and the days before it."""
    today = timezone.localdate(now)
    first = today - datetime.timedelta(days=days - 1)
    return timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))


@dataclass
class Day:
    date: datetime.date
    readers: int
    views: int


@dataclass
class AgencyRow:
    agency_id: int | None
    name: str
    short_name: str  # for the chart's labels
    readers: int
    views: int
    people: int  # active people in the agency now

    @property
    def reach(self) -> int | None:
        """Readers as a percentage of the agency's people (None when it has nobody)."""
        return min(100, round(100 * self.readers / self.people)) if self.people else None


def _name(row: dict, prefix: str) -> str:
    language = (get_language() or "fi")[:2]
    return row.get(f"{prefix}name_{language}") or row.get(f"{prefix}name_fi") or ""


def _counts():
    return {"views": Count("pk"), "readers": Count("user_id", distinct=True)}


def per_day(views, *, start: datetime.datetime, days: int) -> list[Day]:
    """Readers and views on each day of the period, days without views included (one query)."""
    rows = (
        views.annotate(day=TruncDate("viewed_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(**_counts())
        .order_by("day")
    )
    found = {row["day"]: row for row in rows}
    first = timezone.localdate(start)
    result = []
    for offset in range(days):
        date = first + datetime.timedelta(days=offset)
        row = found.get(date, {})
        result.append(Day(date=date, readers=row.get("readers", 0), views=row.get("views", 0)))
    return result


def by_agency(views) -> list[AgencyRow]:
    """Readers and views by the reader's agency, most readers first (two queries)."""
    from teams.models import Person

    rows = (
        views.values(
            "agency_id", "agency__name_fi", "agency__name_sv", "agency__name_en", "agency__short_name"
        )
        .annotate(**_counts())
        .order_by("-readers", "-views", "agency__name_fi")
    )
    rows = list(rows)
    agency_ids = [row["agency_id"] for row in rows if row["agency_id"]]
    people = (
        dict(
            Person.objects.filter(user__is_active=True, agency_id__in=agency_ids)
            .values("agency_id")
            .annotate(count=Count("pk"))
            .values_list("agency_id", "count")
        )
        if rows
        else {}
    )
    return [
        AgencyRow(
            agency_id=row["agency_id"],
            name=_name(row, "agency__") or _("(no agency)"),
            short_name=row["agency__short_name"] or _name(row, "agency__") or _("(no agency)"),
            readers=row["readers"],
            views=row["views"],
            people=people.get(row["agency_id"], 0),
        )
        for row in rows
    ]


def top_articles(views, *, limit: int = TOP_ARTICLES) -> list[dict]:
    """The articles with the most readers in the period (one query)."""
    rows = (
        views.values(
            "article_id",
            "article__title",
            "article__first_published_at",
            "article__publisher__name_fi",
            "article__publisher__name_sv",
            "article__publisher__name_en",
            "article__publisher__short_name",
        )
        .annotate(**_counts())
        .order_by("-readers", "-views", "-article_id")[:limit]
    )
    return [
        {
            "id": row["article_id"],
            "title": row["article__title"],
            "published_at": row["article__first_published_at"],
            "publisher": row["article__publisher__short_name"] or _name(row, "article__publisher__"),
            "readers": row["readers"],
            "views": row["views"],
            "url": reverse("news_readership_article", args=[row["article_id"]]),
        }
        for row in rows
    ]


def report(
    *,
    user,
    days: int = DEFAULT_PERIOD,
    article: NewsArticlePage | None = None,
    now: datetime.datetime | None = None,
) -> dict:
    """Everything the report shows for the user's articles (or one article) over the last ``days`` days.

    Five queries for the overview, five for one article, whatever the amount of data.
    """
    now = now or timezone.now()
    start = period_start(days=days, now=now)
    views = visible_views(user)
    if article is not None:
        views = views.filter(article=article)
    all_time = views.aggregate(**_counts()) if article is not None else None
    views = views.filter(viewed_at__gte=start)
    totals = views.aggregate(**_counts(), articles=Count("article_id", distinct=True))
    days_list = per_day(views, start=start, days=days)
    agencies = by_agency(views)
    return {
        "days": days,
        "window_minutes": int(VIEW_WINDOW.total_seconds() // 60),
        "start": timezone.localdate(start),
        "end": timezone.localdate(now),
        "totals": totals,
        "all_time": all_time,
        "per_day": days_list,
        "day_chart": day_chart(days_list),
        "by_agency": agencies,
        "agency_chart": agency_chart(agencies[:CHART_AGENCIES]),
        "top_articles": top_articles(views) if article is None else [],
    }


# --- Chart geometry (server-rendered SVG, like news.mustread.bar_chart) --------------------

# Readers per day: vertical bars. Coordinates are the SVG's own; it scales to the width.
DAY_WIDTH, DAY_HEIGHT = 640, 220
DAY_LEFT, DAY_RIGHT, DAY_TOP, DAY_BOTTOM = 44, 24, 12, 28
DAY_TICKS = 6  # date labels under the bars
# Readers by agency: horizontal bars.
BAR_WIDTH, BAR_LABEL, BAR_ROW = 640, 210, 26


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ not below value (an axis maximum people can read)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def day_chart(days: list[Day]) -> dict:
    """Bars of readers per day, with a y axis (0, half, top) and about DAY_TICKS date labels."""
    count = max(len(days), 1)
    plot_width = DAY_WIDTH - DAY_LEFT - DAY_RIGHT
    plot_height = DAY_HEIGHT - DAY_TOP - DAY_BOTTOM
    top = nice_ceiling(max((day.readers for day in days), default=0))
    slot = plot_width / count
    width = max(round(slot * 0.75, 2), 0.6)
    baseline = DAY_TOP + plot_height
    step = max(1, math.ceil(count / DAY_TICKS))
    bars = []
    for index, day in enumerate(days):
        height = round(plot_height * day.readers / top, 2)
        center = DAY_LEFT + slot * (index + 0.5)
        bars.append(
            {
                "day": day,
                "x": round(center - width / 2, 2),
                "y": round(baseline - height, 2),
                "height": height,
                "center": round(center, 2),
                "tick": index % step == 0,
            }
        )
    grid = [
        {"value": value, "y": round(baseline - plot_height * value / top, 2)}
        for value in sorted({0, top // 2, top})
    ]
    busiest = max(days, key=lambda day: (day.readers, day.date), default=None)
    return {
        "bars": bars,
        "width": DAY_WIDTH,
        "height": DAY_HEIGHT,
        "bar_width": width,
        "left": DAY_LEFT,
        "right": DAY_WIDTH - DAY_RIGHT,
        "baseline": baseline,
        "label_y": baseline + 18,
        "grid": grid,
        "busiest": busiest if busiest and busiest.readers else None,
    }


def agency_chart(rows: list[AgencyRow]) -> dict:
    """Horizontal bars of readers by agency, scaled to the largest."""
    largest = max((row.readers for row in rows), default=0) or 1
    bar = BAR_WIDTH - BAR_LABEL - 60
    bars = [
        {"row": row, "y": index * BAR_ROW, "width": max(round(bar * row.readers / largest, 1), 1)}
        for index, row in enumerate(rows)
    ]
    return {
        "bars": bars,
        "width": BAR_WIDTH,
        "height": max(len(bars), 1) * BAR_ROW,
        "label": BAR_LABEL,
        "value_x": BAR_WIDTH - 50,
    }
