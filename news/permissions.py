"""Who may do what with news, beyond Wagtail's tree-based page permissions.

Wagtail grants page permissions per subtree (the news section, intranet/roles.py).
Regional editors hold add/change/publish there, but only for their own agency's
news: :class:`NewsArticlePermissionTester` narrows every page action (edit,
publish, unpublish, delete, move, copy, lock, revisions) to articles whose
publisher is one of the user's agencies, and :class:`news.forms.NewsArticleForm`
refuses any other publisher or audience. Both apply to Wagtail's own admin URLs,
so a hand-made POST gets no further than the UI.
"""



from core import roles
from core.page_permissions import ScopedPagePermissionTester


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
    return _groups(user)[1]


def _group_names(user) -> set[str]:
    return _groups(user)[0]


def _groups(user) -> tuple[set[str], set[int]]:
    """The user's group names and the agencies whose editors' group is one of them: one query, cached on the user."""
    cached = getattr(user, "_news_groups", None)
    if cached is None:
        names, agencies = set(), set()
        for name, agency_id in user.groups.values_list("name", "editing_agency__pk"):
            names.add(name)
            if agency_id is not None:
                agencies.add(agency_id)
        cached = user._news_groups = (names, agencies)
    return cached


def can_edit_for_agency(user, agency_id: int | None) -> bool:
    """May the user edit news (or a supplement) that belongs to this agency?"""
    return is_national_editor(user) or (agency_id is not None and agency_id in editor_agency_ids(user))


class NewsArticlePermissionTester(ScopedPagePermissionTester):
    """Wagtail's tester, with regional editors limited to their own agency's articles."""

    def owns_page(self) -> bool:
        return can_edit_for_agency(self.user, self.page.publisher_id)
