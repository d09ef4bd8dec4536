"""Loads the demo news: about 200 articles over the last year (run by ``manage.py demo_data``).

National articles are published by KEHA-keskus, most for everyone and some
targeted to units, locations or teams; regional ones by an ELY centre or a TE
office for its own staff. About a fifth have a Swedish translation, three are
pinned, about 60 % have one of 24 hero images drawn here with Pillow (no
downloads), and a few national articles carry a regional supplement. The text
comes from demo/news_content.py.

Idempotent: articles are keyed by slug under the Finnish news section, images
by title, supplements by (article, agency); a second run creates nothing. The
plan is made from a fixed random seed and the (equally fixed) demo
organisation, so every machine gets the same articles; only the dates follow
the day of loading.

Every demo article is marked as already announced (``announced_at``) before it
is published, so publishing 200 historical articles notifies nobody
(news.tasks.on_page_published skips announced pages).
"""

import colorsys
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo import news_content as content

# Fixed seed: the same articles on every machine and every run.
SEED = 2024
ARTICLE_COUNT = 200
# Share of articles with a Swedish translation (about a fifth).
SWEDISH_COUNT = 40
# Share of articles with a hero image.
IMAGE_SHARE = 0.6
# Series articles drawn from the organisation: this many teams and towns.
TEAM_INTROS = 20
LOCATION_INTROS = 20
# Pinned articles: (topic key, stage index, days pinned from now).
PINNED = [("taimi", 0, 21), ("henkilostobarometri", 1, 14), ("te-digi", 2, 10)]
# Supplements by these agencies, in the order of content.SUPPLEMENTS; the
# demo regional editor's agency (Pohjanmaan ELY-keskus) has more than one.
SUPPLEMENT_AGENCIES = [
    "ely-pohjanmaa",
    "te-pohjanmaa",
    "ely-lappi",
    "te-uusimaa",
    "ely-pohjanmaa",
    "ely-pirkanmaa",
    "te-varsinais-suomi",
    "ely-pohjanmaa",
]
REGIONAL_EDITOR = "toimittaja"  # demo.teams_data.DEMO_LOGINS
IMAGE_COLLECTION = "Uutiskuvat"
IMAGE_SIZE = (1600, 900)

Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


# --- The plan (no writes) -----------------------------------------------------


@dataclass
class Version:
    """An article's text in one language."""

    title: str
    lead: str
    body: list = field(default_factory=list)


@dataclass
class ArticleSpec:
    slug: str
    finnish: Version
    swedish: Version | None  # None: this article has no Swedish text at all
    publisher: str  # agency slug
    categories: list[str]
    published_at: datetime
    audience: dict[str, list[str]] = field(default_factory=dict)  # agencies/locations/units/teams -> slugs
    motif: str = "taimi"
    image: tuple[str, int] | None = None  # (motif, variant)
    pinned_days: int | None = None
    translate: bool = False
    topic: str = ""


@dataclass
class Context:
    """What the plan needs from the demo organisation (read once)."""

    keha: str
    regional: list[dict]  # slug, kind, name_fi, name_sv, genitive, town, town_sv, town_in, town_gen, region
    unit_heads: dict[str, str]  # unit slug -> "First Last"
    head_titles: dict[str, str]  # unit slug -> Finnish title of the head
    teams: list[dict]  # slug, name, description, lead
    locations: list[dict]  # slug, name_fi, name_sv, office, street, postal


