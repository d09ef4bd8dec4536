"""The library's listing (facets with counts, the page of results) kept as cached HTML.

``/ohjeet/`` cost about three times a bare page: five aggregate queries for the
facet counts, the paginator's count, the page of instructions and the
template. What it shows depends only on:

* what the reader may see: their audience kinds and, for instruction owners,
  their unit (instructions.access) — not on who they are, so every reader
  of an agency kind shares the entries;
* the date (validity and "under review" change at midnight);
* the filters and page in the query string, and the reader's language;
* the instructions, topics, process areas, units and the page tree, whose
  changes (a save, publish, unpublish, delete, move or slug change, also the
  worker's scheduled publishing) replace a generation token that is part of
  every key;
* the templates (a hash of them, taken once per process).

With Redis (production) every process shares the entries and the token; with
the in-process cache, a change made in another process shows when the
entries expire (``SECONDS``).
"""

import functools
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import get_language

from core import generations

BODY_TEMPLATE = "instructions/_library_body.html"
SECONDS = 60 * 60
GENERATION_KEY = "instructions:library:generation"


def generation() -> str:
    return generations.current(GENERATION_KEY)


def forget(**kwargs) -> None:
    """Signal receiver: something the listing shows changed (seen by every process: core.generations)."""
    generations.renew(GENERATION_KEY)


@functools.cache
def code_version() -> str:
    digest = hashlib.sha1()
    for name in (BODY_TEMPLATE, "instructions/_item.html", "teams/_pagination.html"):
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:12]


def _seen(audience_kinds, unit_ids) -> str:
    """The visibility part of a key; ``unit_ids`` None means every unit (library administrators)."""
    units = "*" if unit_ids is None else ",".join(str(pk) for pk in sorted(unit_ids))
    return ",".join(sorted(audience_kinds or [])) + "/" + units


def key_for(*, request, audience_kinds, unit_ids) -> str:
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    visibility = _seen(audience_kinds, unit_ids)
    digest = hashlib.sha1(f"{visibility}|{query}".encode()).hexdigest()[:20]
    language = get_language() or settings.LANGUAGE_CODE
    return f"instructions:library:{generation()}:{code_version()}:{language}:{timezone.localdate()}:{digest}"


def visibility(user) -> tuple[list[str], set[int]]:
    """What decides which instructions a reader sees: audience kinds, and an owner's editable units."""
    from instructions import access

    units = access.editable_unit_ids(user) if getattr(user, "is_authenticated", False) else set()
    return access.audience_kinds_for(user), units


def related_key(*, page_id: int, user) -> str:
    """The key of an instruction's related list for this reader (same parts as the listing's key)."""
    seen = _seen(*visibility(user))
    language = get_language() or settings.LANGUAGE_CODE
    return (
        f"instructions:related:{generation()}:{language}:{timezone.localdate()}:{page_id}:"
        f"{hashlib.sha1(seen.encode()).hexdigest()[:20]}"
    )


def connect() -> None:
    """Connect the receivers (instructions.apps.InstructionsConfig.ready)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

    from instructions.models import InstructionLibraryPage, InstructionPage, ProcessArea, Topic
    from teams.models import Unit

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        for model in (InstructionPage, InstructionLibraryPage, Topic, ProcessArea, Unit, Locale, Site):
            signal.connect(forget, sender=model, dispatch_uid=f"instructions.library.{name}.{model.__name__}")
    post_delete.connect(forget, sender=Page, dispatch_uid="instructions.library.delete.Page")
    page_unpublished.connect(forget, dispatch_uid="instructions.library.unpublished")
    post_page_move.connect(forget, dispatch_uid="instructions.library.move")
    page_slug_changed.connect(forget, dispatch_uid="instructions.library.slug")
