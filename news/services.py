"""News for readers: the personalised feed, audiences and language versions.

Views and jobs call these with keyword arguments only. The feed query is
described in docs/news.md; its query count does not depend on the number of
articles (tests/news/test_queries.py).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from core.locales import forget_locales, locale_id  # noqa: F401  (news.apps connects forget_locales)
from news import feed_sql
from news.models import ArticleOpened, NewsArticlePage, NewsCategory, RegionalSupplement
from realtime import groups as realtime_groups
from teams import services as teams_services
from teams.models import Agency, Person, TeamMembership

# Twenty cards fill five rows of four on a wide screen and stay light on a
# phone over a VPN; more would mean more images per page.
FEED_PAGE_SIZE = 20
# The home page shows the top of the same feed.
HOME_FEED_SIZE = 6
# The card image in two widths (srcset), WebP; made once by Wagtail/Pillow and
# prefetched for the cards being rendered (news.fragments) so a page of cards costs one query for all images.
CARD_RENDITIONS = ["fill-400x225|format-webp", "fill-800x450|format-webp"]
HERO_RENDITIONS = ["width-640|format-webp", "width-1024|format-webp", "width-1600|format-webp"]
# The article fields a feed item has (news/_article_card.html, news.fragments.card_key, the Atom feed);
# anything else is loaded on first use, one query per article.
CARD_FIELDS = [
    "id",
    "content_type_id",
    "title",
    "url_path",
    "locale_id",
    "translation_key",
    "live",
    "first_published_at",
    "last_published_at",
    "lead",
    "hero_image_id",
    "hero_alt",
    "publisher",
    "pinned_until",
    "for_everyone",
]


@dataclass(frozen=True)
class Reader:
    """What targeting needs to know about a person (one query to build)."""

    user_id: int | None
    agency_id: int | None = None
    location_id: int | None = None
    unit_id: int | None = None
    team_ids: tuple[int, ...] = field(default_factory=tuple)


def reader_for(*, user) -> Reader:
    if not user.is_authenticated:
        return Reader(user_id=None)
    cached = getattr(user, "_news_reader", None)
    if cached is not None:
        return cached
    # The person the site shell looked up for this request (teams.services.person_of): this runs on every
    # page (the must-read banner).
    person = teams_services.person_of(user=user)
    if person is None:
        reader = Reader(user_id=user.pk)
    else:
        reader = Reader(
            user_id=user.pk,
            agency_id=person.agency_id,
            location_id=person.home_location_id,
            unit_id=person.unit_id,
            team_ids=teams_services.team_ids_of(person),
        )
    user._news_reader = reader
    return reader


def _through(name: str):
    return getattr(NewsArticlePage, name).through


def targeted_to(reader: Reader) -> Q:
    """Articles for everyone, or whose audience names the reader's agency, location, unit or one of their teams."""
    condition = Q(for_everyone=True)
    dimensions = [
        ("audience_agencies", "agency_id", [reader.agency_id] if reader.agency_id else []),
        ("audience_locations", "location_id", [reader.location_id] if reader.location_id else []),
        ("audience_units", "unit_id", [reader.unit_id] if reader.unit_id else []),
        ("audience_teams", "team_id", list(reader.team_ids)),
    ]
    for relation, column, ids in dimensions:
        if ids:
            through = _through(relation)
            condition |= Exists(
                through.objects.filter(newsarticlepage_id=OuterRef("pk"), **{f"{column}__in": ids})
            )
    return condition


def default_locale_id() -> int:
    """The default (Finnish) locale, as Locale.get_default() finds it, without its query."""
    return locale_id(get_supported_content_language_variant(settings.LANGUAGE_CODE))


def originals() -> QuerySet[NewsArticlePage]:
    """One row per article: the Finnish version, or the Swedish one when there is no live Finnish version."""
    finnish = default_locale_id()
    has_live_finnish = NewsArticlePage.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=finnish, live=True
    )
    return NewsArticlePage.objects.live().filter(Q(locale_id=finnish) | ~Exists(has_live_finnish))