class _Fill(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _fill(text: str | None, values: dict) -> str | None:
    return None if text is None else text.format_map(_Fill(values))


def _ascii_slug(text: str, limit: int = 70) -> str:
    normalized = unicodedata.normalize("NFKD", text)
    slug = slugify("".join(c for c in normalized if c.isascii()))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def _publish_time(rng: random.Random, now: datetime, days_ago: int) -> datetime:
    """A weekday working-hours moment ``days_ago`` days before ``now`` (Finnish time), never in the future."""
    local_now = timezone.localtime(now)
    day = local_now.date() - timedelta(days=max(days_ago, 0))
    while day.weekday() >= 5:  # a weekend: the Friday before
        day -= timedelta(days=1)
    moment = datetime.combine(day, time(8, 0)) + timedelta(minutes=rng.randrange(0, 8 * 60))
    moment = timezone.make_aware(moment, local_now.tzinfo)
    while moment >= now:
        moment -= timedelta(days=1)
    return moment


def _dates(published_at: datetime, rng: random.Random) -> dict:
    event = timezone.localtime(published_at).date() + timedelta(days=rng.randint(7, 14))
    while event.weekday() >= 5:
        event += timedelta(days=1)
    later = event + timedelta(days=14)
    return {"date": f"{event.day}.{event.month}.", "date2": f"{later.day}.{later.month}."}


def _body(
    rng: random.Random,
    *,
    first: tuple | None,
    pool: list,
    headings: list,
    quote,
    speaker: tuple | None,
    fact,
    values: dict,
) -> tuple[list, list | None]:
    """The Finnish and Swedish StreamField bodies of one article (Swedish None when some part has no Swedish)."""
    picked = sorted(rng.sample(range(len(pool)), k=min(len(pool), rng.randint(2, 3))))
    paragraphs = ([first] if first else []) + [pool[i] for i in picked]
    parts = []  # (block type, (finnish value, swedish value))
    parts.append(("paragraph", paragraphs[0]))
    if headings:
        parts.append(("heading", rng.choice(headings)))
    parts.extend(("paragraph", pair) for pair in paragraphs[1:])
    if quote and speaker and rng.random() < 0.5:
        parts.append(("quote", quote))
    if fact and rng.random() < 0.45:
        parts.append(("fact_box", fact))
    parts.append(("paragraph", rng.choice(content.CLOSERS)))

    def build(language: int) -> list | None:
        blocks = []
        for kind, value in parts:
            if kind == "paragraph":
                text = _fill(value[language], values)
                if text is None:
                    return None
                blocks.append(("paragraph", f"<p>{text}</p>"))
            elif kind == "heading":
                if value[language] is None:
                    return None
                blocks.append(("heading", value[language]))
            elif kind == "quote":
                if value[language] is None:
                    return None
                blocks.append(("quote", {"quote": value[language], "attribution": speaker[language]}))
            else:
                (title, html) = value
                if title[language] is None or html[language] is None:
                    return None
                blocks.append(("fact_box", {"title": title[language], "text": _fill(html[language], values)}))
        return blocks

    return build(0), build(1)


def _speaker(ctx: Context, unit: str | None) -> tuple[str, str] | None:
    if not unit or unit not in ctx.unit_heads:
        return None
    name = ctx.unit_heads[unit]
    return (f"{name}, {ctx.head_titles[unit].lower()}", f"{name}, {content.HEAD_TITLES_SV[unit]}")


def _audience(rng: random.Random, source: dict | None, share: float) -> dict[str, list[str]]:
    if not source or rng.random() >= share:
        return {}
    return {dimension: list(slugs) for dimension, slugs in source.items()}


def _spec(
    rng,
    ctx,
    now,
    *,
    topic: str,
    title,
    lead,
    first,
    group: dict,
    categories,
    days_ago,
    values=None,
    publisher=None,
    audience=None,
) -> ArticleSpec:
    published_at = _publish_time(rng, now, days_ago)
    values = {**_dates(published_at, rng), **(values or {})}
    body_fi, body_sv = _body(
        rng,
        first=first,
        pool=group.get("paragraphs", []),
        headings=group.get("headings", []),
        quote=group.get("quote"),
        speaker=_speaker(ctx, group.get("speaker")),
        fact=group.get("fact"),
        values=values,
    )
    title_fi, title_sv = _fill(title[0], values), _fill(title[1], values)
    lead_fi, lead_sv = _fill(lead[0], values), _fill(lead[1], values)
    swedish = None
    if title_sv and lead_sv and body_sv is not None:
        swedish = Version(title_sv, lead_sv, body_sv)
    return ArticleSpec(
        slug=_ascii_slug(title_fi),
        finnish=Version(title_fi, lead_fi, body_fi),
        swedish=swedish,
        publisher=publisher or ctx.keha,
        categories=list(dict.fromkeys(categories)),
        published_at=published_at,
        audience=audience
        if audience is not None
        else _audience(rng, group.get("audience"), group.get("targeted", 0)),
        motif=group.get("motif", "taimi"),
        topic=topic,
    )


def _topic_articles(rng, ctx, now) -> list[ArticleSpec]:
    pinned = {key: (stage, days) for key, stage, days in PINNED}
    specs = []
    for topic in content.TOPICS:
        stages = topic["stages"]
        if topic["key"] in pinned:
            # The pinned stage and those after it are from the last days; earlier ones months before.
            pin_stage = pinned[topic["key"]][0]
            recent = {index: 1 + 2 * (len(stages) - 1 - index) for index in range(pin_stage, len(stages))}
        else:
            pin_stage, recent = None, {}
        days = rng.randint(5, 150) if not recent else recent[min(recent)]
        schedule = {}
        for index in reversed(range(len(stages))):
            if index in recent:
                schedule[index] = recent[index]
            else:
                days += rng.randint(20, 70)
                schedule[index] = min(days, 360)
        for index, (title, lead, extra) in enumerate(stages):
            spec = _spec(
                rng,
                ctx,
                now,
                topic=topic["key"],
                title=title,
                lead=lead,
                first=None,
                group=topic,
                categories=topic["categories"] + extra,
                days_ago=schedule[index],
            )
            if index == pin_stage:
                spec.pinned_days = pinned[topic["key"]][1]
                spec.audience = {}
            specs.append(spec)
    return specs


def _series_items(series: dict, ctx: Context, rng: random.Random) -> list[tuple]:
    """(subject pair, lead pair, paragraph pair, extra values) for each article of a series."""
    items = series["items"]
    if items == "teams":
        teams = sorted(rng.sample(ctx.teams, k=min(TEAM_INTROS, len(ctx.teams))), key=lambda t: t["slug"])
        result = []
        for team in teams:
            values = {
                "description": team["description"],
                "lead_sentence": f"Tiimiä vetää {team['lead']}." if team["lead"] else "",
            }
            paragraph = tuple(
                _fill(text, values).strip() if text else None for text in series["item_paragraph"]
            )
            result.append(((team["name"], None), series["lead"], paragraph, {}))
        return result
    if items == "locations":
        towns = sorted(
            rng.sample(ctx.locations, k=min(LOCATION_INTROS, len(ctx.locations))), key=lambda t: t["slug"]
        )
        return [
            (
                (town["name_fi"], town["name_sv"] or town["name_fi"]),
                series["lead"],
                series["item_paragraph"],
                {"office": town["office"], "street": town["street"], "postal": town["postal"]},
            )
            for town in towns
        ]
    return [
        (subject, lead, paragraph, {"categories": rest[0] if rest else []})
        for subject, lead, paragraph, *rest in items
    ]


def _series_articles(rng, ctx, now) -> list[ArticleSpec]:
    specs = []
    for series in content.SERIES:
        items = _series_items(series, ctx, rng)
        for index, (subject, lead, paragraph, extra) in enumerate(items):
            # Spread the series evenly over the year, newest item last.
            days_ago = int(360 * (len(items) - index - 0.5) / len(items)) + rng.randint(-6, 6)
            categories = series["categories"] + extra.pop("categories", [])
            values = {"item": subject[0], "item_sv": subject[1], **extra}
            title = (series["title"][0], series["title"][1] if subject[1] else None)
            specs.append(
                _spec(
                    rng,
                    ctx,
                    now,
                    topic=series["key"],
                    title=title,
                    lead=lead,
                    first=paragraph,
                    group=series,
                    categories=categories,
                    days_ago=max(days_ago, 1),
                    values=values,
                )
            )
    return specs


def _regional_articles(rng, ctx, now, count: int) -> list[ArticleSpec]:
    # The demo regional editor's agency publishes one article of each kind; the others a random share.
    editor_agency = next(
        (agency for agency in ctx.regional if agency["slug"] == SUPPLEMENT_AGENCIES[0]), None
    )
    pairs = [
        (template, agency)
        for template in content.REGIONAL
        for agency in ctx.regional
        if agency["kind"] in template.get("kinds", ["ely", "te"])
    ]
    own = [(template, agency) for template, agency in pairs if agency is editor_agency]
    others = [pair for pair in pairs if pair[1] is not editor_agency]
    rng.shuffle(others)
    chosen = own + others[: max(count - len(own), 0)]
    specs = []
    for template, agency in chosen[:count]:
        values = {
            "agency": agency["name_fi"],
            "agency_sv": agency["name_sv"],
            "agency_gen": agency["genitive"],
            "town": agency["town"],
            "town_sv": agency["town_sv"],
            "town_in": agency["town_in"],
            "town_gen": agency["town_gen"],
        }
        specs.append(
            _spec(
                rng,
                ctx,
                now,
                topic=f"regional:{template['key']}",
                title=template["title"],
                lead=template["lead"],
                first=None,
                group=template,
                categories=template["categories"],
                days_ago=rng.randint(1, 362),
                values=values,
                publisher=agency["slug"],
                audience={"agencies": [agency["slug"]]},
            )
        )
    return specs


def plan_articles(ctx: Context, *, now: datetime) -> list[ArticleSpec]:
    """The demo articles, oldest first: deterministic but for the dates, which follow ``now``."""
    rng = random.Random(SEED)
    national = _topic_articles(rng, ctx, now) + _series_articles(rng, ctx, now)
    specs = national + _regional_articles(rng, ctx, now, ARTICLE_COUNT - len(national))
    # Unique slugs (a series could repeat a title).
    seen: dict[str, int] = {}
    for spec in specs:
        count = seen.get(spec.slug, 0)
        seen[spec.slug] = count + 1
        if count:
            spec.slug = f"{spec.slug}-{count + 1}"
    # Hero images: ~60 %, always on pinned articles; two variants of each motif.
    for spec in specs:
        if spec.pinned_days or rng.random() < IMAGE_SHARE:
            spec.image = (spec.motif, rng.randrange(2))
    # Swedish versions: the Ostrobothnian regional articles (a bilingual region) and pinned ones first,
    # then a random draw of the rest.
    candidates = [spec for spec in specs if spec.swedish is not None]
    rng.shuffle(candidates)
    candidates.sort(key=lambda spec: 0 if spec.pinned_days or spec.publisher.endswith("-pohjanmaa") else 1)
    for spec in candidates[:SWEDISH_COUNT]:
        spec.translate = True
    specs.sort(key=lambda spec: spec.published_at)
    return specs


# --- The organisation -----------------------------------------------------------


def build_context() -> Context:
    from demo import teams_data as demo_data
    from teams.models import Agency, Location, Person, Team, TeamMembership

    keha = Agency.objects.filter(kind=Agency.Kind.KEHA).order_by("pk").first()
    locations = {location.slug: location for location in Location.objects.all()}
    seats = {region: seat for region, _genitive, _sv, _en, seat in demo_data.REGIONS}
    regional = []
    for agency in Agency.objects.filter(kind__in=[Agency.Kind.ELY, Agency.Kind.TE]).order_by("slug"):
        seat = seats.get(agency.region)
        if seat not in locations or seat not in content.TOWN_FORMS:
            continue
        town = locations[seat]
        town_in, town_gen = content.TOWN_FORMS[seat]
        name_fi = agency.name_fi
        if name_fi.endswith("keskus"):  # "Pohjanmaan ELY-keskus" -> "Pohjanmaan ELY-keskuksen"
            genitive = name_fi[: -len("keskus")] + "keskuksen"
        elif name_fi.endswith("toimisto"):  # "Pohjanmaan TE-toimisto" -> "Pohjanmaan TE-toimiston"
            genitive = name_fi + "n"
        else:
            genitive = name_fi
        regional.append(
            dict(
                slug=agency.slug,
                kind=agency.kind,
                name_fi=name_fi,
                name_sv=agency.name_sv or name_fi,
                genitive=genitive,
                town=town.name_fi,
                town_sv=town.name_sv or town.name_fi,
                town_in=town_in,
                town_gen=town_gen,
                region=agency.region,
            )
        )
    heads, head_titles = {}, {}
    for unit, titles in demo_data.TITLES.items():
        head = (
            Person.objects.filter(unit__slug=unit, title=titles[0])
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if head is not None:
            heads[unit] = f"{head.user.first_name} {head.user.last_name}"
            head_titles[unit] = titles[0]
    leads = {
        membership.team_id: f"{membership.person.user.first_name} {membership.person.user.last_name}"
        for membership in TeamMembership.objects.filter(role="lead")
        .select_related("person__user")
        .order_by("pk")
    }
    teams = [
        dict(slug=team.slug, name=team.name, description=team.description, lead=leads.get(team.pk, ""))
        for team in Team.objects.order_by("slug")
        if team.description
    ]
    towns = [
        dict(
            slug=town.slug,
            name_fi=town.name_fi,
            name_sv=town.name_sv,
            office=town.office_name,
            street=town.street_address,
            postal=town.postal_code,
        )
        for town in sorted(locations.values(), key=lambda town: town.slug)
        if town.office_name
    ]
    return Context(
        keha=keha.slug if keha else "",
        regional=regional,
        unit_heads=heads,
        head_titles=head_titles,
        teams=teams,
        locations=towns,
    )


# --- Hero images ----------------------------------------------------------------

GREENS = [
    # (background from, background to, shapes, accent): dark and light variants of the brand green.
    ((7, 61, 42), (24, 120, 82), (230, 243, 236), (255, 191, 71)),
    ((214, 238, 225), (150, 205, 175), (11, 91, 63), (7, 61, 42)),
]


def _shade(color, factor: float):
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in color))
    r, g, b = colorsys.hls_to_rgb(hue, max(0, min(1, lightness * factor)), saturation)
    return int(r * 255), int(g * 255), int(b * 255)


