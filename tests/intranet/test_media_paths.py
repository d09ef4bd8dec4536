"""Path fuzz of the file routes: /media/, /documents/<id>/<name> and chat attachments.

A reader outside a KEHA-only instruction's audience, and outside a chat room,
tries every spelling of a way to a restricted file: dot segments, single and
double percent-encoding, overlong UTF-8, backslashes, NUL, empty segments,
symlinks out of a served directory, and Wagtail's document view with the right
and a wrong file name. Every answer is the same 404 page and carries no byte
of a restricted file. The test client percent-decodes the path once, as a
server does (and as Daphne does).
"""

import io
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from tests.instructions.conftest import library, make_document, make_instruction  # noqa: F401 - library fixture

SECRET = b"%PDF-1.4 ZQRESTRICTEDBYTES"
OUTSIDE = b"ZQOUTSIDEBYTES"
IMAGE = b"ZQIMAGEBYTES allowed"


@pytest.fixture
def files(settings, tmp_path, library, org):  # noqa: F811
    """A restricted document, an image, a photo, a file outside MEDIA_ROOT, symlinks, a chat attachment."""
    from chat import attachments, messages
    from chat.models import Room

    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = media
    settings.VAR_DIR = tmp_path  # chat attachments go to tmp_path/chat-attachments, beside media/
    document = make_document(title="zqsalainen.pdf", content=SECRET)
    make_instruction(
        library,
        title="KEHA-ohje",
        slug="keha-ohje",
        audience=["keha"],
        body=[("attachment", {"document": document, "title": "Liite"})],
    )
    (media / "images").mkdir()
    (media / "images" / "kuva.jpg").write_bytes(IMAGE)
    (media / "people" / "photos").mkdir(parents=True)
    (media / "people" / "photos" / "kasvo.jpg").write_bytes(IMAGE)
    (tmp_path / "salaisuus.txt").write_bytes(OUTSIDE)
    os.symlink(media / document.file.name, media / "images" / "linkki.pdf")
    os.symlink(media / "documents", media / "images" / "docs")
    os.symlink(tmp_path, media / "people" / "photos" / "ulos")
    aino = org.people["aino"].user
    room = Room.objects.get(team=org.payroll_team)
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(picture, "PNG")
    upload = SimpleUploadedFile("kuva.png", picture.getvalue(), content_type="image/png")
    attachment = attachments.store_upload(user=aino, room_id=room.pk, upload=upload)
    messages.post_message(user=aino, room_id=room.pk, body="", attachment_ids=[attachment.pk])
    chat_bytes = attachment.file.open("rb").read()
    attachment.file.close()
    return {
        "document": document,
        "attachment": attachment,
        "secrets": [SECRET, OUTSIDE, chat_bytes[:64]],
        "file": os.path.basename(document.file.name),
        "chat_path": attachment.file.name,
    }


def media_paths(f: str, chat_path: str) -> list[str]:
    """Ways to name the restricted document (``f``), a file outside MEDIA_ROOT or a chat attachment."""
    target = f"documents/{f}"
    return [
        target,
        f"./{target}",
        f"images/../{target}",
        f"%2e/{target}",
        f"%2E/{target}",
        f"x/..%2f{target}",
        f"images/%2e%2e/{target}",
        f"images/%2E%2E%2F{target}",
        f"images/.%2e/{target}",
        f"images/%2e./{target}",
        f"%252e/{target}",
        f"images/%252e%252e/{target}",
        f"images/%252e%252e%252f{target}",
        f"images/..%252f{target}",
        f"images/..%5c{target}",
        f"images/..%5Cdocuments%5C{f}",
        f"images\\..\\documents\\{f}",
        f"images/%2e%2e%5c{target}",
        f"{target}%00",
        f"{target}%00.jpg",
        f"images/kuva.jpg%00/../../{target}",
        f"/{target}",
        f"%2f{target}",
        f"images//../{target}",
        f"images/./../{target}",
        f"{target}/",
        f"documents/./{f}",
        f"images/..;/{target}",
        f"%c0%ae%c0%ae/{target}",
        f"images/%c0%ae%c0%ae/{target}",
        f"images/%u002e%u002e/{target}",
        f"images/%e0%80%ae%e0%80%ae/{target}",
        f"DOCUMENTS/{f}",
        f"documents/{f.upper()}",
        f"original_images/../{target}",
        f"people/photos/../../{target}",
        f"images/....//{target}",
        f"images/..../{target}",
        f"images/.../{target}",
        f"{target};x",
        f"{target}%20",
        f"{target}.",
        f" {target}",
        f"images/%20../{target}",
        "images/linkki.pdf",
        f"images/docs/{f}",
        "images/../../salaisuus.txt",
        "../salaisuus.txt",
        "%2e%2e/salaisuus.txt",
        "images/%2e%2e/%2e%2e/salaisuus.txt",
        "images/..%2f..%2fsalaisuus.txt",
        "people/photos/ulos/salaisuus.txt",
        "people/photos/..%2f..%2f..%2fsalaisuus.txt",
        f"../chat-attachments/{chat_path}",
        f"people/photos/ulos/chat-attachments/{chat_path}",
        f"images/%2e%2e/%2e%2e/chat-attachments/{chat_path}",
        "images/",
        "images",
        "",
        ".",
        "..",
        "%2e%2e",
        "images/.",
        "people/photos/.",
        "/etc/passwd",
        "images/../../../../../../etc/passwd",
        "..%2f..%2f..%2fetc/passwd",
    ]


