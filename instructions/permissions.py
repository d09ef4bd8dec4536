"""Who may edit which instruction, beyond Wagtail's tree-based page permissions.

The instruction owners ("Ohjeiden omistajat") hold add/change/publish on the
library section (core/roles.py); :class:`InstructionPermissionTester`
narrows every page action to instructions whose owner unit is the owner's own
unit, and :class:`instructions.forms.InstructionPageForm` offers and
accepts only that unit. Administrators and superusers edit every instruction;
nobody else edits instructions at all (the communication unit's site-wide
rights stop at the library). Both checks sit on Wagtail's own admin URLs, so a
hand-made POST gets no further than the UI.
"""

from core import roles, shell_cache
from core.page_permissions import ScopedPagePermissionTester


def _group_names(user) -> set[str]:
    cached = getattr(user, "_instruction_group_names", None)
    if cached is None:
        if user.is_superuser or shell_cache.can_access_admin(user):
            cached = set(user.groups.values_list("name", flat=True))
        else:
            # Both roles asked about here open the admin (core.roles): a reader who may not (the site
            # shell's cached answer, renewed when groups or permissions change) is in neither. No groups
            # query on the library's pages for readers.
            cached = set()
        user._instruction_group_names = cached
    return cached


def is_library_admin(user) -> bool:
    """Administrators and superusers: every instruction, every unit."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or roles.ADMINISTRATORS in _group_names(user)


def is_owner(user) -> bool:
    return bool(user.is_authenticated and user.is_active and roles.INSTRUCTION_OWNERS in _group_names(user))


def owner_unit_id(user) -> int | None:
    """The unit an instruction owner may edit: their own Person's unit (cached on the user object)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_instruction_owner_unit"):
        from teams.models import Person

        user._instruction_owner_unit = (
            Person.objects.filter(user=user).values_list("unit_id", flat=True).first()
        )
    return user._instruction_owner_unit


def can_edit_unit(user, unit_id: int | None) -> bool:
    """May the user edit (and confirm, and see feedback of) instructions owned by this unit?"""
    if is_library_admin(user):
        return True
    return is_owner(user) and unit_id is not None and unit_id == owner_unit_id(user)


def editable_unit_ids(user) -> set[int] | None:
    """The owner units whose instructions the user may edit; None means all (administrators)."""
    if is_library_admin(user):
        return None
    unit = owner_unit_id(user) if is_owner(user) else None
    return {unit} if unit else set()


class InstructionPermissionTester(ScopedPagePermissionTester):
    """Wagtail's tester, limited to instructions of the user's own unit (administrators: all)."""

    def owns_page(self) -> bool:
        from instructions.models import InstructionPage

        page = self.page
        unit_id = page.owner_unit_id
        if page.pk and page.locale_id:
            # A translation is governed by its original's owner unit.
            original = (
                InstructionPage.objects.filter(
                    translation_key=page.translation_key, locale__language_code="fi"
                )
                .values_list("owner_unit_id", flat=True)
                .first()
            )
            unit_id = original or unit_id
        return can_edit_unit(self.user, unit_id)
