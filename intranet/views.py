"""Site-wide views: health check, the login page and page serving (media: intranet.media)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.pages import serve_page  # noqa: F401  (the shell's URLs serve every page with it)
from sso.forms import BreakGlassAuthenticationForm, password_login_open


@login_not_required
@never_cache
def health(request):
    """For load balancers and uptime checks: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "database": database}, status=status)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    # With SSO on, the work account comes first and passwords are for administrators (docs/sso.md).
    authentication_form = BreakGlassAuthenticationForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = settings.SSO_ENABLED
        context["password_login_open"] = password_login_open()
        return context

    redirect_authenticated_user = False  # a signed-in user sent here lacks permission; the page says so


@login_not_required
def set_language(request):
    """Django's language switch; a signed-in person's choice is also stored in Wagtail's user profile.

    So the admin and everything sent to them later (e-mails from the worker,
    teams.services.mail_language) use the language they read the site in.
    """
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        from wagtail.users.models import UserProfile

        UserProfile.objects.update_or_create(user=request.user, defaults={"preferred_language": language})
    return response
