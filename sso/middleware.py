"""Session refresh: every SSO_REFRESH_SECONDS a signed-in SSO user's next page load goes to the provider
silently (``prompt=none``). The provider confirms the account (groups and claims are applied again by
the callback) or refuses it, and then the callback logs the person out (sso.views.CallbackView)."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin
from mozilla_django_oidc.middleware import SessionRefresh as LibrarySessionRefresh


def _setting(name):
    return property(lambda self: getattr(settings, name), lambda self, value: None)


class SessionRefresh(LibrarySessionRefresh):
    # Read at each request (the library reads them once): settings may change in tests.
    OIDC_OP_AUTHORIZATION_ENDPOINT = _setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_RP_CLIENT_ID = _setting("OIDC_RP_CLIENT_ID")
    OIDC_RP_SCOPES = _setting("OIDC_RP_SCOPES")
    OIDC_EXEMPT_URLS = _setting("SSO_REFRESH_EXEMPT_URLS")

    def __init__(self, get_response):
        MiddlewareMixin.__init__(self, get_response)
        self.OIDC_STATE_SIZE = 32
        self.OIDC_NONCE_SIZE = 32
        self.OIDC_USE_NONCE = True
        self.OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"

    def process_request(self, request):
        if not settings.SSO_ENABLED:
            return None
        return super().process_request(request)
