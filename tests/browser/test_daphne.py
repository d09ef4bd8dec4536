"""End to end through the real server: Daphne serving HTTP, static files and the websocket.

The platform is started by ``scripts/start.sh`` itself (install check, migrate,
collectstatic, demo data, the worker and Daphne) in a temporary VAR_DIR with DEBUG
off, on a copy of the session's demo data, and a browser uses it; at the end Ctrl+C (SIGINT to the process group) must
stop Daphne and the worker both.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from demo.teams_data import DEMO_PASSWORD

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _processes_in_group(pgid: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) == pgid:
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (ProcessLookupError, PermissionError, FileNotFoundError):
            continue
    return found


@pytest.fixture(scope="module")
def started(tmp_path_factory, demo_server_database):
    """``bash scripts/start.sh`` in its own process group; yields (url, process, log path).

    Its database is a copy of the session's demo data (fixture ``demo_server_database``: on PostgreSQL a
    database of its own, on SQLite VAR_DIR's file), so start.sh migrates, collects the static files and
    runs ``demo_data`` as on a second start, which adds nothing: the first load costs a minute of CPU
    and the demo tests check it (tests/intranet/test_demo_data.py)."""
    var = tmp_path_factory.mktemp("daphne-var")
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    port = free_port()
    env.update(
        VAR_DIR=str(var),
        DJANGO_SETTINGS_MODULE="intranet.settings",
        PORT=str(port),
        HOST="127.0.0.1",
        PYTHON=str(BIN / "python"),
        **demo_server_database.use(var),
    )
    log = var / "start.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            ["bash", "scripts/start.sh"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1800):  # install check, migrate, demo data: up to three minutes on a cold machine
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("start.sh stopped: " + log.read_text(errors="replace")[-3000:])
                time.sleep(0.1)
        else:
            pytest.fail("Daphne did not start: " + log.read_text(errors="replace")[-3000:])
        yield url, server, log
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def daphne(started):
    return started[0]


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


PUBLISH_FORM = {
    "title": "Daphnen kautta julkaistu tiedote",
    "slug": "daphnen-kautta-julkaistu-tiedote",
    "lead": "Julkaistu ylläpidosta, näkyy heti verkossa oleville.",
    "hero_alt": "",
    "pinned_until": "",
    "seo_title": "",
    "search_description": "",
    "go_live_at": "",
    "expire_at": "",
    "body-count": "0",
    "action-publish": "action-publish",
}


def test_publishing_reaches_a_reader_online_live(daphne, browser, login):
    """The communication unit publishes through the real admin; a reader with the news page open sees it."""
    import re

    reader = browser.new_context()
    reader_page = reader.new_page()
    login(reader_page, daphne, "henkilo", DEMO_PASSWORD)
    reader_page.wait_for_url(daphne + "/")
    reader_page.goto(daphne + "/uutiset/")
    reader_page.wait_for_function("() => window.taimiSocket && window.taimiSocket.readyState === 1")
    before = int(reader_page.locator(".bell").get_attribute("data-unread"))

    editor = browser.new_context()
    editor_page = editor.new_page()
    login(editor_page, daphne, "viestinta", DEMO_PASSWORD)
    editor_page.wait_for_url(daphne + "/")
    news_html = editor.request.get(daphne + "/uutiset/").text()
    index_id = re.search(r"/admin/pages/(\d+)/edit", news_html).group(1)
    add_url = f"{daphne}/admin/pages/add/news/newsarticlepage/{index_id}/"
    form_html = editor.request.get(add_url).text()
    publisher = re.search(r'name="publisher"[\s\S]*?<option value="(\d+)" selected', form_html).group(1)
    csrf = next(cookie["value"] for cookie in editor.cookies() if cookie["name"] == "csrftoken")
    response = editor.request.post(
        add_url,
        form={**PUBLISH_FORM, "publisher": publisher, "csrfmiddlewaretoken": csrf},
        headers={"Referer": add_url},
        max_redirects=0,
    )
    assert response.status == 302, response.text()[:2000]

    toast = reader_page.locator("#taimi-live")
    toast.get_by_role("link", name="Daphnen kautta julkaistu tiedote").wait_for(timeout=10_000)
    assert int(reader_page.locator(".bell").get_attribute("data-unread")) == before + 1
    reader_page.reload()
    assert "Daphnen kautta julkaistu tiedote" in reader_page.content()  # in the feed, from the database
    reader.close()
    editor.close()


def test_presence_and_work_location_changes_appear_live_on_a_team_page(daphne, browser, login):
    """A (henkilo) changes status and location from the header; B (viestinta) sees it on A's team page."""
    import re

    from axe_playwright_python.sync_playwright import Axe

    watcher = browser.new_context()
    b = watcher.new_page()
    login(b, daphne, "viestinta", DEMO_PASSWORD)
    b.wait_for_url(daphne + "/")
    profile = b.request.get(daphne + "/ihmiset/henkilo/").text()
    team_url = re.search(r'href="(/tiimit/[^"/]+/)"', profile).group(1)
    b.goto(daphne + team_url)
    b.wait_for_function("() => window.TaimiLive && window.TaimiLive.state() === 'open'")
    user_id = re.search(r'data-presence-topics="presence.user.(\d+)"', profile).group(1)
    card = b.locator(f'[data-presence-user="{user_id}"]').first
    where = b.locator(f'[data-where-user="{user_id}"]').first

    mover = browser.new_context()
    a = mover.new_page()
    login(a, daphne, "henkilo", DEMO_PASSWORD)
    a.wait_for_url(daphne + "/")
    a.locator(".presence-menu summary").click()
    a.locator(".presence-menu").get_by_role("button", name="Varattu").click()
    a.wait_for_load_state()
    card.locator(".presence__label", has_text="Varattu").wait_for(timeout=10_000)
    a.locator(".presence-menu summary").click()
    a.locator(".presence-menu").get_by_role("button", name="Etätyössä").click()
    where.get_by_text("Etätyössä").wait_for(timeout=10_000)
    assert b.url == daphne + team_url  # no reload on B's side
    results = Axe().run(
        b, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
    watcher.close()
    mover.close()


def test_start_runs_the_worker_beside_daphne_and_ctrl_c_stops_both(started):
    _url, server, log = started
    running = _processes_in_group(server.pid)
    assert any("run_worker" in command for command in running), running
    assert any("daphne" in command for command in running), running
    assert "Demo logins" in log.read_text()  # the logins are printed
    os.killpg(server.pid, signal.SIGINT)  # what Ctrl+C in the terminal does
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"Still running 20 s after Ctrl+C: {_processes_in_group(server.pid)}\n"
            + log.read_text(errors="replace")[-3000:]
        )
    deadline = time.monotonic() + 10
    while _processes_in_group(server.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_in_group(server.pid) == []
