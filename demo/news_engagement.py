"""Demo engagement with the demo news: must-reads, acknowledgements, views, comments and reactions.

Run by ``manage.py demo_data`` after the demo news (demo.news). It adds:

* five **must-read** national articles with deadlines around today: two
  already past, one due in two days (so the reminder job has something to
  send), two later; about half of each one's audience has acknowledged it
  (fewer for the later ones). The demo staff login ``henkilo`` has
  acknowledged them all, so their banner shows only what an editor publishes
  during the demo;
* **views** (news.readership: one row per person per article per visit) over
  the last 60 days: many readers on the days after an article came out,
  a trickle on older ones;
* **comments** on about 30 articles that allow them, in Finnish and some in
  Swedish (Swedish speakers write in Swedish more often), with replies, some
  emoji, and three hidden by the communication unit with a reason;
* **reactions** on articles and on comments.

The rows are written with ``bulk_create`` from the engagement models directly.
``must_read``, ``must_read_deadline`` and ``allow_comments`` are set on the
article row *and* in its live revision, so the admin's edit form shows them
too; nothing is republished, so no one is notified and the dates stay.

Idempotent: once any article is a must-read or any comment exists, a run does
nothing (the whole step is one transaction, so it is there entirely or not at
all). Deterministic but for the dates, which follow the day of loading: a fixed
seed, and the demo people and articles in a fixed order.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

SEED = 2026
# Days from now to each must-read's deadline (16:00 Finnish time), newest article first.
MUST_READ_DEADLINES = [9, 5, 2, -2, -6]
# Share of the audience that has acknowledged, in the same order: "about half".
ACKNOWLEDGED_SHARE = [0.35, 0.45, 0.5, 0.6, 0.7]
# Must-reads are picked from national articles published this many days ago,
# those in these categories (decisions, systems, payments, employment) first:
# an introduction of a team or an office is nothing one must acknowledge.
MUST_READ_AGE = (4, 45)
MUST_READ_CATEGORIES = {"paatetty", "valmistelussa", "tietohallinto", "maksatus", "tyollisyys"}
COMMENTED_ARTICLES = 30
# Views are spread over this many days before now.
VIEW_DAYS = 60
HIDDEN_COMMENTS = 3
STAFF_LOGIN = "henkilo"  # demo.teams_data.DEMO_LOGINS
EDITOR_LOGIN = "viestinta"
BATCH = 500

Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


# --- Texts ---------------------------------------------------------------------------

COMMENTS_FI = [
    "Kiitos selkeästä tiedotteesta! 👍",
    "Hyvä uudistus. Koskeeko tämä myös määräaikaisia?",
    "Missä vaiheessa tästä tulee lisätietoa toimipisteisiin?",
    "Onpa hienoa, että tämä viimein etenee 🎉",
    "Löytyvätkö tähän liittyvät ohjeet jo ohjepankista?",
    "Tärkeä asia, kiitos että nostitte sen esiin.",
    "Osallistuin infoon eilen – suosittelen kaikille!",
    "Mitä tämä tarkoittaa käytännössä meidän yksikön arjessa?",
    "Toivottavasti myös etäpäivinä pääsee mukaan Teamsin kautta.",
    "Hyvä juttu! Täällä Pohjanmaalla tätä on odotettu.",
    "Jäikö muillekin epäselväksi, pitääkö hakemus tehdä ennen vai jälkeen vuodenvaihteen?",
    "Kiitos! Jaoin tämän myös tiimimme kanavalle.",
    "Voisiko tästä järjestää vielä erillisen infon ruotsiksi?",
    "Tämä säästää varmasti aikaa maksatuksessa ⏱️",
    "Linkki ei aukea mobiilissa – kokeilin puhelimella kahdesti.",
    "Hyvää työtä koko porukalta 💚",
    "Onko tästä tulossa koulutusta uusille työntekijöille?",
    "Mahtavaa! Odotan innolla.",
    "Liitteestä näyttää puuttuvan päivämäärä – korjataanko se?",
    "Sopiiko tämä myös osa-aikaisille?",
    "Kuulostaa hyvältä, mutta miten tämä näkyy asiakkaalle?",
    "Tosi selkeä kooste, kiitos tekijöille.",
    "Vastasin jo – kestää vain pari minuuttia.",
    "Hyvä esimerkki siitä, miten yhteistyö toimii yli virastorajojen.",
    "Onko tilaisuudesta tallenne saatavilla jälkikäteen?",
    "Pääsevätkö myös TE-toimistojen asiantuntijat mukaan pilottiin?",
    "Jee! 🎉🎉",
    "Loistava uutinen meidän toimipisteelle ☀️",
    "Hienoa, että henkilöstöä kuultiin tässä.",
    "Onko aikataulu yhä voimassa vai siirtyykö käyttöönotto?",
    "Äänestin jo, ja kollegat ympärillä myös 😄",
    "Tärkeää työtä. Kiitos että pidätte meidät ajan tasalla!",
]
COMMENTS_SV = [
    "Tack för informationen! Finns det material på svenska också?",
    "Bra initiativ 👏",
    "Gäller det här även oss i Vasa?",
    "Kommer det en utbildning på svenska?",
    "Tack, mycket tydligt!",
    "Äntligen! Det här har vi väntat på.",
    "Finns inspelningen kvar efteråt?",
    "Jättebra, jag delar det med mitt team 💙",
]
# (text, by the communication unit)
REPLIES_FI = [
    ("Hyvä kysymys, sama mietityttää minuakin.", False),
    ("Koskee kyllä – tarkistin asian HR:ltä.", False),
    ("Ohjeet löytyvät ohjepankista, linkki on uutisen lopussa.", True),
    ("Kiitos vinkistä! 🙏", False),
    ("Samaa mieltä 👍", False),
    ("Tallenne julkaistaan Taimissa viikon sisällä, kerromme kun se on katsottavissa.", True),
    ("Korjattu, kiitos huomiosta!", True),
    ("Minulla se toimi, kokeile tyhjentää selaimen välimuisti.", False),
    ("Tästä tulee erillinen tiedote ensi viikolla.", True),
    ("Joo, ilmoittauduin jo 😊", False),
    ("Kyllä, myös osa-aikaiset ovat mukana.", True),
    ("Lisään tämän ensi viikon tiimipalaverin asialistalle.", False),
    ("Sama täällä, hyvä että kysyit!", False),
]
REPLIES_SV = [
    ("Ja, materialet kommer på svenska nästa vecka.", True),
    ("Tack för tipset!", False),
    ("Samma fråga här.", False),
    ("Ja, det gäller alla verksamhetsställen.", True),
]
# (text, the moderator's reason): comments the communication unit has hidden.
HIDDEN = [
    (
        'Myydään talvirenkaat 15", hyvässä kunnossa, hinta 200 €. Soita!',
        "Ei liity uutiseen: myynti-ilmoitukset kuuluvat Kirpputori-kanavalle.",
    ),
    (
        "Asiakas (nimi ja henkilötunnus tässä) soitti tästä jo kolmannen kerran, joku voisi hoitaa!",
        "Sisälsi asiakkaan henkilötietoja. Kysy asiasta tiimisi kanavalla ilman tunnistetietoja.",
    ),
    (
        "Taas tällainen p***a uudistus, ja kuka tämänkin keksi??",
        "Asiaton kielenkäyttö. Palaute uudistuksesta on tervetullut asiallisesti muotoiltuna.",
    ),
]
REACTION_KINDS = [("like", 60), ("thanks", 20), ("insightful", 10), ("celebrate", 10)]


# --- Data read once ------------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    user_id: int
    agency_id: int | None
    location_id: int | None
    unit_id: int | None
    team_ids: frozenset
    swedish: bool
    username: str


@dataclass
class Article:
    page: object
    published_at: datetime.datetime
    national: bool
    audience: list  # Readers the article is targeted to (the feed's OR rule)
    categories: set = field(default_factory=set)  # category slugs
    readers: list = field(default_factory=list)  # who viewed it (filled by _views)


def _readers() -> list[Reader]:
    from teams.models import Person, TeamMembership

    teams = defaultdict(set)
    for user_id, team_id in TeamMembership.objects.values_list("person__user_id", "team_id"):
        teams[user_id].add(team_id)
    rows = (
        Person.objects.filter(user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", "agency_id", "home_location_id", "unit_id", "languages", "user__username")
    )
    return [
        Reader(
            user_id,
            agency_id,
            location_id,
            unit_id,
            frozenset(teams[user_id]),
            swedish=bool(languages) and languages[0] == "sv",
            username=username,
        )
        for user_id, agency_id, location_id, unit_id, languages, username in rows
    ]


def _targets(page, reader: Reader, audience: dict) -> bool:
    if page.for_everyone:
        return True
    return (
        reader.agency_id in audience["agencies"]
        or reader.location_id in audience["locations"]
        or reader.unit_id in audience["units"]
        or bool(reader.team_ids & audience["teams"])
    )


def _articles(readers: list[Reader]) -> list[Article]:
    from news import services
    from news.models import NewsArticlePage
    from teams.models import Agency

    pages = list(
        services.originals()
        .select_related("publisher")
        .prefetch_related("categories")
        .order_by("first_published_at", "pk")
    )
    audiences = {
        page.pk: {"agencies": set(), "locations": set(), "units": set(), "teams": set()} for page in pages
    }
    for relation, column, key in [
        ("audience_agencies", "agency_id", "agencies"),
        ("audience_locations", "location_id", "locations"),
        ("audience_units", "unit_id", "units"),
        ("audience_teams", "team_id", "teams"),
    ]:
        through = getattr(NewsArticlePage, relation).through
        for page_id, value in through.objects.filter(newsarticlepage_id__in=audiences).values_list(
            "newsarticlepage_id", column
        ):
            audiences[page_id][key].add(value)
    return [
        Article(
            page=page,
            published_at=page.first_published_at,
            national=page.publisher.kind == Agency.Kind.KEHA,
            audience=[reader for reader in readers if _targets(page, reader, audiences[page.pk])],
            categories={category.slug for category in page.categories.all()},
        )
        for page in pages
        if page.first_published_at
    ]


def _set_fields(page, **values) -> None:
    """Set fields on the article row and in its live (and latest) revision, as if an editor had published them."""
    from wagtail.models import Revision

    from news.models import NewsArticlePage

    NewsArticlePage.objects.filter(pk=page.pk).update(**values)
    for name, value in values.items():
        setattr(page, name, value)
    # Revision.content is JSON (DjangoJSONEncoder): datetimes in UTC, as Wagtail stores them.
    stored = {
        name: (timezone.localtime(value, datetime.UTC) if isinstance(value, datetime.datetime) else value)
        for name, value in values.items()
    }
    for revision in Revision.objects.filter(pk__in={page.live_revision_id, page.latest_revision_id} - {None}):
        revision.content = {**revision.content, **stored}
        revision.save(update_fields=["content"])


# --- Moments --------------------------------------------------------------------------


def _working_moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    """A moment on a working day (the Monday after a weekend), between 7.30 and 16.30 Finnish time."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    minutes = rng.randrange(7 * 60 + 30, 16 * 60 + 30)
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=minutes)
    )


