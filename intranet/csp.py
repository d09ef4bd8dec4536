"""Content-Security-Policy (django-csp): a strict policy for the reader pages, a looser one for the Wagtail admin.

Reader pages load scripts, styles, images and fonts from this site only, with no inline script, inline style or
``eval``; data blocks (``<script type="application/json">``) are not scripts and need nothing. ``connect-src
'self'`` covers fetch and the same-origin websocket (``/ws/``: CSP Level 3 matches ws:/wss: on the page's own
host and port). The Wagtail admin (its Draftail editor, choosers, previews) still writes inline scripts and style
attributes, so paths under ``/admin/`` get ``CONTENT_SECURITY_POLICY_ADMIN`` instead (settings.py).

With single sign-on on, ``form-action`` also names the identity provider's origin: the logout form posts here
and is redirected to the provider's end-session address, and browsers apply ``form-action`` to that redirect
(without it, signing out of the provider is blocked).
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for paths under ``CSP_ADMIN_PREFIX``."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CSP_ADMIN_PREFIX)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        provider = _provider_origin()
        if provider and not report_only:
            config = parts.config or settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = {**config, "form-action": [*config.get("form-action", ["'self'"]), provider]}
        return parts


def _provider_origin() -> str:
    """The identity provider's scheme, host and port when single sign-on is on (docs/sso.md), else ""."""
    if not getattr(settings, "SSO_ENABLED", False):
        return ""
    parts = urlsplit(getattr(settings, "SSO_AUTHORITY", ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
