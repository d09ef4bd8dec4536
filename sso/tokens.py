"""Checks an ID token the way Entra ID's documentation asks: signature, issuer per tenant, audience,
lifetime, tenant allowed, nonce and the identity claims. Each refusal names its reason (views.REASONS)."""

import jwt
from django.core.exceptions import SuspiciousOperation

LEEWAY_SECONDS = 60  # clock difference tolerated between the provider and us


class TokenRejected(SuspiciousOperation):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def validate_id_token(
    *, token: str, key, client_id: str, issuer_template: str, allowed_tenants: list[str], nonce: str | None
) -> dict:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise TokenRejected("signature", str(error)) from error
    if header.get("alg") != "RS256":
        raise TokenRejected("signature", f"algorithm {header.get('alg')!r}")
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=["RS256"],
            audience=client_id,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "tid", "oid"], "verify_iss": False},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenRejected("expired", str(error)) from error
    except (jwt.InvalidAudienceError, jwt.MissingRequiredClaimError) as error:
        reason = (
            "audience" if isinstance(error, jwt.InvalidAudienceError) or error.claim == "aud" else "claims"
        )
        raise TokenRejected(reason, str(error)) from error
    except jwt.ImmatureSignatureError as error:
        raise TokenRejected("expired", str(error)) from error
    except jwt.PyJWTError as error:  # bad signature, malformed token
        raise TokenRejected("signature", str(error)) from error
    tenant = claims["tid"]
    if tenant not in allowed_tenants:
        raise TokenRejected("tenant", f"tenant {tenant} is not allowed")
    if claims["iss"] != issuer_template.replace("{tenantid}", tenant):
        raise TokenRejected("issuer", f"issuer {claims['iss']!r}")
    if nonce is None or claims.get("nonce") != nonce:
        raise TokenRejected("nonce", "the nonce is not the one this sign-in sent")
    return claims
