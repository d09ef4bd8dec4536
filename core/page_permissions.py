"""A Wagtail page-permission tester narrowed by one extra rule.

News (regional editors: their own agency's articles) and the instruction
library (owners: their own unit's instructions) both take Wagtail's answer for
each action and add "and this page is yours". Subclasses say what "yours"
means in ``owns_page``; every action Wagtail checks goes through the gate, so
the admin's buttons and direct POSTs to its URLs agree.
"""

from functools import cached_property

from wagtail.models import PagePermissionTester


class ScopedPagePermissionTester(PagePermissionTester):
    def owns_page(self) -> bool:
        raise NotImplementedError

    @cached_property
    def _owns_page(self) -> bool:
        return self.owns_page()

    def _gate(self, allowed: bool) -> bool:
        return allowed and self._owns_page

    def can_edit(self):
        return self._gate(super().can_edit())

    def can_delete(self, ignore_bulk=False):
        return self._gate(super().can_delete(ignore_bulk=ignore_bulk))

    def can_publish(self):
        return self._gate(super().can_publish())

    def can_unpublish(self):
        return self._gate(super().can_unpublish())

    def can_submit_for_moderation(self):
        return self._gate(super().can_submit_for_moderation())

    def can_unschedule(self):
        return self._gate(super().can_unschedule())

    def can_lock(self):
        return self._gate(super().can_lock())

    def can_unlock(self):
        return self._gate(super().can_unlock())

    def can_move(self):
        return self._gate(super().can_move())

    def can_copy(self):
        return self._gate(super().can_copy())

    def can_view_revisions(self):
        return self._gate(super().can_view_revisions())
