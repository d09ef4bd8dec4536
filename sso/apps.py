from django.apps import AppConfig


class SsoConfig(AppConfig):
    """Single sign-on with the agency's Entra ID (OpenID Connect): identities, group mapping, "why"."""

    name = "sso"
    label = "sso"
    verbose_name = "SSO"
    default_auto_field = "django.db.models.BigAutoField"
