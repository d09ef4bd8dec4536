from django.urls import path

from core.pages import serve_page
from instructions import views

app_name = "instructions"

# Under /ohjeet/ next to the instruction pages; their slugs are reserved
# (models.pages.RESERVED_SLUGS) so no instruction can hide one of these.
urlpatterns = [
    path("ohjeet/", serve_page, {"path": "ohjeet/"}, name="index"),
    path("ohjeet/muutokset/", views.changes, name="changes"),
    path("ohjeet/atom/<str:token>/", views.atom, name="atom"),
    path("ohjeet/palaute/<int:page_id>/", views.vote, name="vote"),
    path("ohjeet/palaute/<int:page_id>/virhe/", views.report_error, name="report_error"),
    path("ohjeet/voimassa/<int:page_id>/", views.confirm_valid, name="confirm_valid"),
    path("ohjeet/perehdytys/", views.onboarding_index, name="onboarding"),
    path("ohjeet/perehdytys/alaiset/", views.onboarding_reports, name="onboarding_reports"),
    path("ohjeet/perehdytys/askel/<int:step_id>/", views.onboarding_step, name="onboarding_step"),
    path("ohjeet/perehdytys/<slug:slug>/", views.onboarding_path, name="onboarding_path"),
]
