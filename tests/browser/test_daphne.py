"""End to end through the real server: Daphne serving HTTP, static files and the websocket.

The platform is started as ``scripts/start.sh`` starts it (migrate, collectstatic,
demo data, daphne) in a temporary VAR_DIR with DEBUG off, and a browser uses it.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from teams.demo_data import DEMO_PASSWORD

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def daphne(tmp_path_factory):
    var = tmp_path_factory.mktemp("daphne-var")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update(VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="intranet.settings")
    manage = [str(BIN / "python"), "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["demo_data", "--no-logins"]):
        subprocess.run(manage + command, cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port), "intranet.asgi:application"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("Daphne did not start: " + server.stderr.read1().decode(errors="replace"))
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


OPEN_SOCKET = """(path) => new Promise((resolve) => {
    const ws = new WebSocket(`ws://${location.host}${path}`);
    const frames = [];
    ws.onopen = () => ws.send(JSON.stringify({type: "ping", ref: "r1"}));
    ws.onmessage = (event) => { frames.push(JSON.parse(event.data)); if (frames.length === 2) ws.close(1000); };
    ws.onclose = (event) => resolve({code: event.code, frames});
    setTimeout(() => resolve({code: "timeout", frames}), 5000);
})"""


def test_signed_in_browser_gets_pages_static_files_and_a_websocket(daphne, page, login):
    css_responses = []
    page.on("response", lambda r: css_responses.append(r) if r.url.endswith(".css") else None)
    login(page, daphne, "henkilo", DEMO_PASSWORD)
    page.wait_for_url(daphne + "/")
    assert "Tervetuloa, Liisa!" in page.content()
    # Hashed, compressed static files from WhiteNoise with a far-future cache header.
    css = [r for r in css_responses if "/static/intranet/css/site." in r.url]
    assert css and css[0].status == 200
    assert "max-age=315360000" in css[0].headers.get("cache-control", "")
    result = page.evaluate(OPEN_SOCKET, "/ws/")
    hello, pong = result["frames"]
    assert hello["type"] == "hello" and hello["user"] == "henkilo"
    assert isinstance(hello["unread_notifications"], int)
    assert pong == {"type": "pong", "ref": "r1"}
    assert result["code"] == 1000


def test_anonymous_websocket_is_refused(daphne, page):
    page.goto(daphne + "/kirjaudu/")
    result = page.evaluate(OPEN_SOCKET, "/ws/")
    assert result["frames"] == []
    assert result["code"] == 4401


def test_health_check_and_login_redirect_without_a_browser(daphne):
    assert urllib.request.urlopen(daphne + "/healthz").status == 200
    request = urllib.request.Request(daphne + "/ihmiset/")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request)
    assert redirect.value.code == 302
    assert redirect.value.headers["Location"] == "/kirjaudu/?next=/ihmiset/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
