"""Loads the demo instruction library (run by ``manage.py demo_data``).

About 490 instructions over the 17 topics of instructions.demo_content (one per
subject and kind: work instruction, onboarding material, administrative
guidance, form, TE-akatemia course), about a tenth with a Swedish version, each
owned by the unit that would keep it, with one or two contact people from that
unit, audiences by topic (TE work instructions equally to TE offices and the
municipal pilots, access control only for KEHA, ...), review dates of which
some are overdue or due soon, some instructions expired (half with a
replacement), change logs with material changes, three onboarding paths with
progress, and readers' feedback.

Idempotent: instructions are keyed by slug under the Finnish library; paths by
slug; feedback, progress and visits are only added with the instructions they
belong to. A fixed seed makes the same library on every machine; the dates
follow the day of loading. Pages are inserted in bulk (instructions.bulk).
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from demo import instructions_content as content
from demo import instructions_engagement as demo_engagement
from instructions.bulk import bulk_add_children

SEED = 2026
# A tenth of the instructions also in Swedish (the issue asks for about that).
SWEDISH_SHARE = 0.10
# Review states: overdue, due within the reminder window, expired (past validity).
OVERDUE_SHARE = 0.08
SOON_SHARE = 0.05
EXPIRED_SHARE = 0.04
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class Spec:
    slug: str
    title: str
    lead: str
    kind: str
    topic: str
    area: str
    unit: str
    audience: list
    body: list
    published_at: datetime.datetime
    next_review: datetime.date
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    contacts: int = 1
    changes: list = field(default_factory=list)  # [(published_at, note, material)]
    swedish: dict | None = None
    related: list = field(default_factory=list)  # slugs
    replacement: str | None = None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _values(subject) -> dict:
    nom, gen, sv = subject
    return {"nom": nom, "gen": gen, "sv": sv, "nom_cap": _cap(nom), "gen_cap": _cap(gen), "sv_cap": _cap(sv)}


def _body(rng, topic_slug: str, values: dict, kind: str) -> list:
    """Headings, paragraphs, steps, notices, maybe a table, and the legal basis; no sentence twice."""
    facts, steps, warning, tip, legal = content.TOPIC_TEXT[topic_slug]
    headings = rng.sample(content.GENERIC_HEADINGS, k=rng.randint(2, 4))
    sentences = facts + [sentence.format(**values) for sentence in content.GENERIC]
    rng.shuffle(sentences)

    def take(count: int) -> str:
        chosen = [sentences.pop() for _ in range(min(count, len(sentences)))]
        return "<p>" + " ".join(chosen) + "</p>" if chosen else ""

    body = [("paragraph", take(2))]
    for number, heading in enumerate(headings):
        body.append(("heading", heading))
        paragraph = take(rng.randint(2, 3))
        if paragraph:
            body.append(("paragraph", paragraph))
        if number == 0 and kind in ("work_instruction", "onboarding", "form"):
            chosen = steps[: rng.randint(3, len(steps))]
            body.append(("steps", {"steps": [{"title": step, "text": ""} for step in chosen]}))
        if number == 1:
            body.append(("notice", {"kind": "warning", "text": f"<p>{warning}</p>"}))
    if rng.random() < 0.6:
        body.append(("notice", {"kind": "tip", "text": f"<p>{tip}</p>"}))
    table = content.TABLES.get(topic_slug)
    if table and rng.random() < 0.5:
        body.append(
            (
                "table",
                {
                    "data": table,
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "",
                    "table_header_choice": "row",
                },
            )
        )
    statute, section, url = legal
    body.append(("legal_reference", {"statute": statute, "section": section, "url": url}))
    return body


def _swedish(rng, values: dict, kind: str) -> dict:
    body = []
    for heading in rng.sample(content.SWEDISH_HEADINGS, k=2):
        body.append(("heading", heading))
        body.append(("paragraph", "<p>" + " ".join(rng.sample(content.SWEDISH_SENTENCES, k=3)) + "</p>"))
    body.insert(2, ("steps", {"steps": [{"title": step, "text": ""} for step in content.SWEDISH_STEPS]}))
    return {
        "title": content.SWEDISH_TITLE_PATTERNS[kind].format(**values),
        "lead": content.SWEDISH_LEAD.format(**values),
        "body": body,
    }


def plan(*, today: datetime.date, now: datetime.datetime) -> list[Spec]:
    """The whole demo library as specs (pure: no database)."""
    rng = random.Random(SEED)
    specs, used = [], set()
    for slug, _fi, _sv, _en, unit, area, audience, kinds in content.TOPICS:
        for subject in content.SUBJECTS[slug]:
            values = _values(subject)
            for kind in kinds:
                title = rng.choice(content.TITLE_PATTERNS[kind]).format(**values)
                page_slug = base = slugify(title)[:70].strip("-")
                number = 2
                while page_slug in used or page_slug in _RESERVED:
                    page_slug, number = f"{base}-{number}", number + 1
                used.add(page_slug)
                kind_audience = list(audience)
                if not kind_audience and rng.random() < 0.1:
                    kind_audience = list(content.CLIENT_AGENCIES)
                if slug == "palkkatuki" and kind in ("work_instruction", "form") and rng.random() < 0.5:
                    kind_audience = ["keha"]  # the payments unit's own processing instructions
                published_at = now - datetime.timedelta(days=rng.randint(20, 700), hours=rng.randint(0, 8))
                roll = rng.random()
                if roll < OVERDUE_SHARE:
                    next_review = today - datetime.timedelta(days=rng.randint(1, 120))
                elif roll < OVERDUE_SHARE + SOON_SHARE:
                    next_review = today + datetime.timedelta(days=rng.randint(0, 13))
                else:
                    next_review = today + datetime.timedelta(days=rng.randint(20, 360))
                spec = Spec(
                    slug=page_slug,
                    title=title,
                    lead=rng.choice(content.LEADS[kind]).format(**values),
                    kind=kind,
                    topic=slug,
                    area=area,
                    unit=unit,
                    audience=kind_audience,
                    body=_body(rng, slug, values, kind),
                    published_at=published_at,
                    next_review=next_review,
                    valid_from=timezone.localdate(published_at),
                    contacts=rng.choice([1, 1, 2]),
                )
                if rng.random() < EXPIRED_SHARE:
                    spec.valid_until = today - datetime.timedelta(days=rng.randint(1, 90))
                for _change in range(rng.choice([0, 1, 1, 2, 3])):
                    note, material = rng.choice(content.CHANGE_NOTES)
                    moment = published_at + datetime.timedelta(
                        days=rng.randint(1, max(2, (now - published_at).days))
                    )
                    spec.changes.append((min(moment, now), note, material))
                spec.changes.sort()
                if rng.random() < SWEDISH_SHARE:
                    spec.swedish = _swedish(rng, values, kind)
                specs.append(spec)
    by_topic = defaultdict(list)
    for spec in specs:
        by_topic[spec.topic].append(spec)
    for spec in specs:
        siblings = [
            other.slug for other in by_topic[spec.topic] if other is not spec and not other.valid_until
        ]
        spec.related = rng.sample(siblings, k=min(3, len(siblings)))
        if spec.valid_until and rng.random() < 0.5 and siblings:
            spec.replacement = rng.choice(siblings)
    # A few instructions with a material change today, so that the demo shows the highlight.
    for spec in specs[:: max(1, len(specs) // 6)][:6]:
        if not spec.valid_until:
            spec.changes.append(
                (
                    now - datetime.timedelta(hours=2),
                    "Käsittelyn määräaika muuttui: lue kohta ”Määräajat” uudelleen.",
                    True,
                )
            )
    return specs


_RESERVED = {"perehdytys", "muutokset", "atom", "palaute", "voimassa"}


@dataclass
class Result:
    instructions: int = 0
    swedish: int = 0
    paths: int = 0

    @property
    def created(self) -> int:
        return self.instructions + self.swedish + self.paths


def _taxonomy() -> tuple[dict, dict]:
    from instructions.models import ProcessArea, Topic

    topics, areas = {}, {}
    for order, (slug, fi, sv, en, *_rest) in enumerate(content.TOPICS):
        topics[slug], _created = Topic.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
    for order, (slug, fi, sv, en) in enumerate(content.PROCESS_AREAS):
        areas[slug], _created = ProcessArea.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
    return topics, areas


def load_instructions(*, progress: Progress = _quiet, now: datetime.datetime | None = None) -> Result:
    """Create what is missing of the demo library. Returns what was created."""
    from instructions import setup
    from instructions.models import InstructionPage
    from teams.models import Person, Unit

    result = Result()
    sections = setup.ensure_sections()
    units = {unit.slug: unit for unit in Unit.objects.all()}
    if not sections or not units:
        return result
    library = sections[0]
    now = now or timezone.now()
    today = timezone.localdate(now)
    specs = plan(today=today, now=now)
    topics, areas = _taxonomy()
    existing = set(InstructionPage.objects.child_of(library).values_list("slug", flat=True))
    missing = [spec for spec in specs if spec.slug not in existing and spec.unit in units]
    total = len(specs)
    progress("instructions", total - len(missing), total)
    if missing:
        people_by_unit = defaultdict(list)
        for person_id, unit_id in (
            Person.objects.filter(user__is_active=True, unit__isnull=False)
            .order_by("user__username")
            .values_list("pk", "unit_id")
        ):
            people_by_unit[unit_id].append(person_id)
        _create(
            missing,
            library=library,
            sections=sections,
            units=units,
            topics=topics,
            areas=areas,
            people_by_unit=people_by_unit,
            result=result,
            progress=progress,
            total=total,
        )
        _link(specs, library=library)
        demo_engagement.load_feedback(slugs=[spec.slug for spec in missing], library=library, now=now)
        _index(slugs=[spec.slug for spec in missing])
    result.paths = _paths(library=library)
    if result.paths:
        demo_engagement.load_progress()
    return result


def _instance(spec: Spec, *, topics, areas, units, people_by_unit, rng, locale_id=None, swedish=False):
    from instructions.models import AUDIENCE_FIELDS, InstructionPage

    text = spec.swedish if swedish else {"title": spec.title, "lead": spec.lead, "body": spec.body}
    last = spec.changes[-1] if spec.changes else None
    page = InstructionPage(
        title=text["title"],
        slug=spec.slug,
        lead=text["lead"],
        body=text["body"],
        kind=spec.kind,
        topic=topics[spec.topic],
        process_area=areas[spec.area],
        owner_unit=units[spec.unit],
        valid_from=spec.valid_from,
        valid_until=spec.valid_until,
        next_review_date=spec.next_review,
        first_published_at=spec.published_at,
        last_published_at=last[0] if last else spec.published_at,
        pending_change_note=last[1] if last else "",
        pending_material=bool(last and last[2]),
        for_everyone=not spec.audience,
        **{AUDIENCE_FIELDS[kind]: True for kind in spec.audience},
    )
    if locale_id:
        page.locale_id = locale_id
    return page


def _create(missing, *, library, sections, units, topics, areas, people_by_unit, result, progress, total):
    from instructions.models import ChangeLogEntry, InstructionAttachment

    rng = random.Random(SEED + 1)
    done = total - len(missing)
    chunk = 100
    for offset in range(0, len(missing), chunk):
        batch = missing[offset : offset + chunk]
        pages = [
            _instance(spec, topics=topics, areas=areas, units=units, people_by_unit=people_by_unit, rng=rng)
            for spec in batch
        ]
        contacts = []
        for spec in batch:
            pool = people_by_unit.get(units[spec.unit].pk, [])
            contacts.append(rng.sample(pool, k=min(spec.contacts, len(pool))) if pool else [])
        bulk_add_children(library, pages, m2m={"contacts": contacts})
        result.instructions += len(pages)
        swedish_specs = [(spec, page) for spec, page in zip(batch, pages) if spec.swedish]
        if swedish_specs and len(sections) > 1:
            translations = []
            for spec, page in swedish_specs:
                translation = _instance(
                    spec,
                    topics=topics,
                    areas=areas,
                    units=units,
                    people_by_unit=people_by_unit,
                    rng=rng,
                    locale_id=sections[1].locale_id,
                    swedish=True,
                )
                translation.translation_key = page.translation_key
                translation.pending_change_note, translation.pending_material = "", False
                translations.append(translation)
            bulk_add_children(
                sections[1],
                translations,
                m2m={"contacts": [contacts[batch.index(spec)] for spec, _page in swedish_specs]},
            )
            result.swedish += len(translations)
        ChangeLogEntry.objects.bulk_create(
            [
                ChangeLogEntry(
                    translation_key=page.translation_key,
                    page=page,
                    language="fi",
                    published_at=moment,
                    note=note,
                    material=material,
                    revision_id=page.live_revision_id if index == len(spec.changes) - 1 else None,
                )
                for spec, page in zip(batch, pages)
                for index, (moment, note, material) in enumerate(spec.changes)
            ]
        )
        InstructionAttachment.objects.bulk_create(
            [
                InstructionAttachment(page=page, document_id=pk)
                for page in pages
                for pk in page.document_ids()
            ],
            ignore_conflicts=True,
        )
        done += len(batch)
        progress("instructions", done, total)


def _link(specs, *, library) -> None:
    """Related instructions and replacements, by slug (after every page exists)."""
    from instructions.models import InstructionPage

    ids = dict(InstructionPage.objects.child_of(library).values_list("slug", "id"))
    through = InstructionPage.related.through
    through.objects.bulk_create(
        [
            through(from_instructionpage_id=ids[spec.slug], to_instructionpage_id=ids[slug])
            for spec in specs
            if spec.slug in ids
            for slug in spec.related
            if slug in ids
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    for spec in specs:
        if spec.replacement and spec.slug in ids and spec.replacement in ids:
            InstructionPage.objects.filter(
                translation_key__in=InstructionPage.objects.filter(pk=ids[spec.slug]).values(
                    "translation_key"
                )
            ).update(replacement_id=ids[spec.replacement])


def _index(*, slugs) -> None:
    """Add the new pages to Wagtail's search index (the embedded /haku/; bulk pages send no signals).

    About 4 s for 500 pages on SQLite; the search issue's own index replaces this.
    """
    from wagtail.search.backends import get_search_backend

    from instructions.models import InstructionPage

    pages = list(InstructionPage.objects.filter(slug__in=slugs).select_related("locale"))
    get_search_backend().add_bulk(InstructionPage, pages)


def _paths(*, library) -> int:
    from instructions.models import InstructionPage, OnboardingPath, OnboardingStep

    created = 0
    for order, (slug, fi, sv, en, description_fi, description_sv, topics) in enumerate(
        content.ONBOARDING_PATHS
    ):
        if OnboardingPath.objects.filter(slug=slug).exists():
            continue
        path = OnboardingPath.objects.create(
            slug=slug,
            name_fi=fi,
            name_sv=sv,
            name_en=en,
            sort_order=order,
            description_fi=description_fi,
            description_sv=description_sv,
        )
        steps = []
        for topic in topics:
            first = (
                InstructionPage.objects.child_of(library)
                .filter(topic__slug=topic, valid_until__isnull=True)
                .order_by("-kind", "title")
                .filter(kind__in=["onboarding", "course", "administrative"])
                .first()
            )
            if first is not None:
                steps.append(OnboardingStep(path=path, instruction=first, sort_order=len(steps)))
        OnboardingStep.objects.bulk_create(steps)
        created += 1
    return created