def _after(
    rng: random.Random,
    start: datetime.datetime,
    now: datetime.datetime,
    *,
    mean_days: float = 1.5,
    within: datetime.timedelta | None = None,
) -> datetime.datetime:
    """A working-hours moment after ``start``: mostly soon, sometimes days later; never after ``now``."""
    offset = min(int(rng.expovariate(1 / mean_days)), (within or datetime.timedelta(days=VIEW_DAYS)).days)
    moment = _working_moment(rng, timezone.localdate(start) + datetime.timedelta(days=offset))
    if moment <= start:
        moment = start + datetime.timedelta(minutes=rng.randint(3, 90))
    if moment >= now:
        moment = start + (now - start) * rng.uniform(0.1, 0.9)
    return moment


def _opened_before(
    rng: random.Random, published: datetime.datetime, acknowledged: datetime.datetime
) -> datetime.datetime:
    """When a reader opened the article they acknowledged: a few minutes before, never before publication."""
    return max(
        acknowledged - datetime.timedelta(minutes=rng.randint(1, 4)),
        published + (acknowledged - published) / 2,
    )


# --- The steps --------------------------------------------------------------------------


def _must_reads(articles: list[Article], *, now) -> list[tuple[Article, float]]:
    """Mark five recent national articles as must-reads; returns each with its acknowledged share."""
    young, old = (now - datetime.timedelta(days=days) for days in MUST_READ_AGE)
    candidates = [a for a in articles if a.national and old <= a.published_at <= young and a.audience]
    candidates.sort(key=lambda a: (not a.categories & MUST_READ_CATEGORIES, -a.published_at.timestamp()))
    chosen = sorted(candidates[: len(MUST_READ_DEADLINES)], key=lambda a: a.published_at, reverse=True)
    result = []
    for article, days, share in zip(chosen, MUST_READ_DEADLINES, ACKNOWLEDGED_SHARE, strict=False):
        date = timezone.localdate(now) + datetime.timedelta(days=days)
        deadline = timezone.make_aware(datetime.datetime.combine(date, datetime.time(16)))
        deadline = max(deadline, article.published_at + datetime.timedelta(days=3))
        _set_fields(article.page, must_read=True, must_read_deadline=deadline)
        result.append((article, share))
    return result


