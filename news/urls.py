from django.urls import path

from intranet.views import serve_page
from news import mustread_views, views

app_name = "news"

urlpatterns = [
    # The news section is a Wagtail page; this name lets the navigation and
    # other apps link to it without knowing the page tree.
    path("uutiset/", serve_page, {"path": "uutiset/"}, name="index"),
    path("uutiset/syote/", views.feed_token, name="feed_token"),
    path("uutiset/syote/uusi/", views.feed_token_renew, name="feed_token_renew"),
    path("uutiset/syote/poista/", views.feed_token_revoke, name="feed_token_revoke"),
    path("uutiset/atom/<str:token>/", views.atom, name="atom"),
    # Must-read
    path("uutiset/kuittaa/<int:page_id>/", mustread_views.acknowledge, name="acknowledge"),
    path("uutiset/seuranta/<int:page_id>/", mustread_views.follow_up, name="follow_up"),
    path("uutiset/seuranta/<int:page_id>/csv/", mustread_views.follow_up_csv, name="follow_up_csv"),
    # Comments, reactions and mentions (news.comment_views)
    # Readership report (news.readership_views)
]
