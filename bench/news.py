"""Benchmark: the personalised news pages with 10,000 articles and 550 people.

Loads the demo organisation and the demo news (200 articles, demo/news.py),
then adds articles in bulk until there are 10,000 (a fifth in Swedish, ~30 %
targeted, 60 % with a hero image), and times the server side of each page with
Django's test client, logged in as the demo staff member ``henkilo``: the home
page, the news section, its third page and one article, against a bare Wagtail
page of the same site (a StandardPage with a title only, same base template)
measured in the same run. The pages are requested in turn, round after round,
so that a busy machine slows all of them alike.

Goals (the news issue): home page p50 ≤ 30 ms and ≤ 2× the bare page; article
page ≤ 1.5× the bare page. The benchmarked article is a pinned demo article for
everyone with a hero image, given the same discussion every run
(fix_engagement: 10 comments, 4 replies, one hidden, 30 reactions to the
article and 16 to comments; the reader has reacted but not commented). The
feed cards, the article's header and body, its discussion and the home page's
figures and sections are cached HTML fragments (news/fragments.py,
news/discussion.py, intranet/home.py); two extra rows time the home and article
pages with none of them cached (new generations before each request, outside
the timer).

Each row gives wall-clock p50/p95, the CPU time of the request (bench/common.py)
and the queries; "met?" applies the goal to wall-clock p50 and "met on CPU time?"
to CPU p50, which holds up better on a busy machine.

Run: bash scripts/bench.sh   (DATABASE_URL=postgres://... to measure PostgreSQL)
"""

import math
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="intranet-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from bench.common import machine_line, measure_pages  # noqa: E402
from demo import news as demo  # noqa: E402
from demo import news_engagement as demo_engagement  # noqa: E402
from intranet import home  # noqa: E402
from intranet.models import StandardPage  # noqa: E402
from news import discussion, fragments, services  # noqa: E402
from news.models import (  # noqa: E402
    ArticleOpened,
    Comment,
    CommentEdit,
    Mention,
    NewsArticlePage,
    NewsCategory,
    NewsIndexPage,
    Reaction,
)
from teams.models import Agency, Location, Team, Unit  # noqa: E402

ARTICLES = 10_000
SWEDISH_SHARE = 0.2
TARGETED_SHARE = 0.3
IMAGE_SHARE = 0.6
# The reader has opened this share of the articles (the feed's "new" marker is an anti-join).
OPENED_SHARE = 0.4
CHUNK = 500
WARM_UP = 3
ROUNDS = 30
READER = "henkilo"
BARE_SLUG = "bench-perussivu"
BARE = "bare Wagtail page (StandardPage)"
HOME = "home page (6 news cards)"
ARTICLE = "article page (hero image, discussion)"
COLD_SUFFIX = ", nothing cached"


# --- 10,000 articles ------------------------------------------------------------


def _children_paths(parent: Page, count: int) -> list[str]:
    """The next ``count`` free treebeard paths under ``parent`` (steplen 4, base 36), as add_child would give."""
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    return [Page._get_path(parent.path, parent.depth + 1, start + step) for step in range(1, count + 1)]


