"""The feed's id queries written in SQL: which articles, in which order, and how many.

The rule is the one news.services states with the ORM (``originals()`` and
``targeted_to()``): live articles, the Finnish version or the only version,
for everyone or with an audience that names the reader's agency, home location,
unit or one of their teams (OR). Written out here because building and
compiling that ORM query (four EXISTS subqueries, the language anti-join)
took ~3 ms of Python each time while SQLite answered in under 0.1 ms, and a
home page needs three of them (pinned, the rest, the must-read banner).
tests/news/test_feed_sql.py checks that both give the same articles.

Only ids come from here; the articles themselves are then fetched with the
ORM, once, for just the ids on the page (news.services.PinnedFirst). The SQL
is plain SQL-92 and runs unchanged on SQLite and PostgreSQL; table and column
names are read from the models.
"""

from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Page

from news.models import Acknowledgement, NewsArticlePage


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _through(relation: str) -> tuple[str, str, str]:
    """(table, article column, target column) of one of the article's many-to-many relations."""
    field_ = NewsArticlePage._meta.get_field(relation)
    through = field_.remote_field.through
    quote = connection.ops.quote_name
    return (
        _table(through),
        quote(field_.m2m_column_name()),
        quote(field_.m2m_reverse_name()),
    )


@dataclass
class FeedSQL:
    """One reader's feed as SQL: WHERE clauses and their parameters, built once per request."""

    where: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def _select(
        self, columns: str, extra_where: list[str], extra_params: list, tail: str = ""
    ) -> tuple[str, list]:
        page, article = _table(Page), _table(NewsArticlePage)
        sql = (
            f"SELECT {columns} FROM {page} p INNER JOIN {article} a ON a.{_column(NewsArticlePage, 'page_ptr')} = p.id"
            f" WHERE {' AND '.join(self.where + extra_where)}{tail}"
        )
        return sql, self.params + extra_params

    def ids(self, *, pinned: bool, now, offset: int = 0, limit: int | None = None) -> list[int]:
        """Ids of the pinned articles (pinned=True), or of the rest, newest first."""
        pinned_until = f"a.{_column(NewsArticlePage, 'pinned_until')}"
        condition = f"{pinned_until} > %s" if pinned else f"({pinned_until} IS NULL OR {pinned_until} <= %s)"
        tail = " ORDER BY p.first_published_at DESC, p.id DESC"
        extra = [connection.ops.adapt_datetimefield_value(now)]
        if limit is not None or offset:
            # SQLite needs a LIMIT before OFFSET; a huge one means "to the end" on both databases.
            tail += " LIMIT %s OFFSET %s"
            extra += [limit if limit is not None else 2**62, offset]
        sql, params = self._select("p.id", [condition], extra, tail)
        return _fetch_ids(sql, params)

    def count(self) -> int:
        sql, params = self._select("COUNT(*)", [], [])
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def must_read_pending_ids(self, *, user_id: int, limit: int, article_id: int | None = None) -> list[int]:
        """Must-read articles the user has not acknowledged in their current round, soonest deadline first.

        With ``article_id``, just that article if it is pending for the user.
        """
        acknowledged = (
            f"EXISTS (SELECT 1 FROM {_table(Acknowledgement)} k WHERE k.{_column(Acknowledgement, 'user')} = %s"
            f" AND k.{_column(Acknowledgement, 'article')} = p.id"
            f" AND k.{_column(Acknowledgement, 'round')} = a.{_column(NewsArticlePage, 'ack_round')})"
        )
        where, extra = [f"a.{_column(NewsArticlePage, 'must_read')}", f"NOT {acknowledged}"], [user_id]
        if article_id is not None:
            where.append("p.id = %s")
            extra.append(article_id)
        sql, params = self._select(
            "p.id",
            where,
            extra,
            f" ORDER BY a.{_column(NewsArticlePage, 'must_read_deadline')} ASC, p.first_published_at DESC"
            " LIMIT %s",
        )
        return _fetch_ids(sql, params + [limit])


def _fetch_ids(sql: str, params: list) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def feed_sql(
    *,
    finnish_locale_id: int,
    agency_id=None,
    location_id=None,
    unit_id=None,
    team_ids=(),
    category_id=None,
    publisher_id=None,
) -> FeedSQL:
    """The WHERE clauses of a reader's feed (see the module docstring for the rule)."""
    page, article = _table(Page), _table(NewsArticlePage)
    ptr = _column(NewsArticlePage, "page_ptr")
    feed = FeedSQL()
    # Boolean columns bare, as Django writes them: SQLite then uses the partial index on must_read.
    feed.where.append("p.live")
    # The Finnish version, or a version whose article has no live Finnish version.
    feed.where.append(
        f"(p.locale_id = %s OR NOT EXISTS (SELECT 1 FROM {page} f INNER JOIN {article} fa ON fa.{ptr} = f.id"
        " WHERE f.translation_key = p.translation_key AND f.locale_id = %s AND f.live))"
    )
    feed.params += [finnish_locale_id, finnish_locale_id]
    audience = [f"a.{_column(NewsArticlePage, 'for_everyone')}"]
    audience_params: list = []
    dimensions = [
        ("audience_agencies", [agency_id] if agency_id else []),
        ("audience_locations", [location_id] if location_id else []),
        ("audience_units", [unit_id] if unit_id else []),
        ("audience_teams", list(team_ids)),
    ]
    for relation, ids in dimensions:
        if ids:
            table, article_column, target_column = _through(relation)
            placeholders = ", ".join(["%s"] * len(ids))
            audience.append(
                f"EXISTS (SELECT 1 FROM {table} t WHERE t.{article_column} = p.id"
                f" AND t.{target_column} IN ({placeholders}))"
            )
            audience_params += ids
    feed.where.append(f"({' OR '.join(audience)})")
    feed.params += audience_params
    if category_id is not None:
        table, article_column, target_column = _through("categories")
        feed.where.append(
            f"EXISTS (SELECT 1 FROM {table} c WHERE c.{article_column} = p.id AND c.{target_column} = %s)"
        )
        feed.params.append(category_id)
    if publisher_id is not None:
        feed.where.append(f"a.{_column(NewsArticlePage, 'publisher')} = %s")
        feed.params.append(publisher_id)
    return feed