def reader_feed_sql(reader: Reader, *, category: NewsCategory | None = None, publisher: Agency | None = None):
    """The reader's feed as SQL (news.feed_sql): the same rule as originals().filter(targeted_to(reader))."""
    return feed_sql.feed_sql(
        finnish_locale_id=default_locale_id(),
        agency_id=reader.agency_id,
        location_id=reader.location_id,
        unit_id=reader.unit_id,
        team_ids=reader.team_ids,
        category_id=category.pk if category is not None else None,
        publisher_id=publisher.pk if publisher is not None else None,
    )


def articles_by_ids(ids: list[int], *, user_id: int | None, pinned: frozenset = frozenset()) -> list:
    """The articles with these ids, in this order, with their publisher: one query.

    Each carries ``opened`` (the reader has opened it) and ``pinned`` (1 or 0).
    Categories and images are fetched only for cards not in the cache
    (news.fragments.prefetch_for_cards).
    """
    if not ids:
        return []
    articles = (
        NewsArticlePage.objects.filter(pk__in=ids)
        .annotate(
            opened=Exists(
                ArticleOpened.objects.filter(user_id=user_id, translation_key=OuterRef("translation_key"))
            ),
        )
        .select_related("publisher")
        # What cards, their cache keys and the Atom feed read: fetching and building whole pages (some 40
        # columns) cost more than the query itself.
        .only(*CARD_FIELDS)
    )
    by_id = {article.pk: article for article in articles}
    found = []
    for pk in ids:
        article = by_id.get(pk)
        if article is not None:
            article.pinned = 1 if pk in pinned else 0
            found.append(article)
    return found


class PinnedFirst:
    """The feed as one sequence for Paginator and slicing: the pinned articles, then the rest.

    Ids come from two index-friendly SQL queries (news.feed_sql): the pinned
    ones from the pinned_until index, the rest walking the first_published_at
    index and stopping after a page (one ORDER BY on a computed "pinned"
    column would sort every article to show six). The articles of a slice are
    then fetched once, for just those ids (news.fragments renders their cards).
    """

    def __init__(self, *, sql, user_id: int | None, now):
        self.sql, self.user_id, self.now = sql, user_id, now
        self._pinned = None
        self._count = None

    def _pinned_ids(self) -> list[int]:
        if self._pinned is None:
            self._pinned = self.sql.ids(pinned=True, now=self.now)
        return self._pinned

    def count(self) -> int:
        if self._count is None:
            self._count = self.sql.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        yield from self[0:None]

    def __getitem__(self, key):
        if isinstance(key, int):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop = key.start or 0, key.stop
        pinned = self._pinned_ids()
        ids = pinned[start:stop]
        rest_start = max(start - len(pinned), 0)
        rest_stop = None if stop is None else max(stop - len(pinned), 0)
        if rest_stop is None or rest_stop > rest_start:
            limit = None if rest_stop is None else rest_stop - rest_start
            ids = ids + self.sql.ids(pinned=False, now=self.now, offset=rest_start, limit=limit)
        return articles_by_ids(ids, user_id=self.user_id, pinned=frozenset(pinned))


def feed(*, user, category: NewsCategory | None = None, publisher: Agency | None = None) -> PinnedFirst:
    """The reader's personalised feed: pinned first (until their date), then newest first."""
    reader = reader_for(user=user)
    return PinnedFirst(
        sql=reader_feed_sql(reader, category=category, publisher=publisher),
        user_id=reader.user_id,
        now=timezone.now(),
    )


@dataclass
class FeedItem:
    """An article in the feed: metadata from the original, text in the reader's language."""

    article: NewsArticlePage
    text: NewsArticlePage

    @property
    def is_new(self) -> bool:
        return not getattr(self.article, "opened", True)

    @property
    def is_pinned(self) -> bool:
        return bool(getattr(self.article, "pinned", 0))


def in_reader_language(articles, *, language: str | None = None) -> list[FeedItem]:
    """Pair each article with its version in the reader's language (one query for the whole page)."""
    articles = list(articles)
    language = (language or get_language() or "fi")[:2]
    wanted = locale_id(language)
    versions = {}
    if wanted is not None and any(article.locale_id != wanted for article in articles):
        keys = [article.translation_key for article in articles if article.locale_id != wanted]
        versions = {
            version.translation_key: version
            for version in NewsArticlePage.objects.live()
            .filter(locale_id=wanted, translation_key__in=keys)
            .only(
                "id",
                "title",
                "lead",
                "translation_key",
                "locale_id",
                "url_path",
                "hero_alt",
                "last_published_at",
            )
        }
    return [
        FeedItem(article=article, text=versions.get(article.translation_key, article)) for article in articles
    ]


