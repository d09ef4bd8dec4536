"""Who is acting in this request, for receivers that record into the audit trail (core.audit).

Signals (a group mapping saved, a group membership changed) carry no request; the middleware keeps the
signed-in user in a context variable for the request's duration. Outside a request (jobs, management
commands) the actor is None: "system".
"""

from contextvars import ContextVar

# The request, not ``request.user``: the user is a lazy object, and asgiref looks at every context
# variable's value when it carries the context between Daphne's event loop and the request's thread
# (``isinstance``), which evaluated the lazy user (a session query) inside the event loop; the request
# then never answered (tests/realtime/test_socket_lifetime_servers.py).
_current_request: ContextVar = ContextVar("current_request", default=None)


def current_user():
    request = _current_request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and getattr(user, "is_authenticated", False) else None


class CurrentUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