def draw_image(motif: str, variant: int) -> bytes:
    """A 1600×900 JPEG: a diagonal green gradient with the motif's simple shapes."""
    from PIL import Image, ImageDraw

    width, height = IMAGE_SIZE
    rng = random.Random(f"{SEED}-{motif}-{variant}")
    start, end, shape, accent = GREENS[variant]
    # A diagonal gradient: rotate a vertical one, keep the middle (no empty corners), scale it up.
    mask = Image.linear_gradient("L").resize((512, 512)).rotate(rng.choice([-35, -55, 35, 55]))
    mask = mask.crop((56, 144, 456, 369)).resize(IMAGE_SIZE, Image.Resampling.BILINEAR)
    image = Image.composite(Image.new("RGB", IMAGE_SIZE, start), Image.new("RGB", IMAGE_SIZE, end), mask)
    draw = ImageDraw.Draw(image, "RGBA")
    soft = (*shape, 60)
    solid = (*shape, 230)
    # A few soft circles behind every motif, so that no two images are alike.
    for _ in range(6):
        radius = rng.randint(80, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*shape, 22))
    cx, cy = width // 2 + rng.randint(-200, 200), height // 2 + rng.randint(-60, 60)

    if motif == "taimi":
        draw.rectangle((0, height - 170, width, height), fill=(*_shade(end, 0.8), 255))
        draw.line((cx, height - 170, cx, cy), fill=solid, width=22)
        draw.ellipse((cx - 300, cy - 170, cx - 10, cy + 10), fill=solid)
        draw.ellipse((cx + 10, cy - 250, cx + 330, cy - 50), fill=(*accent, 230))
    elif motif == "verkosto":
        points = [(rng.randint(120, width - 120), rng.randint(100, height - 100)) for _ in range(26)]
        for index, (x, y) in enumerate(points):
            for other in points[index + 1 : index + 3]:
                draw.line((x, y, *other), fill=soft, width=6)
        for index, (x, y) in enumerate(points):
            radius = 26 if index % 5 else 40
            draw.ellipse(
                (x - radius, y - radius, x + radius, y + radius),
                fill=(*accent, 235) if index % 7 == 0 else solid,
            )
    elif motif == "kartta":
        for _ in range(34):
            x, y = rng.randint(100, width - 100), rng.randint(140, height - 60)
            draw.ellipse((x - 24, y - 70, x + 24, y - 22), fill=solid)
            draw.polygon([(x - 20, y - 40), (x + 20, y - 40), (x, y)], fill=solid)
        x, y = cx, cy
        draw.ellipse((x - 50, y - 150, x + 50, y - 50), fill=(*accent, 245))
        draw.polygon([(x - 42, y - 90), (x + 42, y - 90), (x, y)], fill=(*accent, 245))
    elif motif == "asiakirjat":
        for index in range(4):
            x0, y0 = cx - 260 + index * 40, cy - 330 + index * 40
            draw.rounded_rectangle((x0, y0, x0 + 440, y0 + 580), radius=18, fill=(*shape, 120 + index * 40))
        x0, y0 = cx - 140, cy - 210
        for line in range(9):
            length = rng.randint(200, 380)
            draw.rounded_rectangle(
                (x0 + 40, y0 + 40 + line * 52, x0 + 40 + length, y0 + 62 + line * 52),
                radius=8,
                fill=(*start, 200),
            )
    elif motif == "pylvaat":
        bars = 9
        for index in range(bars):
            value = 0.25 + 0.7 * (index / bars) + rng.uniform(-0.08, 0.08)
            x0 = 180 + index * 140
            draw.rounded_rectangle(
                (x0, height - 120 - int(value * 600), x0 + 96, height - 120),
                radius=14,
                fill=(*accent, 235) if index == bars - 1 else solid,
            )
        draw.line((120, height - 110, width - 120, height - 110), fill=solid, width=8)
    elif motif == "kilpi":
        shield = [
            (cx - 230, cy - 300),
            (cx + 230, cy - 300),
            (cx + 230, cy - 20),
            (cx, cy + 320),
            (cx - 230, cy - 20),
        ]
        draw.polygon(shield, fill=solid)
        draw.rounded_rectangle((cx - 90, cy - 60, cx + 90, cy + 100), radius=16, fill=(*start, 255))
        draw.arc((cx - 70, cy - 170, cx + 70, cy - 10), 180, 360, fill=(*start, 255), width=26)
        draw.ellipse((cx - 20, cy - 5, cx + 20, cy + 35), fill=(*accent, 255))
    elif motif == "puhekuplat":
        draw.rounded_rectangle((cx - 480, cy - 260, cx + 40, cy + 40), radius=60, fill=solid)
        draw.polygon([(cx - 380, cy + 30), (cx - 300, cy + 30), (cx - 420, cy + 140)], fill=solid)
        draw.rounded_rectangle((cx - 60, cy - 60, cx + 460, cy + 220), radius=60, fill=(*accent, 235))
        draw.polygon([(cx + 300, cy + 210), (cx + 380, cy + 210), (cx + 420, cy + 320)], fill=(*accent, 235))
        for dot in range(3):
            x = cx - 300 + dot * 110
            draw.ellipse((x - 22, cy - 130, x + 22, cy - 86), fill=(*start, 255))
    elif motif == "kalenteri":
        x0, y0 = cx - 420, cy - 320
        draw.rounded_rectangle((x0, y0, x0 + 840, y0 + 640), radius=30, fill=(*shape, 215))
        draw.rounded_rectangle((x0, y0, x0 + 840, y0 + 110), radius=30, fill=(*_shade(start, 0.8), 255))
        marked = rng.randrange(35)
        for cell in range(35):
            row, column = divmod(cell, 7)
            x, y = x0 + 40 + column * 112, y0 + 140 + row * 96
            draw.rounded_rectangle(
                (x, y, x + 88, y + 72), radius=10, fill=(*accent, 255) if cell == marked else (*start, 60)
            )
    elif motif == "maisema":
        draw.ellipse((cx + 180, 90, cx + 420, 330), fill=(*accent, 220))
        for layer in range(4):
            base = height - 420 + layer * 110
            points = [(0, height)]
            for x in range(0, width + 100, 100):
                points.append((x, base + int(60 * rng.uniform(-1, 1))))
            points.append((width, height))
            draw.polygon(
                points, fill=(*_shade(shape if variant else end, 1 - layer * 0.18), 150 + layer * 25)
            )
    elif motif == "rakennus":
        x0, y0 = cx - 380, cy - 300
        draw.rectangle((x0, y0, x0 + 760, height), fill=(*shape, 220))
        for row in range(6):
            for column in range(7):
                x, y = x0 + 50 + column * 100, y0 + 50 + row * 95
                lit = rng.random() < 0.3
                draw.rectangle((x, y, x + 60, y + 60), fill=(*accent, 255) if lit else (*start, 190))
        draw.rectangle((cx - 60, height - 150, cx + 60, height), fill=(*start, 255))
    elif motif == "kolikot":
        for stack in range(5):
            x = 260 + stack * 280 + rng.randint(-30, 30)
            coins = rng.randint(4, 11)
            for coin in range(coins):
                y = height - 140 - coin * 46
                color = (*accent, 245) if stack == 2 else solid
                draw.ellipse((x - 110, y - 36, x + 110, y + 36), fill=color)
                draw.ellipse((x - 110, y - 46, x + 110, y + 26), fill=(*_shade(color[:3], 1.15), 255))
    elif motif == "ihmiset":
        people = 7
        for index in range(people):
            x = 180 + index * 205
            y = height - 80 - rng.randint(0, 60)
            color = (*accent, 240) if index == 3 else (*_shade(shape, 0.8 + 0.05 * index), 230)
            draw.ellipse((x - 60, y - 430, x + 60, y - 310), fill=color)
            draw.rounded_rectangle((x - 95, y - 290, x + 95, y + 40), radius=80, fill=color)
    else:  # pragma: no cover - a motif without a drawing
        raise ValueError(f"unknown motif {motif}")

    out = BytesIO()
    image.save(out, "JPEG", quality=86, optimize=True)
    return out.getvalue()


