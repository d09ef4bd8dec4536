"""Thin views: start sign-in, take the provider's answer, say why a sign-in failed, sign out of both."""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from mozilla_django_oidc.utils import absolutify
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from sso import explain
from sso.roles_map import is_administrator
from sso.tokens import TokenRejected

log = logging.getLogger(__name__)
SSO_BACKEND = "sso.backend.SsoBackend"

# Why a sign-in was refused: shown to the person (Finnish first), the detail goes to the log only.
REASONS = {
    "state": _(
        "The sign-in could not be confirmed: it did not start from this browser or it was already used. "
        "Start again."
    ),
    "issuer": _("The sign-in was refused: the token did not come from the agency's identity service."),
    "audience": _("The sign-in was refused: the token was not issued to Taimi."),
    "expired": _(
        "The sign-in was refused: the token has expired. Check the computer's clock and start again."
    ),
    "signature": _("The sign-in was refused: the token's signature is not valid."),
    "nonce": _("The sign-in was refused: the token belongs to another sign-in (it was used again)."),
    "tenant": _("The sign-in was refused: your organisation's work accounts are not allowed in Taimi."),
    "claims": _("The sign-in was refused: the token does not identify a work account."),
    "refresh": _(
        "Your session has ended: the identity service no longer confirms your work account. "
        "Sign in again; if that fails, contact the service desk."
    ),
    "provider": _("The identity service did not complete the sign-in. Try again in a moment."),
    "account": _("The sign-in was refused: your Taimi account is not in use. Contact the service desk."),
}


def _failure(request, reason: str):
    if request.user.is_authenticated:
        auth.logout(request)  # never leave a session behind a refused sign-in (sockets close with it)
    return HttpResponseRedirect(f"{reverse('sso_failure')}?{urlencode({'syy': reason})}")


@method_decorator([login_not_required, never_cache], name="dispatch")
class LoginView(OIDCAuthenticationRequestView):
    def get(self, request):
        if not settings.SSO_ENABLED:
            raise Http404
        return super().get(request)


@method_decorator([login_not_required, never_cache], name="dispatch")
class CallbackView(OIDCAuthenticationCallbackView):
    def get(self, request):
        if not settings.SSO_ENABLED:
            raise Http404
        states = request.session.get("oidc_states") or {}
        state = request.GET.get("state", "")
        if request.GET.get("error"):
            log.warning(
                "SSO: the provider answered %s: %s",
                request.GET["error"],
                request.GET.get("error_description", ""),
            )
            states.pop(state, None)
            request.session.modified = True
            return _failure(request, "refresh" if request.user.is_authenticated else "provider")
        if state not in states or not request.GET.get("code"):
            return _failure(request, "state")
        try:
            return super().get(request)
        except TokenRejected as error:
            log.warning("SSO: token refused: %s", error)
            return _failure(request, error.reason)
        except SuspiciousOperation as error:
            log.warning("SSO: sign-in refused: %s", error)
            return _failure(request, "state")
        except requests.RequestException as error:
            log.warning("SSO: the provider could not be reached: %s", error)
            return _failure(request, "provider")

    def login_failure(self):
        return _failure(self.request, "account")


@login_not_required
@never_cache
def failure(request):
    reason = request.GET.get("syy", "")
    message = REASONS.get(reason, REASONS["provider"])
    return render(request, "sso/failure.html", {"message": message, "reason": reason}, status=403)


def provider_logout_url(request) -> str:
    """The provider's end-session address that signs the person out there too and sends them back to us."""
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": absolutify(request, reverse("login")),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode(params)}"


@require_POST
@never_cache
def logout(request):
    """Sign out (POST): of Taimi always, and of the identity provider when the session came from it."""
    target = resolve_url(settings.LOGOUT_REDIRECT_URL or "/")
    if (
        request.user.is_authenticated
        and settings.SSO_ENABLED
        and request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND
    ):
        target = provider_logout_url(request)
    auth.logout(request)  # Django's logout: user_logged_out closes the user's sockets
    return HttpResponseRedirect(target)


@never_cache
def why(request, username=None):
    """ "Why do I see this?": the groups behind my roles and memberships, and what they open to me."""
    from django.contrib.auth import get_user_model

    if username is None or username == request.user.get_username():
        subject = request.user
    else:
        if not is_administrator(request.user):
            raise PermissionDenied
        subject = get_object_or_404(get_user_model(), username=username)
    return render(
        request,
        "sso/why.html",
        {"subject": subject, "why": explain.explain(user=subject), "own": subject.pk == request.user.pk},
    )
