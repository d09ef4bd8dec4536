from django.urls import path

from sso import views

# The names of the first three are mozilla-django-oidc's (its session refresh reverses them).
urlpatterns = [
    path("sso/kirjaudu/", views.LoginView.as_view(), name="oidc_authentication_init"),
    path("sso/paluu/", views.CallbackView.as_view(), name="oidc_authentication_callback"),
    path("sso/kirjaudu-ulos/", views.logout, name="oidc_logout"),
    path("sso/virhe/", views.failure, name="sso_failure"),
    path("ihmiset/oma-profiili/miksi/", views.why, name="sso_why"),
    path("ihmiset/<str:username>/miksi/", views.why, name="sso_why_for"),
]
