"""Context every page of the site shell needs: navigation, languages and the signed-in person."""

from django.conf import settings

from intranet.navigation import navigation_for


def site_shell(request):
    user = getattr(request, "user", None)
    person = None
    if user is not None and user.is_authenticated:
        from teams.models import Person

        # One query per page; select_related keeps the user menu and the presence menu (home office) from adding more.
        person = Person.objects.select_related("user", "home_location").filter(user=user).first()
    unread = 0
    if user is not None and user.is_authenticated:
        from realtime.services import unread_count

        unread = unread_count(user=user)
    return {
        "unread_notifications": unread,
        "navigation": navigation_for(request.path),
        "site_languages": settings.LANGUAGES,
        "me": person,
        "can_access_admin": bool(
            user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
        ),
    }
