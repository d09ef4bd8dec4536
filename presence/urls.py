from django.urls import path

from presence import views

app_name = "presence"

urlpatterns = [
    path("ihmiset/oma-tila/", views.my_status, name="my_status"),
    path("ihmiset/oma-tila/tyopaikka/", views.worklocation_set, name="worklocation_set"),
    path("ihmiset/oma-tila/viikko/", views.weekly_plan_set, name="weekly_plan_set"),
    path("tila/", views.presence_set, name="presence_set"),
]