def rendition_specs() -> list[str]:
    """The renditions the feed cards and the article page use (see news.services)."""
    from news.services import CARD_RENDITIONS, HERO_RENDITIONS

    return list(dict.fromkeys(CARD_RENDITIONS + HERO_RENDITIONS))


def image_title(motif: str, variant: int) -> str:
    return f"Uutiskuva: {content.MOTIFS[motif][0]} {variant + 1}"


def ensure_images(progress: Progress = _quiet, *, done: int = 0, total: int = 0) -> dict:
    """The 24 hero images (two variants of each motif) and their renditions, created when missing.

    Returns a dict (motif, variant) -> image. The renditions the templates use
    are made now, so that nobody's first page view waits for them.
    """
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter
    from wagtail.models import Collection

    Image = get_image_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=IMAGE_COLLECTION)
    wanted = [(motif, variant) for motif in content.MOTIFS for variant in range(2)]
    existing = {
        image.title: image
        for image in Image.objects.filter(
            collection=collection, title__in=[image_title(*key) for key in wanted]
        )
    }
    filters = [Filter(spec=spec) for spec in rendition_specs()]
    have = set(
        Image.get_rendition_model()
        .objects.filter(
            image__in=list(existing.values()),
            filter_spec__in=[f.spec for f in filters],
        )
        .values_list("image_id", "filter_spec", "focal_point_key")
    )
    images, renditions = {}, []
    for key in wanted:
        title = image_title(*key)
        image, source = existing.get(title), None
        if image is None:
            source = draw_image(*key)
            image = Image(
                title=title,
                collection=collection,
                file=ImageFile(BytesIO(source), name=f"uutiskuva-{key[0]}-{key[1] + 1}.jpg"),
            )
            image._set_image_file_metadata()
            image.save()
        missing = [f for f in filters if (image.pk, f.spec, f.get_cache_key(image)) not in have]
        if missing and source is None:
            with image.open_file() as file:
                source = file.read()
        # Image.get_renditions() would do the same, a third slower (it reopens the file for each size).
        renditions.extend(image.generate_rendition_instance(f, BytesIO(source)) for f in missing)
        images[key] = image
        done += 1
        progress("news", done, total)
    Image.get_rendition_model().objects.bulk_create(renditions, ignore_conflicts=True)
    return images


