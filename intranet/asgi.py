"""ASGI entry point served by Daphne: HTTP through Django, websockets through Channels.

Websocket connections are authenticated with the Django session cookie (in one
database hop with the connection's profile: realtime/auth.py) and only
accepted from origins in ALLOWED_HOSTS (cross-site websocket hijacking guard).
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
# Initialise Django (apps, models) before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from realtime.auth import WebsocketAuthMiddleware  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402
from search.engines.embedded_store import forbid_writes  # noqa: E402

# Web processes only read the embedded search index; the worker is its one writer.
forbid_writes()

# Everything imported so far (Django, Wagtail, the URLconf's modules: about a million objects) lives as long
# as the process. Moved out of the collector's reach, a full collection no longer walks it: such a pause
# (tens of ms, at an allocation count nobody controls) was the worst chat delivery of a benchmark run.
gc.collect()
gc.freeze()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(WebsocketAuthMiddleware(URLRouter(websocket_urlpatterns))),
    }
)
