"""Cached answers to three questions every page asks, each invalidated by the signals that change its answer.

* **Which site serves this host?** Wagtail asks the database on every request
  (a four-way CASE query, about 1 ms of CPU). ``find_site`` keeps the answer,
  with its root page, under the host and port; saving or deleting a Site, or
  saving, moving or deleting a page at the top of a tree (a site's root: depth
  2 or less), replaces the generation token in every key.
* **Does any page view restriction exist?** Wagtail looks up the page's
  ancestors and their restrictions on every page served (two queries); the
  intranet targets content by audience instead, so there are none.
  ``RestrictionsCachedPage.get_view_restrictions`` answers "none" without a
  query while the cached flag says the table is empty; saving or deleting a
  restriction clears the flag, and Wagtail's own check runs again.
* **May this user open the admin?** ``user.has_perm`` loads every permission
  of the user (two queries) for the header's admin link. ``can_access_admin``
  keeps the answer per user; saving a user (except the last-login stamp),
  changing anyone's groups or direct permissions, a group's permissions, or
  deleting a group or permission replaces the generation token.

With Redis (production) every process shares the answers and the tokens. A
change made with ``QuerySet.update()`` (no signals) is seen when the entry
expires (``SECONDS``).
"""

from django.core.cache import cache
from django.http.request import split_domain_port

from core import generations

# An hour: a change made without signals (a bulk update in a shell) shows within it.
SECONDS = 60 * 60
SITE_GENERATION = "core:shell:sites"
ACCESS_GENERATION = "core:shell:admin-access"
RESTRICTIONS_KEY = "core:shell:any-view-restriction"
_NO_SITE = "none"


def _generation(key: str) -> str:
    return generations.current(key)


def _renew(key: str) -> None:
    generations.renew(key)


# --- Sites ---------------------------------------------------------------------


def find_site(request):
    """Wagtail's ``Site.find_for_request`` (same answer, also kept on the request), from the cache."""
    if request is None:
        return None
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = f"core:shell:site:{_generation(SITE_GENERATION)}:{hostname}:{port}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        cache.set(key, site if site is not None else _NO_SITE, SECONDS)
    elif site == _NO_SITE:
        site = None
    request._wagtail_site = site
    return site


def forget_sites(**kwargs) -> None:
    """Signal receiver: a Site changed."""
    _renew(SITE_GENERATION)


def forget_sites_for_page(instance=None, **kwargs) -> None:
    """Signal receiver: a page changed; only a tree's top pages (a site's root) are in the cached sites."""
    from wagtail.models import Page

    if isinstance(instance, Page) and (instance.depth is None or instance.depth <= 2):
        _renew(SITE_GENERATION)


# --- Page view restrictions ---------------------------------------------------------


def any_view_restriction() -> bool:
    flag = cache.get(RESTRICTIONS_KEY)
    if flag is None:
        from wagtail.models import PageViewRestriction

        flag = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, flag, SECONDS)
    return flag


def forget_view_restrictions(**kwargs) -> None:
    """Signal receiver: a page view restriction was saved or deleted."""
    cache.delete(RESTRICTIONS_KEY)


class RestrictionsCachedPage:
    """Mixin for page models (before ``Page``): no restriction lookup while the site has none."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# --- Admin access ---------------------------------------------------------------------


def can_access_admin(user) -> bool:
    """``user.has_perm("wagtailadmin.access_admin")``, kept per user."""
    if user is None or not user.is_authenticated:
        return False
    key = f"core:shell:admin:{_generation(ACCESS_GENERATION)}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = bool(user.has_perm("wagtailadmin.access_admin"))
        cache.set(key, allowed, SECONDS)
    return allowed


def forget_admin_access(update_fields=None, **kwargs) -> None:
    """Signal receiver: users, groups or permissions changed (a login's last-login stamp changes nothing)."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    _renew(ACCESS_GENERATION)


def forget_admin_access_m2m(action=None, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _renew(ACCESS_GENERATION)


def connect() -> None:
    """Connect the receivers (core.apps.CoreConfig.ready)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import post_page_move

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"core.shell.site.{name}")
        signal.connect(forget_sites_for_page, dispatch_uid=f"core.shell.page.{name}")
        signal.connect(
            forget_view_restrictions,
            sender=PageViewRestriction,
            dispatch_uid=f"core.shell.restriction.{name}",
        )
    post_page_move.connect(forget_sites_for_page, dispatch_uid="core.shell.page.move")
    User = get_user_model()
    post_save.connect(forget_admin_access, sender=User, dispatch_uid="core.shell.admin.user")
    post_delete.connect(forget_admin_access, sender=Group, dispatch_uid="core.shell.admin.group")
    post_delete.connect(forget_admin_access, sender=Permission, dispatch_uid="core.shell.admin.permission")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            forget_admin_access_m2m, sender=through, dispatch_uid=f"core.shell.admin.{through.__name__}"
        )
