"""Per request: a request id, the access log line as JSON fields, the latency metric; and the
readiness and metrics views (docs/deployment.md, "Health, metrics and logs")."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from core import health, logcontext, metrics

access_log = logging.getLogger("taimi.access")

# nginx passes its $request_id (32 hex digits) on; anything else a client sends is replaced.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9\-]{8,64}$")


class RequestObservability:
    """First in the chain: times the whole request and logs one line for it (method, URL name, status,
    milliseconds, request id, user id). Never the query string or a body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = rid
        rid_token = logcontext.request_id.set(rid)
        uid_token = logcontext.user_id.set(None)
        try:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            uid = user.pk if user is not None and user.is_authenticated else None
            logcontext.user_id.set(uid)
            elapsed = time.perf_counter() - started
            match = getattr(request, "resolver_match", None)
            view = (match.view_name or "page") if match else "unresolved"
            metrics.REQUEST_LATENCY.labels(
                view=view, method=request.method, status=f"{response.status_code // 100}xx"
            ).observe(elapsed)
            response["X-Request-ID"] = rid
            access_log.info(
                "%s %s %s",
                request.method,
                view,
                response.status_code,
                extra={
                    "method": request.method,
                    "view": view,
                    "status": response.status_code,
                    "duration_ms": round(elapsed * 1000, 1),
                },
            )
            return response
        finally:
            logcontext.user_id.reset(uid_token)
            logcontext.request_id.reset(rid_token)


@login_not_required
@never_cache
def readiness(request):
    """For load balancers and monitoring: every registered check (core.health), 503 when a critical one
    fails. Names and short states only; no addresses, versions or error texts."""
    overall, checks = health.run_checks()
    return JsonResponse({"status": overall, "checks": checks}, status=503 if overall == "error" else 200)


def _metrics_allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "")
        import hmac

        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return True
    # Behind nginx the peer is nginx itself: the client is the last X-Forwarded-For entry, the one nginx
    # appended (a client can put anything before it, never after).
    forwarded = request.headers.get("X-Forwarded-For", "")
    client = forwarded.split(",")[-1].strip() if forwarded else request.META.get("REMOTE_ADDR", "")
    return metrics.address_allowed(client, settings.METRICS_ALLOWED_NETWORKS)


@login_not_required
@never_cache
def prometheus(request):
    """Prometheus exposition for every process of the host; only with the token or from an allowed network."""
    if not _metrics_allowed(request):
        return HttpResponse(status=403)
    body, content_type = metrics.render()
    return HttpResponse(body, content_type=content_type)