def original_of(page: NewsArticlePage) -> NewsArticlePage:
    """The version targeting, categories and statistics are read from (see originals())."""
    if page.locale_id == default_locale_id():
        return page
    finnish = (
        NewsArticlePage.objects.live()
        .filter(translation_key=page.translation_key, locale_id=default_locale_id())
        .select_related("publisher")
        .first()
    )
    return finnish or page


def supplements_for(*, article: NewsArticlePage, user) -> list[RegionalSupplement]:
    """The regional supplement of the reader's own agency, if it has one (never anyone else's)."""
    reader = reader_for(user=user)
    if reader.agency_id is None:
        return []
    supplements = RegionalSupplement.objects.filter(
        article__translation_key=article.translation_key, agency_id=reader.agency_id
    )
    # Most readers have none: a light check first spares building the joined query (~1 ms).
    if not supplements.exists():
        return []
    return list(supplements.select_related("agency", "contact__user"))


def record_opened(*, user, article: NewsArticlePage) -> None:
    """Remember that the reader has opened the article (both language versions count as one)."""
    if user.is_authenticated:
        ArticleOpened.objects.get_or_create(user=user, translation_key=article.translation_key)


def audience_summary(*, article: NewsArticlePage) -> dict:
    """The audience as names, for editors on the article page."""
    return {
        "everyone": article.for_everyone,
        "agencies": list(article.audience_agencies.all()),
        "locations": list(article.audience_locations.all()),
        "units": list(article.audience_units.all()),
        "teams": list(article.audience_teams.all()),
    }


def audience_user_ids(*, article: NewsArticlePage) -> list[int]:
    """Every active person the article is targeted to (OR of its audience; everyone when empty)."""
    people = Person.objects.filter(user__is_active=True)
    if not article.for_everyone:
        condition = (
            Q(agency__in=article.audience_agencies.all())
            | Q(home_location__in=article.audience_locations.all())
            | Q(unit__in=article.audience_units.all())
            | Q(
                Exists(
                    TeamMembership.objects.filter(
                        person=OuterRef("pk"), team__in=article.audience_teams.all()
                    )
                )
            )
        )
        people = people.filter(condition)
    return list(people.values_list("user_id", flat=True).distinct())


def audience_groups(*, article: NewsArticlePage) -> list[str]:
    """The channel-layer groups that reach the audience's online people (realtime.groups)."""
    if article.for_everyone:
        return [realtime_groups.EVERYONE]
    return (
        [realtime_groups.agency_group(pk) for pk in article.audience_agencies.values_list("pk", flat=True)]
        + [
            realtime_groups.location_group(pk)
            for pk in article.audience_locations.values_list("pk", flat=True)
        ]
        + [realtime_groups.unit_group(pk) for pk in article.audience_units.values_list("pk", flat=True)]
        + [realtime_groups.team_group(pk) for pk in article.audience_teams.values_list("pk", flat=True)]
    )


def swedish_title(*, article: NewsArticlePage) -> str:
    version = (
        NewsArticlePage.objects.live()
        .filter(translation_key=article.translation_key, locale__language_code="sv")
        .values_list("title", flat=True)
        .first()
    )
    return version or ""


def users_by_feed_token(*, token: str):
    """The active user whose Atom feed token this is, or None (revoked, renewed or made up)."""
    from news.models import FeedToken

    if not token or len(token) > 64:
        return None
    found = FeedToken.objects.filter(token=token, user__is_active=True).select_related("user").first()
    return found.user if found else None


def renew_feed_token(*, user):
    from news.models import FeedToken, new_feed_token

    token, _created = FeedToken.objects.update_or_create(user=user, defaults={"token": new_feed_token()})
    return token


def revoke_feed_token(*, user) -> None:
    from news.models import FeedToken

    FeedToken.objects.filter(user=user).delete()
