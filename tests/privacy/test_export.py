"""“Download my data”: the export holds every kind of the person's data and nothing of others'.

One row of each kind is written for the person and one for someone else (tests/privacy/kinds.py); a kind
declared in the registry without a builder there fails, so the test grows with each new app.
"""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.personal_data import DECLARATIONS
from privacy.models import DataExport
from tests.privacy import kinds

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_people(demo_loaded):
    from teams.models import Person

    first, second = Person.objects.select_related("user").order_by("pk")[:2]
    return first.user, second.user


@pytest.fixture
def every_kind(two_people):
    me, other = two_people
    return {label: kinds.build(label, me, other) for label in sorted(DECLARATIONS) if label in kinds.BUILDERS}


def read_zip(data: bytes, password: str | None = None) -> dict:
    import pyzipper

    archive = pyzipper.AESZipFile(io.BytesIO(data))
    if password:
        archive.setpassword(password.encode())
    names = archive.namelist()
    kinds_found = {
        name[len("data/") : -len(".json")]: json.loads(archive.read(name))
        for name in names
        if name.startswith("data/") and name.endswith(".json")
    }
    return {
        "names": names,
        "manifest": json.loads(archive.read("manifest.json")),
        "data": kinds_found,
        "archive": archive,
    }


def test_every_declared_kind_has_a_fixture():
    missing = sorted(set(DECLARATIONS) - set(kinds.BUILDERS))
    assert not missing, f"Add a builder to tests/privacy/kinds.py for: {', '.join(missing)}"


def test_the_export_holds_each_kind_and_nothing_of_others(two_people, every_kind):
    from privacy import export

    me, other = two_people
    out = io.BytesIO()
    export.write_zip(user=me, target=out)
    result = read_zip(out.getvalue())
    assert {k["kind"] for k in result["manifest"]["kinds"]} == set(DECLARATIONS)
    problems = []
    for label, (mine, theirs) in every_kind.items():
        rows = result["data"].get(label, [])
        if not rows:
            problems.append(f"{label}: not in the export")
            continue
        if mine is None:  # exported without an id (sessions): the person's rows only
            if len(rows) != 1:
                problems.append(f"{label}: {len(rows)} rows, expected the person's one")
            continue
        ids = {row.get("id") for row in rows}
        if mine not in ids:
            problems.append(f"{label}: the person's row {mine} is missing")
        if theirs in ids:
            problems.append(f"{label}: another person's row {theirs} is in it")
    assert not problems, problems
    # Others' words do not leak through the person's own kinds.
    text = json.dumps(result["data"])
    assert "a message to me" not in text
    assert "my message" in text
    # The person's uploaded file is in it, the other's is not.
    files = [name for name in result["names"] if name.startswith("files/chat.Attachment/")]
    assert len(files) == 1
    assert result["archive"].read(files[0]) in (b"file %d" % n for n in range(1, 10_000))
    # CSV beside each JSON.
    assert all(
        name.replace(".json", ".csv") in result["names"]
        for name in result["names"]
        if name.endswith(".json") and name.startswith("data/")
    )


def test_a_person_asks_follows_and_downloads(client, two_people, django_capture_on_commit_callbacks):
    me, other = two_people
    client.force_login(me)
    page = client.get(reverse("privacy:my_data"))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:my_data"))
    assert response.status_code == 302
    export = DataExport.objects.get(subject=me)
    # The immediate job backend of the tests has built it when the request committed.
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    status = client.get(reverse("privacy:export_status", args=[export.token])).json()
    assert status["progress"] == 100 and status["url"]
    # The zip's password is shown once: to this answer, then neither here nor on the page.
    password = status["password"]
    assert len(password) >= 16
    assert client.get(reverse("privacy:export_status", args=[export.token])).json()["password"] == ""
    assert password not in client.get(reverse("privacy:my_data")).content.decode()
    download = client.get(status["url"])
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    # Encrypted with AES: unreadable without the password, readable with it.
    with pytest.raises((RuntimeError, NotImplementedError)):
        zipfile.ZipFile(io.BytesIO(body)).read("manifest.json")
    with pytest.raises(RuntimeError):
        read_zip(body, "wrong-password")
    data = read_zip(body, password)
    assert data["data"]["auth.User"][0]["username"] == me.username
    assert "password" not in data["data"]["auth.User"][0]
    assert AuditEvent.objects.filter(action="data_export", actor=me).exists()
    # Someone else cannot follow or download it.
    client.force_login(other)
    assert client.get(reverse("privacy:export_status", args=[export.token])).status_code == 404
    assert client.get(reverse("privacy:download", args=[export.token])).status_code == 404


def test_the_link_expires(client, two_people, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from privacy import export as exports

    me, _other = two_people
    client.force_login(me)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy:my_data"))
    export = DataExport.objects.get(subject=me)
    assert exports.expire(now=timezone.now() + datetime.timedelta(days=30)) == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file
    assert client.get(reverse("privacy:download", args=[export.token])).status_code == 403


def test_an_administrator_exports_for_a_data_subject_request(
    client, two_people, administrator_user, django_capture_on_commit_callbacks
):
    me, _other = two_people
    client.force_login(administrator_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy_person"), {"username": me.username})
    assert response.status_code == 302
    export = DataExport.objects.get(subject=me)
    assert export.requested_by == administrator_user
    assert client.get(reverse("privacy:download", args=[export.token])).status_code == 200
    # The password is shown once to the administrator who asked (the person page), not to the person.
    page = client.get(reverse("privacy_person"), {"username": me.username}).content.decode()
    export.refresh_from_db()
    assert export.password == "" and "<code>" in page
    event = AuditEvent.objects.get(action="data_export", actor=administrator_user)
    assert event.details["on_behalf"] is True
    # Staff may not.
    client.force_login(_other)
    assert client.post(reverse("privacy_person"), {"username": me.username}).status_code in (302, 403)
    assert DataExport.objects.filter(subject=me).count() == 1


def test_follow_up_reports_are_audited(client, demo_loaded):
    """Reading who has (not) acknowledged a must-read, or an instruction's feedback with names, is audited."""
    from django.contrib.auth import get_user_model

    from instructions.models import InstructionPage
    from news.models import NewsArticlePage

    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    article = NewsArticlePage.objects.live().filter(must_read=True, locale__language_code="fi").first()
    assert client.get(reverse("news:follow_up", args=[article.pk])).status_code == 200
    instruction = InstructionPage.objects.live().first()
    assert client.get(reverse("instructions_feedback_detail", args=[instruction.pk])).status_code == 200
    reports = set(
        AuditEvent.objects.filter(action="report_access", actor=admin).values_list(
            "details__report", flat=True
        )
    )
    assert reports == {"must_read", "instruction_feedback"}