def _insert_articles(parent: NewsIndexPage, rows: list[dict], locale: Locale, content_type) -> list[int]:
    """Insert live NewsArticlePages under ``parent`` without Wagtail's per-page work; returns their ids.

    Django cannot bulk_create a multi-table-inherited model, so the Page rows
    are bulk-created and the NewsArticlePage rows inserted with the same ids.
    """
    paths = _children_paths(parent, len(rows))
    ids = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        pages = Page.objects.bulk_create(
            [
                Page(
                    path=paths[start + offset],
                    depth=parent.depth + 1,
                    numchild=0,
                    content_type=content_type,
                    locale=locale,
                    translation_key=row["translation_key"],
                    title=row["title"],
                    draft_title=row["title"],
                    slug=row["slug"],
                    url_path=f"{parent.url_path}{row['slug']}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=row["published_at"],
                    last_published_at=row["published_at"],
                    latest_revision_created_at=row["published_at"],
                )
                for offset, row in enumerate(chunk)
            ]
        )
        if pages[0].pk is None:  # a database that does not return ids from a bulk insert
            by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
            for page in pages:
                page.pk = page.id = by_path[page.path]
        articles = [
            NewsArticlePage(
                page_ptr_id=page.pk,
                lead=row["lead"],
                body=row["body"],
                hero_image=row["image"],
                hero_alt=row["alt"],
                publisher_id=row["publisher"],
                for_everyone=not row["audience"],
                announced_at=row["published_at"],
            )
            for page, row in zip(pages, chunk, strict=True)
        ]
        NewsArticlePage._base_manager._insert(articles, fields=NewsArticlePage._meta.local_concrete_fields)
        ids.extend(page.pk for page in pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    return ids


def add_articles(total: int) -> int:
    """Bulk-add articles (text from the demo plan) until there are ``total`` Finnish ones."""
    rng = random.Random(10_000)
    index_fi = NewsIndexPage.objects.get(locale__language_code="fi")
    index_sv = NewsIndexPage.objects.get(locale__language_code="sv")
    fi, sv = index_fi.locale, index_sv.locale
    have = NewsArticlePage.objects.filter(locale=fi).count()
    count = total - have
    if count <= 0:
        return 0
    specs = demo.plan_articles(demo.build_context(), now=timezone.now())
    images = {key: image for key, image in demo.ensure_images().items()}
    agencies = dict(Agency.objects.values_list("slug", "pk"))
    keha = agencies["keha-keskus"]
    regional = list(Agency.objects.filter(kind__in=["ely", "te"]).values_list("pk", flat=True))
    units = list(Unit.objects.values_list("pk", flat=True))
    locations = list(Location.objects.values_list("pk", flat=True))
    teams = list(Team.objects.values_list("pk", flat=True))
    categories = list(NewsCategory.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    now = timezone.now()

    finnish_rows, swedish_rows, audiences, article_categories = [], [], [], []
    for number in range(count):
        spec = specs[number % len(specs)]
        published_at = now - timedelta(days=rng.uniform(1, 3 * 365))
        image_key = (spec.motif, rng.randrange(2)) if rng.random() < IMAGE_SHARE else None
        audience = {}
        publisher = keha
        if rng.random() < TARGETED_SHARE:
            if rng.random() < 0.5:
                publisher = rng.choice(regional)
                audience = {"agencies": [publisher]}
            else:
                dimension = rng.choice(["units", "locations", "teams"])
                pool = {"units": units, "locations": locations, "teams": teams}[dimension]
                audience = {dimension: rng.sample(pool, k=min(2, len(pool)))}
        row = {
            "translation_key": uuid.uuid4(),
            "title": f"{spec.finnish.title} ({number + 1})",
            "slug": f"bench-{number + 1:05d}",
            "lead": spec.finnish.lead,
            "body": spec.finnish.body,
            "image": images[image_key] if image_key else None,
            "alt": demo.content.MOTIFS[spec.motif][1] if image_key else "",
            "publisher": publisher,
            "audience": audience,
            "published_at": published_at,
        }
        finnish_rows.append(row)
        audiences.append(audience)
        article_categories.append(rng.sample(categories, k=rng.randint(1, 2)))
        if spec.swedish is not None and rng.random() < SWEDISH_SHARE:
            swedish_rows.append(
                {
                    **row,
                    "title": f"{spec.swedish.title} ({number + 1})",
                    "lead": spec.swedish.lead,
                    "body": spec.swedish.body,
                    "alt": demo.content.MOTIFS[spec.motif][2] if image_key else "",
                }
            )

    with transaction.atomic():
        ids = _insert_articles(index_fi, finnish_rows, fi, content_type)
        _insert_articles(index_sv, swedish_rows, sv, content_type)
        through = {
            name: getattr(NewsArticlePage, f"audience_{name}").through
            for name in ("agencies", "units", "locations", "teams")
        }
        column = {"agencies": "agency_id", "units": "unit_id", "locations": "location_id", "teams": "team_id"}
        for name, model in through.items():
            model.objects.bulk_create(
                [
                    model(newsarticlepage_id=page_id, **{column[name]: target})
                    for page_id, audience in zip(ids, audiences, strict=True)
                    for target in audience.get(name, [])
                ],
                batch_size=CHUNK,
            )
        category_through = NewsArticlePage.categories.through
        category_through.objects.bulk_create(
            [
                category_through(newsarticlepage_id=page_id, newscategory_id=category)
                for page_id, chosen in zip(ids, article_categories, strict=True)
                for category in chosen
            ],
            batch_size=CHUNK,
        )
        reader = get_user_model().objects.get(username=READER)
        keys = NewsArticlePage.objects.filter(locale=fi).values_list("translation_key", flat=True)
        ArticleOpened.objects.bulk_create(
            [ArticleOpened(user=reader, translation_key=key) for key in keys if rng.random() < OPENED_SHARE],
            batch_size=CHUNK,
            ignore_conflicts=True,
        )
    return len(finnish_rows) + len(swedish_rows)


# --- The benchmarked article's discussion: the same every run ------------------------

# A busy discussion for this intranet (the demo's busiest articles have 8-15
# comments): 10 top-level comments, 4 replies, one hidden by an editor, one
# edited, two with an @mention, 30 reactions to the article and 16 to comments.
# The reader has reacted to the article and to one comment but not commented.
BENCH_SEED = 6
BENCH_TOP_LEVEL = 10
BENCH_REPLIES = 4
BENCH_ARTICLE_REACTIONS = 30
BENCH_COMMENT_REACTIONS = 16


def fix_engagement(article: NewsArticlePage, reader) -> str:
    """Replace the article's comments and reactions (random in the demo) with a fixed set; returns its description."""
    rng = random.Random(BENCH_SEED)
    people = list(
        get_user_model()
        .objects.filter(person__isnull=False, is_active=True)
        .exclude(pk=reader.pk)
        .order_by("pk")
    )
    editor = get_user_model().objects.get(username="viestinta")
    Comment.objects.filter(article=article).delete()
    Reaction.objects.filter(article=article).delete()
    NewsArticlePage.objects.filter(pk=article.pk).update(allow_comments=True)
    start = article.first_published_at
    texts = demo_engagement.COMMENTS_FI
    top = [
        Comment(
            article=article,
            author=rng.choice(people),
            text=texts[number % len(texts)],
            created_at=start + timedelta(hours=2 + 3 * number),
        )
        for number in range(BENCH_TOP_LEVEL)
    ]
    top[3].text += f" @{people[7].username} @{people[11].username}"
    top[5].edited_at = top[5].created_at + timedelta(minutes=20)
    Comment.objects.bulk_create(top)
    CommentEdit.objects.create(comment=top[5], text="Ensimmäinen versio.", replaced_at=top[5].edited_at)
    Mention.objects.bulk_create(
        [Mention(comment=top[3], user=people[7]), Mention(comment=top[3], user=people[11])]
    )
    replies = [
        Comment(
            article=article,
            author=rng.choice(people),
            parent=top[number * 2],
            text=demo_engagement.REPLIES_FI[number][0],
            created_at=top[number * 2].created_at + timedelta(hours=1),
        )
        for number in range(BENCH_REPLIES)
    ]
    hidden = Comment(
        article=article,
        author=rng.choice(people),
        text=demo_engagement.HIDDEN[0][0],
        created_at=start + timedelta(hours=40),
        hidden_at=start + timedelta(hours=41),
        hidden_by=editor,
        hidden_reason=demo_engagement.HIDDEN[0][1],
    )
    Comment.objects.bulk_create([*replies, hidden])
    kinds = Reaction.Kind.values
    reactions = [
        Reaction(user=user, kind=rng.choice(kinds), article=article)
        for user in rng.sample(people, BENCH_ARTICLE_REACTIONS - 1)
    ]
    reactions.append(Reaction(user=reader, kind=Reaction.Kind.LIKE, article=article))
    commented = top + replies
    reactions += [
        Reaction(user=user, kind=rng.choice(kinds), comment=commented[number % len(commented)])
        for number, user in enumerate(rng.sample(people, BENCH_COMMENT_REACTIONS - 1))
    ]
    reactions.append(Reaction(user=reader, kind=Reaction.Kind.THANKS, comment=top[0]))
    Reaction.objects.bulk_create(reactions)
    discussion.renew_article(
        article.pk
    )  # bulk inserts send no signals; a Redis cache may hold an earlier run's
    return (
        f"{BENCH_TOP_LEVEL} comments, {BENCH_REPLIES} replies, 1 hidden, {BENCH_ARTICLE_REACTIONS} reactions "
        f"to the article and {BENCH_COMMENT_REACTIONS} to comments"
    )


def check_tree() -> float:
    """Treebeard's own consistency check over the news sections; returns the seconds it took."""
    started = time.perf_counter()
    for section in NewsIndexPage.objects.all():
        problems = Page.find_problems(parent=section)
        assert not any(problems), f"tree problems under {section.url_path}: {problems}"
    return time.perf_counter() - started


def bare_page() -> StandardPage:
    """A StandardPage with a title only: Wagtail's routing, the site's base template, no content queries."""
    page = StandardPage.objects.filter(slug=BARE_SLUG).first()
    if page is None:
        home = Page.objects.get(depth=2, locale__language_code="fi").specific
        page = StandardPage(title="Perussivu", slug=BARE_SLUG)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


# --- Measuring -----------------------------------------------------------------


FRAGMENT_KEYS = [fragments.GENERATION_KEY, home.HOME_GENERATION_KEY]


def nothing_cached(name: str):
    """For the "nothing cached" rows: start new fragment generations before the request, put the old ones back after.

    A new generation token means no cached card, article header and body,
    discussion or home page part (news.fragments, news.discussion,
    intranet.home); the warm pages keep their cache because the old tokens
    come back, outside the timer.
    """
    if not name.endswith(COLD_SUFFIX):
        return None
    saved = {key: fragments.generation(key) for key in FRAGMENT_KEYS}
    for key in FRAGMENT_KEYS:
        fragments.renew(key)
    return lambda: cache.set_many(saved, None)


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    print(f"Database: {connection.vendor}. Loading the demo organisation and news…", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo_data", "--no-logins", verbosity=0, stdout=open(os.devnull, "w"))
    print(f"  demo data: {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    added = add_articles(ARTICLES)
    with connection.cursor() as cursor:
        # Fresh planner statistics after a bulk load, as PostgreSQL's autovacuum would gather them.
        cursor.execute("ANALYZE")
    print(f"  bulk articles: {added} pages in {time.perf_counter() - started:.1f} s", flush=True)
    if added:
        print(f"  tree check (treebeard find_problems): {check_tree():.1f} s, no problems", flush=True)
    finnish = NewsArticlePage.objects.filter(locale__language_code="fi").count()
    swedish = NewsArticlePage.objects.filter(locale__language_code="sv").count()
    people = get_user_model().objects.filter(person__isnull=False).count()

    client = Client()
    client.force_login(get_user_model().objects.get(username=READER))
    reader = get_user_model().objects.get(username=READER)
    visible = services.feed(user=reader).count()
    last_page = client.get("/uutiset/", {"page": 400})
    assert last_page.status_code == 200 and b"news-card" in last_page.content, (
        "/uutiset/?page=400 does not render"
    )
    print(
        f"  /uutiset/?page=400 renders ({READER} sees {visible} articles, "
        f"{math.ceil(visible / services.FEED_PAGE_SIZE)} pages; a page past the end shows the last one)",
        flush=True,
    )
    # A pinned demo article for everyone, with a hero image (the first article a reader opens).
    plan = demo.plan_articles(demo.build_context(), now=timezone.now())
    slug = next(spec.slug for spec in plan if spec.pinned_days and spec.image and not spec.audience)
    article = NewsArticlePage.objects.get(slug=slug, locale__language_code="fi")
    discussion = fix_engagement(article, reader)
    print(f"  article {article.url}: {discussion}", flush=True)
    urls = {
        BARE: bare_page().url,
        HOME: "/",
        "/uutiset/ (20 cards)": "/uutiset/",
        "/uutiset/?page=3": "/uutiset/?page=3",
        ARTICLE: article.url,
        # The same pages with no cached HTML fragments (news.fragments, news.discussion, intranet.home): what the
        # first reader after a change of categories, agencies, images, people or templates pays. No goal.
        HOME + COLD_SUFFIX: "/",
        ARTICLE + COLD_SUFFIX: article.url,
    }
    results = measure_pages(client, urls, rounds=ROUNDS, warm_up=WARM_UP, around=nothing_cached)
    bare = results[BARE]
    goals = {
        HOME: ("≤ 30 ms and ≤ 2× bare", lambda p50, base: p50 <= 30 and p50 <= 2 * base),
        ARTICLE: ("≤ 1.5× bare", lambda p50, base: p50 <= 1.5 * base),
    }
    print(
        f"\n{finnish} Finnish and {swedish} Swedish articles, {people} people; reader: {READER}; "
        f"{ROUNDS} rounds after {WARM_UP} warm-up rounds; server time through Django's test client.\n"
        f"Article: {article.title} ({discussion}).\n"
    )
    print(
        "| page | p50 ms | p95 ms | CPU p50 ms | queries | ratio to bare p50 | CPU ratio | goal | met? "
        "| met on CPU time? |"
    )
    print(
        "|------|-------:|-------:|-----------:|--------:|------------------:|----------:|------|------|------|"
    )
    for name, timing in results.items():
        goal, check = goals.get(name, ("–", None))
        met = "–" if check is None else ("yes" if check(timing.p50, bare.p50) else "**no**")
        met_cpu = "–" if check is None else ("yes" if check(timing.cpu_p50, bare.cpu_p50) else "**no**")
        print(
            f"| {name} | {timing.p50:.1f} | {timing.p95:.1f} | {timing.cpu_p50:.1f} | {timing.queries} "
            f"| {timing.p50 / bare.p50:.2f}× | {timing.cpu_p50 / bare.cpu_p50:.2f}× | {goal} | {met} | {met_cpu} |"
        )
    print(
        f'\n{machine_line()} The goals are wall-clock p50; "met on CPU time" applies them to the CPU time '
        "of the request (this thread), which leaves out waiting for a core on a busy machine."
    )


if __name__ == "__main__":
    main()
