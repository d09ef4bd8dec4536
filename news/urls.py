from django.urls import path

from core.pages import serve_page
from news import comment_views, mustread_views, views

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
    path("uutiset/kommentoi/<int:page_id>/", comment_views.comment_post, name="comment_post"),
    path("uutiset/kommentit/<int:comment_id>/muokkaa/", comment_views.comment_edit, name="comment_edit"),
    path("uutiset/kommentit/<int:comment_id>/poista/", comment_views.comment_delete, name="comment_delete"),
    path("uutiset/kommentit/<int:comment_id>/piilota/", comment_views.comment_hide, name="comment_hide"),
    path("uutiset/kommentit/<int:comment_id>/palauta/", comment_views.comment_unhide, name="comment_unhide"),
    path("uutiset/kommentit/<int:comment_id>/reaktio/", comment_views.react_comment, name="react_comment"),
    path("uutiset/reaktio/<int:page_id>/", comment_views.react_article, name="react_article"),
    path("uutiset/kommentit/henkilot/", comment_views.people, name="people"),
    # Readership report (news.readership_views)
]
