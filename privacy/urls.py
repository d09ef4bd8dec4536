from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("tietosuoja/", views.notice, name="notice"),
    path("saavutettavuus/", views.accessibility, name="accessibility"),
    path("saavutettavuus/palaute/", views.accessibility_feedback, name="accessibility_feedback"),
    path("ihmiset/oma-profiili/tietoni/", views.my_data, name="my_data"),
    path("ihmiset/oma-profiili/tietoni/<str:token>/tila/", views.export_status, name="export_status"),
    path("ihmiset/oma-profiili/tietoni/<str:token>/lataa/", views.download, name="download"),
]
