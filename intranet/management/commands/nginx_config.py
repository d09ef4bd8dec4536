"""Render the nginx site configuration (deploy/nginx/taimi.conf.template) with this installation's limits.

The request limits come from the settings that the application itself enforces (REQUEST_MAX_BODY_SIZE,
REQUEST_BODY_LIMITS, REQUEST_MAX_URL_BYTES), so nginx never refuses what the application accepts, nor lets
through what it refuses. docs/deployment.md shows it in use; deploy/run.sh renders a local copy.

    python manage.py nginx_config --http 127.0.0.1:8001 --http 127.0.0.1:8002 --ws 127.0.0.1:8101 \\
        --listen "443 ssl" --server-name taimi.keha.example > /etc/nginx/sites-available/taimi
    python manage.py nginx_config ... --local-prefix /tmp/var/nginx   # also writes a whole nginx.conf there
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

TEMPLATES = Path(settings.BASE_DIR) / "deploy" / "nginx"


def _size(limit: int) -> str:
    """Bytes as nginx's size: whole kilobytes, rounded up (never stricter than the application)."""
    return f"{-(-limit // 1024)}k"


def render(template: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        template = template.replace("{{ " + name + " }}", value)
    if "{{ " in template:
        raise CommandError("The nginx template names a value the command does not know.")
    return template


def site_config(*, http, ws, listen, server_name, static_root, metrics_allow) -> str:
    uploads = []
    for pattern, limit in settings.REQUEST_BODY_LIMITS:
        uploads.append(
            f'    location ~ "{pattern}" {{\n'
            f"        client_max_body_size {_size(limit)};\n"
            "        proxy_request_buffering off;\n"
            "        proxy_read_timeout 120s;\n"
            "        proxy_pass http://taimi_http;\n"
            "    }"
        )
    return render(
        (TEMPLATES / "taimi.conf.template").read_text(),
        {
            "http_servers": "\n".join(f"    server {address} max_fails=0;" for address in http),
            "ws_servers": "\n".join(f"    server {address} max_fails=0;" for address in ws),
            "listen": "\n".join(f"    listen {item};" for item in listen),
            "server_name": server_name,
            "max_url_bytes": _size(settings.REQUEST_MAX_URL_BYTES),
            "max_body_size": _size(settings.REQUEST_MAX_BODY_SIZE),
            "static_root": str(static_root).rstrip("/"),
            "metrics_allow": "\n".join(f"        allow {network};" for network in metrics_allow),
            "upload_locations": "\n".join(uploads),
        },
    )


class Command(BaseCommand):
    help = (
        "Print the nginx site configuration for the given upstreams, with the application's request limits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--http", action="append", required=True, help="host:port of an HTTP worker")
        parser.add_argument("--ws", action="append", required=True, help="host:port of a Daphne process")
        parser.add_argument(
            "--listen", action="append", help='nginx listen value, e.g. "443 ssl" (default 80)'
        )
        parser.add_argument("--server-name", default="_")
        parser.add_argument("--static-root", default=str(settings.STATIC_ROOT))
        parser.add_argument(
            "--local-prefix",
            help="Write taimi.conf and a whole nginx.conf for a non-root nginx into this directory",
        )
        parser.add_argument("--access-log", default="off", help="access_log value in the local nginx.conf")

    def handle(self, *args, http, ws, listen, server_name, static_root, local_prefix, access_log, **options):
        site = site_config(
            http=http,
            ws=ws,
            listen=listen or ["80"],
            server_name=server_name,
            static_root=static_root,
            metrics_allow=settings.METRICS_ALLOWED_NETWORKS,
        )
        if not local_prefix:
            self.stdout.write(site, ending="")
            return
        prefix = Path(local_prefix)
        prefix.mkdir(parents=True, exist_ok=True)
        (prefix / "taimi.conf").write_text(site)
        main = render(
            (TEMPLATES / "nginx-local.conf.template").read_text(),
            {
                "prefix": str(prefix),
                "access_log": access_log,
                # Started by root (CI), nginx's workers would run as nobody and not read VAR_DIR's files.
                "user": "user root;\n" if os.geteuid() == 0 else "",
            },
        )
        (prefix / "nginx.conf").write_text(main)
        self.stdout.write(str(prefix / "nginx.conf"))
