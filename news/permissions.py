"""Who may do what with news, beyond Wagtail's tree-based page permissions.

Wagtail grants page permissions per subtree (the news section, core/roles.py).
Regional editors hold add/change/publish there, but only for their own agency's
news: :class:`NewsArticlePermissionTester` narrows every page action (edit,
publish, unpublish, delete, move, copy, lock, revisions) to articles whose
publisher is one of the user's agencies, and :class:`news.forms.NewsArticleForm`
refuses any other publisher or audience. Both apply to Wagtail's own admin URLs,
so a hand-made POST gets no further than the UI. Regional supplements follow
the same agency rule through :class:`RegionalSupplementPermissionPolicy`.
"""

from wagtail.permission_policies import ModelPermissionPolicy

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


class RegionalSupplementPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions on supplements, narrowed to the editor's own agency for every instance.

    Registered for :class:`news.models.RegionalSupplement` (news.wagtail_hooks), so
    the listing, edit, delete, copy, history, usage, chooser and the bulk actions
    (``/admin/bulk/news/regionalsupplement/…``) all ask the same question.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and can_edit_for_agency(
            user, instance.agency_id
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and can_edit_for_agency(
            user, instance.agency_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if is_national_editor(user):
            return instances
        return instances.filter(agency_id__in=editor_agency_ids(user))
