"""WSGI entry point: the HTTP workers (gunicorn, deploy/gunicorn.conf.py); websockets stay on Daphne
(asgi.py). Request limits are nginx's here (manage.py nginx_config renders them from the settings)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
application = get_wsgi_application()

from search.engines.embedded_store import forbid_writes  # noqa: E402

# Web processes only read the embedded search index; the worker is its one writer.
forbid_writes()
# Multiprocess metrics: live gauges of processes killed without a goodbye are dropped (core/metrics.py).
from core.metrics import forget_dead_processes  # noqa: E402

forget_dead_processes()
# As in asgi.py: the long-lived import graph out of the collector's reach (shorter full collections).
gc.collect()
gc.freeze()