def _acknowledgements(rng, must_reads, *, now, views: list) -> list:
    from news.models import Acknowledgement, ArticleView

    rows = []
    for article, share in must_reads:
        page = article.page
        audience = list(article.audience)
        done = rng.sample(audience, k=round(len(audience) * share))
        staff = next((reader for reader in audience if reader.username == STAFF_LOGIN), None)
        if staff is not None and staff not in done:
            # The demo staff login has read them all: the banner is left to what editors publish
            # during a demo (tests/browser/test_must_read.py publishes one and acknowledges it).
            done.append(staff)
        until = min(now, page.must_read_deadline)
        for reader in done:
            moment = _after(rng, article.published_at, until, mean_days=2)
            rows.append(
                Acknowledgement(
                    user_id=reader.user_id,
                    article_id=page.pk,
                    round=page.ack_round,
                    revision_id=page.live_revision_id,
                    acknowledged_at=moment,
                )
            )
            views.append(
                ArticleView(
                    user_id=reader.user_id,
                    article_id=page.pk,
                    agency_id=reader.agency_id,
                    viewed_at=_opened_before(rng, article.published_at, moment),
                )
            )
            article.readers.append(reader)
    Acknowledgement.objects.bulk_create(rows, batch_size=BATCH)
    return rows


def _views(rng, articles: list[Article], *, now, views: list) -> None:
    """Readers of each article: many for recent ones, a trickle for older ones; some come back later."""
    from news.models import ArticleView

    start = now - datetime.timedelta(days=VIEW_DAYS)
    for article in articles:
        if not article.audience:
            continue
        recent = article.published_at >= start
        if recent:
            share = rng.uniform(0.1, 0.45) if article.page.for_everyone else rng.uniform(0.3, 0.8)
            if article.page.pinned_until and article.page.pinned_until > now:
                share = max(share, 0.55)
            count = max(1, round(len(article.audience) * share))
        elif rng.random() < 0.4:
            count = rng.randint(1, 8)
        else:
            continue
        already = {reader.user_id for reader in article.readers}
        pool = [reader for reader in article.audience if reader.user_id not in already]
        for reader in rng.sample(pool, k=min(count, len(pool))):
            first = _after(rng, article.published_at, now) if recent else start + (now - start) * rng.random()
            views.append(
                ArticleView(
                    user_id=reader.user_id,
                    article_id=article.page.pk,
                    agency_id=reader.agency_id,
                    viewed_at=first,
                )
            )
            article.readers.append(reader)
            if rng.random() < 0.25:  # back again on a later day
                views.append(
                    ArticleView(
                        user_id=reader.user_id,
                        article_id=article.page.pk,
                        agency_id=reader.agency_id,
                        viewed_at=_after(rng, first, now, mean_days=3),
                    )
                )
    ArticleView.objects.bulk_create(views, batch_size=BATCH)


