"""The current draft of the strategy map, its published versions and their differences."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from strategy.models import Element, Version, Visit

KINDS = [kind for kind, _label in Element.Kind.choices]


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def current_elements() -> list[Element]:
    return list(Element.objects.select_related("owner_unit", "responsible").order_by("order", "pk"))


def by_kind(elements) -> dict[str, list]:
    grouped = {kind: [] for kind in KINDS}
    for element in elements:
        grouped[element.kind].append(element)
    return grouped


@dataclass(frozen=True)
class Published:
    """One element as a version froze it: what readers of the map see (the draft is for the rounds)."""

    kind: str
    key: str
    parent_key: str
    title: str
    body: str
    kind_label: str


def published_elements(version: Version | None, *, language: str) -> list[Published]:
    """The elements of a version in the reader's language (Finnish where a Swedish text is missing)."""
    labels = dict(Element.Kind.choices)
    if version is None:
        return []
    return [
        Published(
            kind=item["kind"],
            key=item["key"],
            parent_key=item.get("parent", ""),
            title=item.get(f"title_{language}") or item["title_fi"],
            body=item.get(f"body_{language}") or item["body_fi"],
            kind_label=str(labels.get(item["kind"], item["kind"])),
        )
        for item in version.elements
    ]


def latest_version() -> Version | None:
    return Version.objects.select_related("round").order_by("-number").first()


@transaction.atomic
def publish_version(*, user, change_note_fi: str, change_note_sv: str = "", round=None) -> Version:
    """Freeze the current draft as the next version (with its change note and the round that led to it)."""
    from search import indexing

    number = (Version.objects.select_for_update().aggregate(n=Max("number"))["n"] or 0) + 1
    elements = current_elements()
    version = Version.objects.create(
        number=number,
        published_by=user,
        change_note_fi=change_note_fi,
        change_note_sv=change_note_sv,
        round=round,
        elements=[element.snapshot() for element in elements],
    )
    indexing.record(refs=[f"strategy:{element.pk}" for element in elements])
    return version


def _lines(snapshot: list[dict], language: str) -> list[str]:
    labels = dict(Element.Kind.choices)
    lines = []
    for item in snapshot:
        title = item.get(f"title_{language}") or item["title_fi"]
        body = item.get(f"body_{language}") or item["body_fi"]
        lines.append(f"{labels.get(item['kind'], item['kind'])}: {title}")
        lines.extend(paragraphs(body))
    return lines


@dataclass(frozen=True)
class DiffLine:
    op: str  # "same", "added", "removed"
    text: str


def diff(old: list[dict], new: list[dict], *, language: str) -> list[DiffLine]:
    """The changes between two snapshots, paragraph by paragraph (difflib), unchanged ones left out."""
    result = []
    for line in difflib.ndiff(_lines(old, language), _lines(new, language)):
        code, text = line[:2], line[2:]
        if code == "+ ":
            result.append(DiffLine("added", text))
        elif code == "- ":
            result.append(DiffLine("removed", text))
    return result


def version_diff(version: Version, *, language: str) -> list[DiffLine]:
    previous = Version.objects.filter(number__lt=version.number).order_by("-number").first()
    return diff(previous.elements if previous else [], version.elements, language=language)


def changes_since_last_visit(*, user, language: str) -> dict:
    """What changed since the reader last saw the map (and which rounds led to it); marks the visit."""
    latest = latest_version()
    if latest is None:
        return {"first_visit": True, "versions": [], "lines": []}
    visit, created = Visit.objects.get_or_create(user=user, defaults={"version_number": 0})
    seen = visit.version_number
    versions = list(Version.objects.filter(number__gt=seen).select_related("round").order_by("number"))
    lines = []
    if versions and seen:
        base = Version.objects.filter(number=seen).first()
        lines = diff(base.elements if base else [], latest.elements, language=language)
    if seen != latest.number:
        Visit.objects.filter(pk=visit.pk).update(version_number=latest.number)
    return {"first_visit": seen == 0, "versions": versions, "lines": lines, "seen": seen}
