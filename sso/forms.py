from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sso.roles_map import is_administrator


def password_login_open() -> bool:
    """Whether everyone may use a password: SSO off, or SSO_PASSWORD_LOGIN=everyone (the local demo)."""
    return not settings.SSO_ENABLED or settings.SSO_PASSWORD_LOGIN == "everyone"


class BreakGlassAuthenticationForm(AuthenticationForm):
    """The password form; with SSO on, only administrators get in with a password (break-glass)."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not password_login_open() and not is_administrator(user):
            raise ValidationError(
                _("Sign in with your work account. Password sign-in is only for administrators."),
                code="sso_required",
            )
