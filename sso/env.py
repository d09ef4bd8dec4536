"""SSO settings from environment variables (read by intranet/settings.py; no Django imports here).

Every variable is described in docs/sso.md. SSO is on when ``SSO_AUTHORITY`` and
``SSO_CLIENT_ID`` are set; the ``OIDC_*`` names are mozilla-django-oidc's settings.
"""

from collections.abc import Mapping

ENTRA_ISSUER = "https://login.microsoftonline.com/{tenantid}/v2.0"


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def sso_settings(environ: Mapping[str, str]) -> dict:
    authority = environ.get("SSO_AUTHORITY", "").rstrip("/")
    client_id = environ.get("SSO_CLIENT_ID", "")
    enabled = bool(authority and client_id)
    tenant_agencies = {}
    for pair in _list(environ.get("SSO_TENANT_AGENCIES", "")):
        tenant, _, slug = pair.partition("=")
        tenant_agencies[tenant.strip()] = slug.strip()
    refresh = int(environ.get("SSO_REFRESH_SECONDS", "900"))
    return {
        "SSO_ENABLED": enabled,
        "SSO_AUTHORITY": authority,
        "SSO_ISSUER": environ.get("SSO_ISSUER", ENTRA_ISSUER),
        "SSO_ALLOWED_TENANTS": _list(environ.get("SSO_ALLOWED_TENANTS", "")),
        "SSO_TENANT_AGENCIES": tenant_agencies,
        "SSO_MAPPING_FILE": environ.get("SSO_MAPPING_FILE", ""),
        "SSO_REFRESH_SECONDS": refresh,
        # "administrators": with SSO on, only administrators may use a password (break-glass);
        # "everyone": passwords for all (the local demo). Without SSO passwords are the only way in.
        "SSO_PASSWORD_LOGIN": environ.get("SSO_PASSWORD_LOGIN", "administrators"),
        "SSO_GRAPH_GROUPS": environ.get("SSO_GRAPH_GROUPS", "").lower() in {"1", "true", "yes", "on"},
        "SSO_GRAPH_URL": environ.get("SSO_GRAPH_URL", "https://graph.microsoft.com/v1.0").rstrip("/"),
        # mozilla-django-oidc
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": environ.get("SSO_CLIENT_SECRET", ""),
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_SCOPES": "openid profile email",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{authority}/oauth2/v2.0/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": f"{authority}/oauth2/v2.0/token",
        "OIDC_OP_USER_ENDPOINT": f"{authority}/oidc/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": f"{authority}/discovery/v2.0/keys",
        "OIDC_OP_LOGOUT_ENDPOINT": f"{authority}/oauth2/v2.0/logout",
        "OIDC_OP_LOGOUT_URL_METHOD": "sso.views.provider_logout_url",
        "OIDC_USE_PKCE": True,
        "OIDC_USE_NONCE": True,
        "OIDC_STORE_ID_TOKEN": True,
        "OIDC_STORE_ACCESS_TOKEN": True,
        "OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS": refresh,
        "OIDC_TIMEOUT": 10,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "oidc_authentication_callback",
        "LOGIN_REDIRECT_URL_FAILURE": "/sso/virhe/",
    }
