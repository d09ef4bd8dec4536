"""The audience boundary: who may read which instruction. Every reader-facing path goes through here.

An instruction's audience is a list of agency kinds (``keha``, ``ely``, ``te``,
``municipal_pilot``) or ``["everyone"]``. A person may read it when their
agency's kind is in the list, or when it is for everyone. People without a
profile (a technical account) read only what is for everyone; superusers and
administrators read everything. Editors who may edit an instruction can open
it too (to check their work), but listings show them what their own
organisation sees.

The search engine filters with the same rule: index each instruction with
:meth:`InstructionPage.audience_kinds` and query with
``audience IN audience_kinds_for(user) + ["everyone"]`` (docs/instructions.md).
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from core import roles, shell_cache
from instructions.models import AUDIENCE_FIELDS, InstructionPage
from instructions.permissions import editable_unit_ids, is_library_admin

ALL_KINDS = tuple(AUDIENCE_FIELDS)


def audience_kinds_for(user) -> list[str]:
    """The agency kinds whose instructions the user may read (besides those for everyone).

    One query the first time, then cached on the user object for the request.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_instruction_audience_kinds", None)
    if cached is not None:
        return cached
    if is_library_admin(user):
        kinds = list(ALL_KINDS)
    else:
        from teams.models import Person

        kind = Person.objects.filter(user=user).values_list("agency__kind", flat=True).first()
        kinds = [kind] if kind in AUDIENCE_FIELDS else []
    user._instruction_audience_kinds = kinds
    return kinds


def audience_kinds_of(person) -> list[str]:
    """:func:`audience_kinds_for` of someone else, from their Person (``user__groups`` prefetched)."""
    user = person.user
    if user.is_superuser or any(group.name == roles.ADMINISTRATORS for group in user.groups.all()):
        return list(ALL_KINDS)
    kind = person.agency.kind if person.agency_id else None
    return [kind] if kind in AUDIENCE_FIELDS else []


def audience_q(kinds, prefix: str = "") -> Q:
    """Rows offered to any of ``kinds`` or to everyone (``prefix`` for a related lookup)."""
    condition = Q(**{f"{prefix}for_everyone": True})
    for kind in kinds:
        condition |= Q(**{f"{prefix}{AUDIENCE_FIELDS[kind]}": True})
    return condition


def valid_q(*, today=None, prefix: str = "") -> Q:
    """Not past its validity (valid_until empty or today or later)."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": today})


def default_locale_id() -> int:
    """The default content locale's id (core.locales: cached per process, no query per page)."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    from core.locales import locale_id

    found = locale_id(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return found if found is not None else Locale.get_default().pk


def originals() -> QuerySet[InstructionPage]:
    """One row per instruction: the live Finnish version, or the Swedish one when there is no live Finnish one."""
    from django.db.models import Exists, OuterRef

    finnish = default_locale_id()
    has_live_finnish = InstructionPage.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=finnish, live=True
    )
    return InstructionPage.objects.live().filter(Q(locale_id=finnish) | ~Exists(has_live_finnish))


def visible_instructions(*, user, include_expired: bool = False) -> QuerySet[InstructionPage]:
    """The live instructions (originals) the user may read; expired ones only when asked for.

    The one filter every listing, feed, related list and onboarding path uses:
    the audience, plus an instruction owner's own unit's instructions.
    """
    condition = audience_q(audience_kinds_for(user))
    units = editable_unit_ids(user) if getattr(user, "is_authenticated", False) else set()
    if units:
        # Owners also find their own unit's instructions (they may open them: can_read).
        condition |= Q(owner_unit_id__in=units)
    instructions = originals().filter(condition)
    if not include_expired:
        instructions = instructions.filter(valid_q())
    return instructions


def in_audience(*, user, page: InstructionPage) -> bool:
    """Is the instruction offered to the user's organisation (no query after the first)?"""
    if page.for_everyone:
        return getattr(user, "is_authenticated", False)
    return any(getattr(page, AUDIENCE_FIELDS[kind]) for kind in audience_kinds_for(user))


def can_read(*, user, page: InstructionPage) -> bool:
    """In the audience, or one of the people who may edit it."""
    if in_audience(user=user, page=page):
        return True
    if not (getattr(user, "is_authenticated", False) and shell_cache.can_access_admin(user)):
        return False
    return page.permissions_for_user(user).can_edit()


def can_download(*, user, document) -> bool | None:
    """May the user download this document? None when no instruction attaches it (not ours to decide).

    An attached document is served to people who may read at least one live
    instruction version attaching it, and to those who may edit one of them
    (a draft's attachment is visible to its editors only).
    """
    from instructions.models import InstructionAttachment

    page_ids = list(InstructionAttachment.objects.filter(document=document).values_list("page_id", flat=True))
    if not page_ids:
        return None
    pages = InstructionPage.objects.filter(pk__in=page_ids)
    if pages.filter(live=True).filter(audience_q(audience_kinds_for(user))).exists():
        return True
    if getattr(user, "is_authenticated", False) and shell_cache.can_access_admin(user):
        return any(page.permissions_for_user(user).can_edit() for page in pages)
    return False