# --- Loading ----------------------------------------------------------------------


def _by_slug(model, slugs) -> dict:
    return {obj.slug: obj for obj in model.objects.filter(slug__in=set(slugs))}


def _create_article(spec: ArticleSpec, *, index_page, sv_locale, images, categories, related) -> int:
    """Create, publish and back-date one article (and its Swedish version). Returns pages created."""
    from wagtail.models import PageLogEntry, Revision

    from news.models import NewsArticlePage

    image = images.get(spec.image) if spec.image else None
    alt_fi, alt_sv = content.MOTIFS[spec.motif][1:] if image else ("", "")
    page = NewsArticlePage(
        title=spec.finnish.title,
        slug=spec.slug,
        lead=spec.finnish.lead,
        body=spec.finnish.body,
        publisher=related["agencies"][spec.publisher],
        hero_image=image,
        hero_alt=alt_fi,
        pinned_until=spec.published_at + timedelta(days=spec.pinned_days) if spec.pinned_days else None,
        # Already announced: publishing demo articles must not notify 550 people (news.tasks).
        announced_at=spec.published_at,
    )
    page.categories = [categories[slug] for slug in spec.categories if slug in categories]
    for dimension, slugs in spec.audience.items():
        setattr(
            page,
            f"audience_{dimension}",
            [related[dimension][slug] for slug in slugs if slug in related[dimension]],
        )
    index_page.add_child(instance=page)  # validates the page (full_clean)
    page.save_revision(clean=False).publish()
    pages = [page.pk]
    if spec.translate and spec.swedish is not None and sv_locale is not None:
        swedish = page.copy_for_translation(sv_locale)
        swedish.title = swedish.draft_title = spec.swedish.title
        swedish.lead = spec.swedish.lead
        swedish.body = spec.swedish.body
        swedish.hero_alt = alt_sv
        swedish.announced_at = spec.published_at
        swedish.full_clean()
        swedish.save_revision(clean=False).publish()
        pages.append(swedish.pk)
    # publish() stamps "now"; the demo article was published on its own day.
    moment = spec.published_at
    NewsArticlePage.objects.filter(pk__in=pages).update(
        first_published_at=moment,
        last_published_at=moment,
        latest_revision_created_at=moment,
        announced_at=moment,
    )
    Revision.page_revisions.filter(object_id__in=[str(pk) for pk in pages]).update(created_at=moment)
    PageLogEntry.objects.filter(page_id__in=pages).update(timestamp=moment)
    return len(pages)


