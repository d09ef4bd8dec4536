from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet import media, views

account_urls = [
    path("kirjaudu/", views.LoginView.as_view(), name="login"),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("salasana/vaihda/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("salasana/vaihda/valmis/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("salasana/unohtui/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("salasana/unohtui/lahetetty/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "salasana/uusi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("salasana/uusi/valmis/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("healthz", views.health, name="health"),
    # The language switch works on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    *account_urls,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    re_path(r"^media/(?P<path>.*)$", media.protected_media, name="media"),
    path("", include("teams.urls")),
    path("", include("search.urls")),
    path("", include("news.urls")),
    path("", include("intranet.instructions.urls")),
    path("", include("realtime.urls")),
    path("chat/", include("realtime.chat.urls")),
    path("", views.serve_page, {"path": ""}, name="home"),
    # Every Wagtail page, one URL whatever the reader's language (views.serve_page).
    # (Wagtail's own `_util/` URLs, below, are left to Wagtail.)
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", views.serve_page),
    path("", include(wagtail_urls)),
]