def _normalised(body: bytes) -> bytes:
    """The 404 page without the per-request parts (CSRF token, nonces)."""
    return re.sub(rb'(value|nonce|content)="[^"]*"', b"", body)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _check(client, url, secrets, not_found_page) -> list[str]:
    response = client.get(url)
    body = _body(response)
    problems = []
    if response.status_code != 404:
        problems.append(f"{url}: {response.status_code}")
    if any(secret in body for secret in secrets):
        problems.append(f"{url}: restricted bytes in the answer")
    elif response.status_code == 404 and _normalised(body) != not_found_page:
        problems.append(f"{url}: a 404 that differs from a missing file's")
    return problems


@pytest.fixture
def reader_client(client, library, files):  # noqa: F811
    client.force_login(library.readers["ely"])
    client.raise_request_exception = False
    return client


@pytest.fixture
def not_found_page(reader_client):
    response = reader_client.get("/media/images/ei-ole-olemassa.jpg")
    assert response.status_code == 404
    return _normalised(response.content)


@pytest.mark.django_db
def test_no_spelling_of_a_media_path_reaches_a_restricted_file(reader_client, files, not_found_page):
    problems = []
    for path in media_paths(files["file"], files["chat_path"]):
        problems += _check(reader_client, f"/media/{path}", files["secrets"], not_found_page)
    assert problems == []


@pytest.mark.django_db
def test_restricted_and_missing_documents_answer_the_same(reader_client, files, not_found_page):
    document = files["document"]
    name = document.filename
    urls = [
        f"/documents/{document.pk}/{name}",
        f"/documents/{document.pk}/vaara-nimi.pdf",
        f"/documents/999999/{name}",
        f"/documents/0{document.pk}/{name}",
        f"/documents/{document.pk}/{name}/",
        f"/documents/{document.pk}/./{name}",
        f"/documents/{document.pk}/..%2f{name}",
        f"/documents/{document.pk}/%2e%2e/{name}",
        f"/documents/{document.pk}/{name}%00",
        f"/documents/{document.pk}/{name.upper()}",
        f"/documents/{document.pk}/%252e%252e/{name}",
        f"/documents/{document.pk}/..%5c{name}",
        f"/media/../documents/{document.pk}/{name}",
    ]
    problems = []
    for url in urls:
        problems += _check(reader_client, url, files["secrets"], not_found_page)
    # A cached copy's ETag does not open the door either.
    response = reader_client.get(urls[0], HTTP_IF_NONE_MATCH=f'"{document.file_hash}"')
    assert response.status_code == 404
    assert problems == []


@pytest.mark.django_db
def test_chat_attachments_of_another_room_answer_the_same(reader_client, files, not_found_page):
    pk = files["attachment"].pk
    missing = reader_client.get("/chat/liite/999999/")
    assert missing.status_code == 404
    urls = [f"/chat/liite/{pk}/", f"/chat/liite/{pk}/pieni/", f"/chat/liite/0{pk}/"]
    problems = []
    for url in urls:
        problems += _check(reader_client, url, files["secrets"], _normalised(missing.content))
    assert problems == []


@pytest.mark.django_db
def test_what_may_be_read_is_served(client, library, files):  # noqa: F811
    """The same routes serve what the reader may have: images, photos, a document of their audience."""
    client.force_login(library.readers["keha"])
    for url in ["/media/images/kuva.jpg", "/media/people/photos/kasvo.jpg"]:
        response = client.get(url)
        assert response.status_code == 200 and _body(response) == IMAGE
        assert response["X-Content-Type-Options"] == "nosniff"
    document = files["document"]
    response = client.get(f"/documents/{document.pk}/{document.filename}")
    assert response.status_code == 200 and _body(response) == SECRET
    client.logout()
    assert client.get("/media/images/kuva.jpg").status_code == 302  # to the login page


SEGMENTS = [
    "..",
    ".",
    "%2e",
    "%2e%2e",
    "%252e",
    "%2f",
    "%5c",
    "\\",
    "%00",
    "",
    "images",
    "documents",
    "people",
    "photos",
    "original_images",
    "%25",
    ";",
    "ulos",
    "docs",
    "linkki.pdf",
    "..%2f",
    "%2e%2e%2f",
    "salaisuus.txt",
]


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6),
    last=st.sampled_from(["file", "outside"]),
)
def test_generated_paths_never_reach_a_restricted_file(reader_client, files, parts, last):
    target = files["file"] if last == "file" else "salaisuus.txt"
    path = "/".join([*parts, target])
    response = reader_client.get(f"/media/{path}")
    body = _body(response)
    assert response.status_code == 404, path
    assert not any(secret in body for secret in files["secrets"]), path