def _ensure_supplements(specs: list[ArticleSpec], index_page) -> int:
    from news.models import NewsArticlePage, RegionalSupplement
    from teams.models import Agency, Person

    agencies = _by_slug(Agency, SUPPLEMENT_AGENCIES)
    contexts = {agency["slug"]: agency for agency in build_context().regional}
    articles = {page.slug: page for page in NewsArticlePage.objects.child_of(index_page)}
    created = 0
    for (topic, body, body_sv), agency_slug in zip(content.SUPPLEMENTS, SUPPLEMENT_AGENCIES, strict=True):
        agency = agencies.get(agency_slug)
        spec = next((s for s in specs if s.topic == topic and not s.audience and s.slug in articles), None)
        if agency is None or spec is None or agency_slug not in contexts:
            continue
        place = contexts[agency_slug]
        values = {
            "agency": place["name_fi"],
            "agency_sv": place["name_sv"],
            "agency_gen": place["genitive"],
            "town": place["town"],
            "town_sv": place["town_sv"],
            "town_in": place["town_in"],
            "town_gen": place["town_gen"],
        }
        people = Person.objects.filter(agency=agency).select_related("user").order_by("user__username")
        contact = people.filter(user__username=REGIONAL_EDITOR).first() or people.first()
        _supplement, was_created = RegionalSupplement.objects.get_or_create(
            article=articles[spec.slug],
            agency=agency,
            defaults={
                "body": _fill(body, values),
                "body_sv": _fill(body_sv, values) or "",
                "contact": contact,
                "created_by": contact.user if contact else None,
            },
        )
        created += was_created
    return created


