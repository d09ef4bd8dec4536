"""Site-wide views: health check, login-protected media and the login page."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.static import serve


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


def protected_media(request, path):
    """Uploaded files (profile photos, images) are internal: only signed-in users get them.

    Documents are not served here: they go through Wagtail's document view
    (``/documents/<id>/<name>``), where the instruction library checks the
    audience of an instruction's attachments (intranet.instructions.wagtail_hooks).
    """
    if path.lstrip("/").startswith("documents/"):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = False  # a signed-in user sent here lacks permission; the page says so


def serve_page(request, path):
    """Serve a Wagtail page at its one URL, in the reader's language where a version exists.

    Finnish is the canonical tree: the path is routed there (or, for a page that
    exists only in Swedish, in the Swedish tree), then the live version in the
    active UI language replaces it if there is one. Swedish readers therefore
    see the Swedish version where it exists and the Finnish one otherwise, at
    the same address, and there is one URL per article to share.
    """
    from wagtail import views as wagtail_views
    from wagtail.models import Site
    from wagtail.url_routing import RouteResult

    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]

    def roots():
        yield site.root_page.specific
        for translation in site.root_page.get_translations().live():
            yield translation.specific

    for root in roots():
        try:
            page, args, kwargs = root.route(request, components)
        except Http404:
            continue
        localized = page.localized
        if localized.pk != page.pk:
            page = localized.specific
        request._wagtail_route_for_request = RouteResult(page, args, kwargs)
        return wagtail_views.serve(request, path)
    raise Http404
