"""Browsing the library: filters, facet counts and the reader's language (a fixed number of queries).

``browse()`` takes the reader's filters (topic, process area, kind, audience,
words in the title) and returns the page of instructions plus, for every facet,
the values with their counts *given the other filters* (the usual faceted
navigation: choosing a topic shows how many of each kind that topic has).
Every count is over what the reader may see (instructions.access), so a count
never reveals that a restricted instruction exists.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from instructions import access
from instructions.models import (
    AUDIENCE_FIELDS,
    EVERYONE,
    InstructionKind,
    InstructionPage,
    ProcessArea,
    Topic,
)

# Thirty titles with their summaries fit a long screen and stay light on a phone.
PAGE_SIZE = 30
FACETS = ("topic", "area", "kind", "audience")


@dataclass
class Filters:
    topic: Topic | None = None
    area: ProcessArea | None = None
    kind: str | None = None
    audience: str | None = None
    words: str = ""

    def q(self, *, skip: str | None = None) -> Q:
        condition = Q()
        if self.topic is not None and skip != "topic":
            condition &= Q(topic=self.topic)
        if self.area is not None and skip != "area":
            condition &= Q(process_area=self.area)
        if self.kind and skip != "kind":
            condition &= Q(kind=self.kind)
        if self.audience and skip != "audience":
            condition &= (
                Q(for_everyone=True)
                if self.audience == EVERYONE
                else Q(**{AUDIENCE_FIELDS[self.audience]: True})
            )
        if self.words:
            for word in self.words.split()[:8]:
                condition &= Q(title__icontains=word) | Q(lead__icontains=word)
        return condition


def audience_labels() -> dict:
    from django.utils.translation import gettext as _

    return {
        EVERYONE: _("Everyone"),
        "keha": _("KEHA Centre"),
        "ely": _("ELY Centres"),
        "te": _("TE Offices"),
        "municipal_pilot": _("Municipal employment pilots"),
    }


def facet_counts(base, filters: Filters) -> dict:
    """Values and counts of each facet, each under the other filters (five queries)."""
    topic_counts = dict(
        base.filter(filters.q(skip="topic")).values_list("topic_id").annotate(n=Count("pk")).order_by()
    )
    area_counts = dict(
        base.filter(filters.q(skip="area"))
        .exclude(process_area=None)
        .values_list("process_area_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    kind_counts = dict(
        base.filter(filters.q(skip="kind")).values_list("kind").annotate(n=Count("pk")).order_by()
    )
    audience = base.filter(filters.q(skip="audience")).aggregate(
        **{EVERYONE: Count("pk", filter=Q(for_everyone=True))},
        **{kind: Count("pk", filter=Q(**{field: True})) for kind, field in AUDIENCE_FIELDS.items()},
    )
    topics = [(topic, topic_counts[topic.pk]) for topic in Topic.objects.filter(pk__in=topic_counts)]
    areas = [(area, area_counts[area.pk]) for area in ProcessArea.objects.filter(pk__in=area_counts)]
    labels = audience_labels()
    return {
        "topic": [
            {"value": t.slug, "label": t.name, "count": n, "selected": filters.topic == t} for t, n in topics
        ],
        "area": [
            {"value": a.slug, "label": a.name, "count": n, "selected": filters.area == a} for a, n in areas
        ],
        "kind": [
            {"value": value, "label": label, "count": kind_counts[value], "selected": filters.kind == value}
            for value, label in InstructionKind.choices
            if kind_counts.get(value)
        ],
        "audience": [
            {
                "value": value,
                "label": labels[value],
                "count": audience[value],
                "selected": filters.audience == value,
            }
            for value in [EVERYONE, *AUDIENCE_FIELDS]
            if audience[value]
        ],
    }


def browse(*, user, filters: Filters):
    """The reader's instructions under the filters (a queryset to paginate) and the facets."""
    base = access.visible_instructions(user=user)
    instructions = (
        base.filter(filters.q()).select_related("topic", "owner_unit").defer("body").order_by("title", "pk")
    )
    return instructions, facet_counts(base, filters)


@dataclass
class Item:
    """An instruction in a list: metadata from the original, title and summary in the reader's language."""

    instruction: InstructionPage
    text: InstructionPage


def in_reader_language(instructions, *, language: str | None = None) -> list[Item]:
    """Pair each instruction with its live version in the reader's language (one query for the list)."""
    from wagtail.models import Locale

    instructions = list(instructions)
    language = (language or get_language() or "fi")[:2]
    versions = {}
    if language != "fi" and instructions:
        wanted = Locale.objects.filter(language_code=language).first()
        if wanted is not None:
            keys = [i.translation_key for i in instructions if i.locale_id != wanted.pk]
            versions = {
                version.translation_key: version
                for version in InstructionPage.objects.live()
                .filter(locale=wanted, translation_key__in=keys)
                .only("id", "title", "lead", "translation_key", "locale_id", "url_path")
            }
    return [Item(instruction=i, text=versions.get(i.translation_key, i)) for i in instructions]


def related_for(*, user, page, cached: bool = True) -> list[Item]:
    """The related instructions the reader may see (valid, in their audience), in their language.

    ``page`` is the original (instructions.page_context.original_of). Kept in the cache under the
    library's key (instructions.library_cache: visibility, language, date, generation), so an edit
    of any instruction shows at once.
    """
    from django.core.cache import cache

    from instructions import library_cache

    if not cached:  # a draft's preview: its relations are not the live page's
        return _related(user=user, page=page)
    key = library_cache.related_key(page_id=page.pk, user=user)
    related = cache.get(key)
    if related is None:
        related = _related(user=user, page=page)
        cache.set(key, related, library_cache.SECONDS)
    return related


def _related(*, user, page) -> list[Item]:
    # "id", not "pk": a draft's preview has its relations in memory (modelcluster), which know no "pk".
    ids = page.related.values_list("id", flat=True)
    related_keys = InstructionPage.objects.filter(
        pk__in=ids if isinstance(ids, QuerySet) else list(ids)
    ).values("translation_key")
    related = (
        access.visible_instructions(user=user)
        .filter(translation_key__in=related_keys)
        .defer("body")
        .order_by("title")
    )
    return in_reader_language(related)
