from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet import admin_assets, media, observability, views
from sso import views as sso_views

account_urls = [
    path("kirjaudu/", views.LoginView.as_view(), name="login"),
    # Ends the identity provider's session too when the person signed in with a work account.
    path("kirjaudu-ulos/", sso_views.logout, name="logout"),
    path("salasana/vaihda/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("salasana/vaihda/valmis/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("salasana/unohtui/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "salasana/unohtui/lahetetty/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "salasana/uusi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "salasana/uusi/valmis/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("readyz", observability.readiness, name="readiness"),
    path("metrics", observability.prometheus, name="metrics"),
    # The language switch works on the login page too.
    path("i18n/setlang/", views.set_language, name="set_language"),
    *account_urls,
    # Before Wagtail's own: the same two files, cacheable (intranet/admin_assets.py).
    path("admin/sprite/", admin_assets.sprite),
    path("admin/jsi18n/", admin_assets.javascript_catalog),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>.*)$", media.protected_media, name="media"),
    path("", include("sso.urls")),  # before teams: /ihmiset/oma-profiili/miksi/
    # Before teams: "ihmiset/oma-tila/" is not a person.
    path("", include("presence.urls")),
    path("", include("privacy.urls")),  # before teams: "ihmiset/oma-profiili/tietoni/"
    path("", include("teams.urls")),
    path("", include("search.urls")),
    path("", include("news.urls")),
    path("", include("events.urls")),
    path("", include("instructions.urls")),
    path("", include("strategy.urls")),
    path("", include("realtime.urls")),
    path("chat/", include("chat.urls")),
    path("", views.serve_page, {"path": ""}, name="home"),
    # Every Wagtail page, one URL whatever the reader's language (views.serve_page).
    # (Wagtail's own `_util/` URLs, below, are left to Wagtail.)
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", views.serve_page),
    path("", include(wagtail_urls)),
]

# A database or Redis outage answers 503 with Retry-After, not 500 (core/outage.py, docs/resilience.md).
handler500 = "core.outage.server_error"
