"""The authentication backend: mozilla-django-oidc's code flow, with Entra's token rules and our users."""

import logging

import requests
from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from sso import services
from sso.tokens import TokenRejected, validate_id_token

log = logging.getLogger(__name__)


class SsoBackend(OIDCAuthenticationBackend):
    """Signs in with a work account: authorization code + PKCE; state and nonce via the library's views."""

    def authenticate(self, request, **kwargs):
        if not settings.SSO_ENABLED:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        try:
            key = self.retrieve_matching_jwk(token)
        except TokenRejected:
            raise
        except Exception as error:  # noqa: BLE001 - no key with that id, or a malformed header
            raise TokenRejected("signature", str(error)) from error
        return validate_id_token(
            token=token,
            key=key,
            client_id=self.OIDC_RP_CLIENT_ID,
            issuer_template=settings.SSO_ISSUER,
            allowed_tenants=settings.SSO_ALLOWED_TENANTS,
            nonce=kwargs.get("nonce"),
        )

    def get_userinfo(self, access_token, id_token, payload):
        """Entra puts what we need in the ID token (its userinfo says less): use the checked claims."""
        return dict(payload, _access_token=access_token)

    def verify_claims(self, claims):
        return bool(claims.get("oid") and claims.get("tid"))

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise TokenRejected("claims", "no oid or tid")
        groups, source = self.groups_of(claims, access_token=access_token)
        return services.sign_in(claims=claims, groups=groups, groups_source=source)

    def groups_of(self, claims: dict, *, access_token: str) -> tuple[list[str], str]:
        """The user's group ids and their source: "token", "graph", or "none" (overage, not looked up).

        Past 200 groups Entra leaves ``groups`` out and says so with ``_claim_names`` (or ``hasgroups``).
        Then, with SSO_GRAPH_GROUPS on, Graph's getMemberObjects answers; otherwise (or if Graph fails)
        no group counts, so nobody gets more than the token shows (docs/sso.md, "Group overage").
        """
        if "groups" in claims:
            return [str(group) for group in claims["groups"]], "token"
        overage = "groups" in (claims.get("_claim_names") or {}) or bool(claims.get("hasgroups"))
        if not overage:
            return [], "token"
        if not settings.SSO_GRAPH_GROUPS:
            return [], "none"
        try:
            response = requests.post(
                f"{settings.SSO_GRAPH_URL}/me/getMemberObjects",
                json={"securityEnabledOnly": False},
                headers={"Authorization": f"Bearer {access_token}"},
                timeout=settings.OIDC_TIMEOUT,
            )
            response.raise_for_status()
            return [str(group) for group in response.json().get("value", [])], "graph"
        except (requests.RequestException, ValueError) as error:
            log.warning("SSO: Graph group lookup failed (%s); no group counts for this sign-in", error)
            return [], "none"

    def filter_users_by_claims(self, claims):  # not used: services.sign_in finds the user by oid + tid
        return self.UserModel.objects.none()
