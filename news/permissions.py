"""Who may do what with news, beyond Wagtail's tree-based page permissions.

Wagtail grants page permissions per subtree (the news section, intranet/roles.py).
Regional editors hold add/change/publish there, but only for their own agency's
news: :class:`NewsArticlePermissionTester` narrows every page action (edit,
publish, unpublish, delete, move, copy, lock, revisions) to articles whose
publisher is one of the user's agencies, and :class:`news.forms.NewsArticleForm`
refuses any other publisher or audience. Both apply to Wagtail's own admin URLs,
so a hand-made POST gets no further than the UI.
"""

from functools import cached_property

from wagtail.models import PagePermissionTester

from intranet import roles


def is_national_editor(user) -> bool:
    """Communication unit, its approvers, administrators and superusers edit all news."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    names = _group_names(user)
    return bool(names & {roles.COMMUNICATION, roles.COMMUNICATION_APPROVERS, roles.ADMINISTRATORS})


def editor_agency_ids(user) -> set[int]:
    """The agencies whose regional editors' group the user belongs to (cached on the user object)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_news_editor_agency_ids", None)
    if cached is None:
        from teams.models import Agency

        cached = set(Agency.objects.filter(editor_group__user=user).values_list("pk", flat=True))
        user._news_editor_agency_ids = cached
    return cached


def _group_names(user) -> set[str]:
    cached = getattr(user, "_news_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._news_group_names = cached
    return cached


def can_edit_for_agency(user, agency_id: int | None) -> bool:
    """May the user edit news (or a supplement) that belongs to this agency?"""
    return is_national_editor(user) or (agency_id is not None and agency_id in editor_agency_ids(user))


class NewsArticlePermissionTester(PagePermissionTester):
    """Wagtail's tester, with regional editors limited to their own agency's articles."""

    @cached_property
    def _own_article(self) -> bool:
        return can_edit_for_agency(self.user, self.page.publisher_id)

    def _gate(self, allowed: bool) -> bool:
        return allowed and self._own_article

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
