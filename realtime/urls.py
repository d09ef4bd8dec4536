from django.urls import path

from realtime import views

app_name = "realtime"

urlpatterns = [
    path("ilmoitukset/", views.notification_list, name="notifications"),
    path("ilmoitukset/<int:notification_id>/avaa/", views.notification_open, name="notification_open"),
    path("ilmoitukset/luettu/", views.notifications_mark_read, name="notifications_mark_read"),
]
