from django.urls import path

from intranet.views import serve_page
from news import views

app_name = "news"

urlpatterns = [
    # The news section is a Wagtail page; this name lets the navigation and
    # other apps link to it without knowing the page tree.
    path("uutiset/", serve_page, {"path": "uutiset/"}, name="index"),
    path("uutiset/syote/", views.feed_token, name="feed_token"),
    path("uutiset/syote/uusi/", views.feed_token_renew, name="feed_token_renew"),
    path("uutiset/syote/poista/", views.feed_token_revoke, name="feed_token_revoke"),
    path("uutiset/atom/<str:token>/", views.atom, name="atom"),
]
