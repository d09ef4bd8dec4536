from django.urls import path

from core.pages import serve_page
from events import views

app_name = "events"

urlpatterns = [
    # The events section is a Wagtail page (events.models.EventIndexPage); the name lets the navigation link to it.
    path("tapahtumat/", serve_page, {"path": "tapahtumat/"}, name="index"),
    path("tapahtumat/kalenteri/", views.month, name="month_now"),
    path("tapahtumat/kalenteri/<int:year>/<int:month>/", views.month, name="month"),
    path("tapahtumat/omat/", views.mine, name="mine"),
    path("tapahtumat/kalenterisyote/", views.feed_settings, name="feed_settings"),
    path("tapahtumat/kalenterisyote/uusi/", views.feed_renew, name="feed_renew"),
    path("tapahtumat/kalenterisyote/poista/", views.feed_revoke, name="feed_revoke"),
    path("tapahtumat/ical/<str:token>.ics", views.feed, name="feed"),
    path("tapahtumat/<int:page_id>/ilmoittaudu/", views.register, name="register"),
    path("tapahtumat/<int:page_id>/peru/", views.cancel, name="cancel"),
    path("tapahtumat/<int:page_id>/muistutukset/", views.reminders, name="reminders"),
    path("tapahtumat/<int:page_id>/tapahtuma.ics", views.event_ics, name="ics"),
    path("tapahtumat/<int:page_id>/osallistujat/", views.attendees, name="attendees"),
    path("tapahtumat/<int:page_id>/osallistujat.csv", views.attendees_csv, name="attendees_csv"),
    path("tapahtumat/<int:page_id>/lasnaolo/", views.attendance, name="attendance"),
    path("tapahtumat/<int:page_id>/ilmoittautumiset/<int:registration_id>/", views.decide, name="decide"),
    path(
        "tapahtumat/<int:page_id>/tallenne-katsottu/",
        views.acknowledge_recording,
        name="acknowledge_recording",
    ),
]