@dataclass
class NewsResult:
    articles: int = 0  # Finnish articles created
    translations: int = 0  # Swedish versions created
    images: int = 0
    supplements: int = 0

    @property
    def created(self) -> int:
        """Everything this run made (0 when the demo news was already there)."""
        return self.articles + self.translations + self.images + self.supplements


@transaction.atomic
def load_news(*, progress: Progress = _quiet, now: datetime | None = None) -> NewsResult:
    """Create the demo news that is missing (needs the demo organisation and the news section)."""
    from wagtail.images import get_image_model

    from news.setup import ensure_sections

    result = NewsResult()
    sections = ensure_sections()
    ctx = build_context()
    if not sections or not ctx.keha or not ctx.regional:
        return result  # no site or no organisation to publish for
    index_page = sections[0]
    specs = plan_articles(ctx, now=now or timezone.now())
    total = len(content.MOTIFS) * 2 + len(specs)
    images_before = get_image_model().objects.count()
    images = ensure_images(progress, total=total)
    result.images = get_image_model().objects.count() - images_before
    _load_articles(
        specs,
        index_page=index_page,
        images=images,
        result=result,
        progress=progress,
        done=len(images),
        total=total,
    )
    result.supplements = _ensure_supplements(specs, index_page)
    return result


def _load_articles(specs, *, index_page, images, result, progress, done, total) -> int:
    from wagtail.models import Locale

    from news.models import NewsArticlePage, NewsCategory
    from teams.models import Agency, Location, Team, Unit

    sv_locale = Locale.objects.filter(language_code="sv").first()

    existing = set(NewsArticlePage.objects.child_of(index_page).values_list("slug", flat=True))
    missing = [spec for spec in specs if spec.slug not in existing]
    related = {
        "agencies": _by_slug(
            Agency,
            [s.publisher for s in missing]
            + [slug for s in missing for slug in s.audience.get("agencies", [])],
        ),
        "locations": _by_slug(Location, [slug for s in missing for slug in s.audience.get("locations", [])]),
        "units": _by_slug(Unit, [slug for s in missing for slug in s.audience.get("units", [])]),
        "teams": _by_slug(Team, [slug for s in missing for slug in s.audience.get("teams", [])]),
    }
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    done += len(specs) - len(missing)
    progress("news", done, total)
    for spec in missing:
        pages = _create_article(
            spec,
            index_page=index_page,
            sv_locale=sv_locale,
            images=images,
            categories=categories,
            related=related,
        )
        result.articles += 1
        result.translations += pages - 1
        done += 1
        progress("news", done, total)
    return done