def _pick_kind(rng) -> str:
    kinds, weights = zip(*REACTION_KINDS, strict=True)
    return rng.choices(kinds, weights=weights)[0]


def _commented(rng, articles: list[Article], must_reads, *, now) -> list[Article]:
    """About 30 recent articles that allow comments: the pinned ones, two must-reads, then a random draw."""
    recent = [a for a in articles if a.published_at >= now - datetime.timedelta(days=120) and a.audience]
    pinned = [a for a in recent if a.page.pinned_until and a.page.pinned_until > now]
    chosen = pinned + [article for article, _share in must_reads[1:3] if article not in pinned]
    rest = [a for a in recent if a not in chosen]
    # Regional news as well (the demo regional editor's report shows it), then anything recent.
    regional = [a for a in rest if not a.national]
    chosen += rng.sample(regional, k=min(4, len(regional)))
    rest = [a for a in rest if a not in chosen]
    chosen += rng.sample(rest, k=max(0, min(COMMENTED_ARTICLES - len(chosen), len(rest))))
    for article in chosen:
        _set_fields(article.page, allow_comments=True)
    return sorted(chosen, key=lambda a: (a.published_at, a.page.pk))


def _comments(rng, commented: list[Article], *, now, editor) -> tuple[list, list]:
    from news.models import Comment

    top_level, replies = [], []
    for index, article in enumerate(commented):
        if index % 7 == 6:
            continue  # a few articles allow comments but nobody has written yet
        people = article.readers or article.audience
        for _ in range(rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8])):
            author = rng.choice(people)
            swedish = rng.random() < (0.6 if author.swedish else 0.06)
            text = rng.choice(COMMENTS_SV if swedish else COMMENTS_FI)
            created = _after(rng, article.published_at, now, mean_days=1, within=datetime.timedelta(days=20))
            comment = Comment(
                article_id=article.page.pk, author_id=author.user_id, text=text, created_at=created
            )
            top_level.append((article, comment, swedish))
    Comment.objects.bulk_create([comment for _article, comment, _sv in top_level], batch_size=BATCH)
    for article, parent, swedish in top_level:
        if rng.random() >= 0.45:
            continue
        people = article.readers or article.audience
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            text, official = rng.choice(REPLIES_SV if swedish else REPLIES_FI)
            author_id = editor.pk if official and editor is not None else rng.choice(people).user_id
            created = _after(rng, parent.created_at, now, mean_days=0.5, within=datetime.timedelta(days=5))
            replies.append(
                Comment(
                    article_id=article.page.pk,
                    author_id=author_id,
                    parent_id=parent.pk,
                    text=text,
                    created_at=created,
                )
            )
    Comment.objects.bulk_create(replies, batch_size=BATCH)
    comments = [comment for _article, comment, _sv in top_level] + replies
    # Moderation: a few comments an editor has hidden, with the reason shown in their place.
    with_comments = {comment.article_id for _article, comment, _sv in top_level}
    hidden_on = [article for article in commented[::-1] if article.page.pk in with_comments]
    hidden = []
    for (text, reason), article in zip(HIDDEN, hidden_on[1::3], strict=False):
        people = article.readers or article.audience
        created = _after(rng, article.published_at, now, mean_days=1, within=datetime.timedelta(days=10))
        hidden.append(
            Comment(
                article_id=article.page.pk,
                author_id=rng.choice(people).user_id,
                text=text,
                created_at=created,
                hidden_by=editor,
                hidden_reason=reason,
                hidden_at=min(now, created + datetime.timedelta(minutes=rng.randint(20, 180))),
            )
        )
    Comment.objects.bulk_create(hidden)
    return comments, hidden


