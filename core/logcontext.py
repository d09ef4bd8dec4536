"""Request and user ids on every log line (docs/deployment.md, "Logs").

The request middleware (intranet.observability) sets them for the time of a request; the logging filter
:class:`RequestContext` copies them onto each record, where the JSON formatter writes them as fields.
Only ids: no names, no e-mail addresses, no message bodies.
"""

from __future__ import annotations

import contextvars
import logging

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
user_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("user_id", default=None)


class RequestContext(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        if not hasattr(record, "user_id"):
            record.user_id = user_id.get()
        return True
