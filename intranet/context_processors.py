"""Context every page of the site shell needs: navigation, languages and the signed-in person."""

from django.conf import settings

from core import shell_cache
from intranet.navigation import navigation_for


def site_shell(request):
    user = getattr(request, "user", None)
    person = None
    if user is not None and user.is_authenticated:
        from teams.services import person_of

        # One query per page (shared with the news targeting); select_related keeps the user menu and the
        # presence menu (home office) from adding more.
        person = person_of(user=user)
    unread = 0
    if user is not None and user.is_authenticated:
        from realtime.services import unread_count

        unread = unread_count(user=user)
    return {
        "unread_notifications": unread,
        "navigation": navigation_for(request.path),
        "site_languages": settings.LANGUAGES,
        "me": person,
        "can_access_admin": shell_cache.can_access_admin(user),
    }
