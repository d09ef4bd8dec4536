"""gunicorn for Taimi's HTTP workers (docs/deployment.md): threads in a few processes, behind nginx.

Environment: HTTP_BIND (127.0.0.1:8001), HTTP_PROCESSES (2), HTTP_THREADS (4). Each process holds at most
DB_POOL_MAX_SIZE database connections; set it to HTTP_THREADS (deploy/run.sh and the systemd unit do).
"""

import os

from gunicorn.workers.gthread import ThreadWorker


class DrainingThreadWorker(ThreadWorker):
    """gthread, but a stopping worker closes its copy of the listening socket as soon as it stops accepting.

    On SIGTERM the master closes its listeners and each worker finishes the requests under way
    (graceful_timeout). gthread kept the listening socket open in the worker until it exited, so the
    kernel went on taking new connections into the backlog that nobody would accept: a client (nginx)
    waited until the worker ended and then got a reset instead of a refusal it could pass on to another
    backend at once (tests/faults/test_http_drain.py). Closed in every process, the socket is gone and a
    new connection is refused. A graceful reload (SIGHUP) is unaffected: the master keeps its listeners.
    """

    def set_accept_enabled(self, enabled):
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive:  # stopping, not merely full (worker_connections)
            for listener in self.sockets:
                listener.close()


bind = os.environ.get("HTTP_BIND", "127.0.0.1:8001").split(",")
workers = int(os.environ.get("HTTP_PROCESSES", "2"))
threads = int(os.environ.get("HTTP_THREADS", "4"))
worker_class = DrainingThreadWorker  # gthread (threads in a few processes) that stops listening on SIGTERM
# nginx answers slow clients and buffers bodies; a request still running after this is stuck.
timeout = 60
graceful_timeout = 10
keepalive = 65  # nginx keeps upstream connections open (upstream keepalive)
# nginx enforces the request line, header and body limits (manage.py nginx_config); gunicorn's own
# defaults (4 KiB request line) are stricter than the application's REQUEST_MAX_URL_BYTES.
limit_request_line = 0
limit_request_field_size = 0
# nginx's X-Forwarded-For is trusted from this host only.
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = None  # the application writes its own JSON access line (intranet/observability.py)
errorlog = "-"
proc_name = "taimi-http"


def child_exit(server, worker):
    # Multiprocess metrics: forget the live gauges of a worker that ended (core/metrics.py).
    from core.metrics import mark_process_dead

    mark_process_dead(worker.pid)
