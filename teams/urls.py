from django.urls import path

from teams import views

app_name = "teams"

urlpatterns = [
    path("ihmiset/", views.directory, name="directory"),
    path("ihmiset/oma-profiili/", views.profile_edit, name="profile_edit"),
    path("ihmiset/oma-profiili/kuva/", views.photo_edit, name="photo_edit"),
    path("ihmiset/<str:username>/", views.person_detail, name="person"),
    path("tiimit/", views.team_list, name="team_list"),
    path("tiimit/<slug:slug>/", views.team_detail, name="team"),
    path("toimipaikat/", views.location_list, name="location_list"),
    path("toimipaikat/<slug:slug>/", views.location_detail, name="location"),
]
