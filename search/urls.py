from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("haku/", views.search, name="search"),
    path("haku/ehdotukset/", views.autocomplete, name="autocomplete"),
    path("haku/valitse/", views.choose, name="choose"),
]
