"""Who is acting in this request, for receivers that record into the audit trail (core.audit).

Signals (a group mapping saved, a group membership changed) carry no request; the middleware keeps the
signed-in user in a context variable for the request's duration. Outside a request (jobs, management
commands) the actor is None: "system".
"""

from contextvars import ContextVar

_current_user: ContextVar = ContextVar("current_user", default=None)


def current_user():
    user = _current_user.get()
    return user if user is not None and getattr(user, "is_authenticated", False) else None


class CurrentUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_user.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _current_user.reset(token)