def _reactions(rng, articles: list[Article], comments: list, *, now) -> list:
    from news.models import Reaction

    rows, seen = [], set()

    def add(user_id, kind, moment, *, article_id=None, comment_id=None):
        key = (user_id, kind, article_id, comment_id)
        if key not in seen:
            seen.add(key)
            rows.append(
                Reaction(
                    user_id=user_id,
                    kind=kind,
                    article_id=article_id,
                    comment_id=comment_id,
                    created_at=moment,
                )
            )

    for article in articles:
        readers = list(dict.fromkeys(article.readers))
        for reader in rng.sample(readers, k=round(len(readers) * rng.uniform(0.03, 0.15))):
            add(
                reader.user_id,
                _pick_kind(rng),
                _after(rng, article.published_at, now),
                article_id=article.page.pk,
            )
    by_article = {article.page.pk: article for article in articles}
    for comment in comments:
        people = by_article[comment.article_id].readers or by_article[comment.article_id].audience
        for reader in rng.sample(people, k=min(len(people), rng.choice([0, 0, 1, 1, 2, 3, 5]))):
            add(
                reader.user_id,
                _pick_kind(rng),
                _after(rng, comment.created_at, now, mean_days=0.5),
                comment_id=comment.pk,
            )
    Reaction.objects.bulk_create(rows, batch_size=BATCH)
    return rows


