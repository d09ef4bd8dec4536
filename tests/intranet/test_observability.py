"""/readyz, /metrics and the JSON log lines (docs/deployment.md, "Health, metrics and logs")."""

import datetime
import io
import json
import logging
import logging.config

import pytest
from django.utils import timezone

from core import health

EXPECTED_CHECKS = {"database", "redis", "worker", "jobs", "search", "search_outbox", "channel_layer"}


@pytest.mark.django_db
def test_readiness_lists_every_backend_without_signing_in(client):
    response = client.get("/readyz")
    body = response.json()
    assert EXPECTED_CHECKS <= set(body["checks"])
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["channel_layer"]["status"] == "ok"
    # No worker has ever run in the test database: the service is degraded, not down.
    assert body["checks"]["worker"] == {
        "status": "error",
        "detail": "never seen",
        "ms": body["checks"]["worker"]["ms"],
    }
    assert body["status"] == "degraded"
    assert response.status_code == 200


@pytest.mark.django_db
def test_readiness_sees_the_worker_heartbeat(client):
    from core.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", started_at=now, beat_at=now)
    assert client.get("/readyz").json()["checks"]["worker"]["status"] == "ok"
    WorkerHeartbeat.objects.update(beat_at=now - datetime.timedelta(minutes=10))
    worker = client.get("/readyz").json()["checks"]["worker"]
    assert worker["status"] == "error" and worker["detail"].startswith("last seen")


@pytest.mark.django_db
def test_a_stuck_search_outbox_is_reported(client):
    from search.models import IndexOutbox

    row = IndexOutbox.objects.create(ref="news:1")
    assert client.get("/readyz").json()["checks"]["search_outbox"] == {
        "status": "ok",
        "detail": "1 waiting",
        "ms": pytest.approx(0, abs=5000),
    }
    IndexOutbox.objects.filter(pk=row.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=30))
    outbox = client.get("/readyz").json()["checks"]["search_outbox"]
    assert outbox["status"] == "error" and outbox["detail"] == "1 waiting, oldest 30 min"


@pytest.mark.django_db
def test_failing_backend_shows_no_address_or_password(client, settings):
    settings.REDIS_URL = "redis://:hunter2-secret@127.0.0.1:1/0"
    response = client.get("/readyz")
    assert response.json()["checks"]["redis"]["status"] == "error"
    assert response.json()["checks"]["redis"]["detail"] == "unavailable"
    text = response.content.decode()
    assert "hunter2" not in text and "127.0.0.1" not in text and settings.SECRET_KEY not in text


@pytest.mark.django_db
def test_a_failing_critical_check_answers_503(client, monkeypatch):
    monkeypatch.setattr(health, "_CHECKS", dict(health._CHECKS))

    def broken():
        raise RuntimeError("connection to server at 10.0.0.5 failed")

    health.register_check("database", broken, critical=True)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert "10.0.0.5" not in response.content.decode()


@pytest.mark.django_db
def test_metrics_only_for_allowed_networks_or_the_token(client, settings):
    client.get("/healthz")
    response = client.get("/metrics")  # the test client comes from 127.0.0.1
    assert response.status_code == 200
    text = response.content.decode()
    for name in (
        "taimi_http_request_duration_seconds_bucket",
        "taimi_websockets_open",
        "taimi_chat_deliveries_total",
        "taimi_job_queue_depth",
        "taimi_search_outbox_backlog",
        "taimi_search_duration_seconds",
    ):
        assert name in text
    # Through nginx the client is the address nginx appended: a forged first entry does not help.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1, 192.0.2.7").status_code == 403
    settings.METRICS_ALLOWED_NETWORKS = []
    settings.METRICS_TOKEN = "scrape-token-1"
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-token-1").status_code == 200


@pytest.fixture
def json_log(settings):
    """The production logging configuration (LOG_FORMAT=json) on the access logger, into a buffer."""
    stream = io.StringIO()
    config = settings.LOGGING
    handler = logging.StreamHandler(stream)
    formatter_config = dict(config["formatters"]["json"])
    factory = formatter_config.pop("()")
    from django.utils.module_loading import import_string

    handler.setFormatter(import_string(factory)(**formatter_config))
    from core.logcontext import RequestContext

    handler.addFilter(RequestContext())
    logger = logging.getLogger("taimi.access")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.mark.django_db
def test_json_log_line_has_request_and_user_ids_and_no_content(staff_client, staff_user, json_log):
    response = staff_client.get("/haku/?q=salainen-hakusana")
    (line,) = [entry for entry in json_log() if entry["logger"] == "taimi.access"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["user_id"] == staff_user.pk
    assert line["status"] == response.status_code and line["method"] == "GET"
    assert "salainen-hakusana" not in json.dumps(line)


@pytest.mark.django_db
def test_json_log_never_holds_a_posted_body(client, json_log):
    client.post("/kirjaudu/", {"username": "nobody", "password": "Salasana-joka-ei-kay-1"})
    lines = json_log()
    assert lines and all(entry["user_id"] is None for entry in lines)
    assert "Salasana-joka-ei-kay-1" not in json.dumps(lines)
    # A request id a client makes up in a bad shape is replaced by one of ours.
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32