# --- Loading --------------------------------------------------------------------------


@dataclass
class EngagementResult:
    must_reads: int = 0
    acknowledgements: int = 0
    views: int = 0
    comments: int = 0
    hidden: int = 0
    reactions: int = 0

    @property
    def created(self) -> int:
        """Everything this run made (0 when the demo engagement was already there)."""
        return self.must_reads + self.acknowledgements + self.views + self.comments + self.reactions


def is_loaded() -> bool:
    from news.models import Comment, NewsArticlePage

    return NewsArticlePage.objects.filter(must_read=True).exists() or Comment.objects.exists()


@transaction.atomic
def load_engagement(*, progress: Progress = _quiet, now: datetime.datetime | None = None) -> EngagementResult:
    """Add the demo engagement to the demo news, unless it is there already (see the module docstring)."""
    from django.contrib.auth import get_user_model

    result = EngagementResult()
    steps = 5
    if is_loaded():
        progress("engagement", steps, steps)
        return result
    now = now or timezone.now()
    rng = random.Random(SEED)
    readers = _readers()
    articles = _articles(readers)
    if not readers or not articles:
        progress("engagement", steps, steps)
        return result
    editor = get_user_model().objects.filter(username=EDITOR_LOGIN).first()
    progress("engagement", 0, steps)

    must_reads = _must_reads(articles, now=now)
    result.must_reads = len(must_reads)
    progress("engagement", 1, steps)

    views: list = []
    result.acknowledgements = len(_acknowledgements(rng, must_reads, now=now, views=views))
    progress("engagement", 2, steps)

    _views(rng, articles, now=now, views=views)
    result.views = len(views)
    progress("engagement", 3, steps)

    commented = _commented(rng, articles, must_reads, now=now)
    comments, hidden = _comments(rng, commented, now=now, editor=editor)
    result.comments = len(comments) + len(hidden)
    result.hidden = len(hidden)
    progress("engagement", 4, steps)

    result.reactions = len(_reactions(rng, articles, comments, now=now))
    progress("engagement", 5, steps)
    return result
