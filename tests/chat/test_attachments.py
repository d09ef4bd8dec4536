"""Attachments: images re-encoded, documents checked by content, everything else refused and nothing stored."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from chat import attachments, messages
from chat.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _attachment_dir(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    return tmp_path


def stored_files() -> list[Path]:
    root = Path(settings.VAR_DIR) / "chat-attachments"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def png(width=40, height=30, mode="RGB", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "red" if mode == "RGB" else (255, 0, 0, 128)).save(buffer, "PNG", **save)
    return buffer.getvalue()


def jpeg_with_exif() -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (50, 40), "blue")
    exif = Image.Exif()
    exif[0x010F] = "Salainen kameravalmistaja"
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(user, room, name, content, content_type="application/octet-stream"):
    return attachments.store_upload(
        user=user, room_id=room.pk, upload=SimpleUploadedFile(name, content, content_type=content_type)
    )


def test_image_is_re_encoded_without_metadata_and_thumbnailed(chat, users):
    _org, room, _vaasa = chat
    attachment = upload(users["aino"], room, "kuva.jpg", jpeg_with_exif(), "image/jpeg")
    assert attachment.kind == "image" and attachment.content_type == "image/jpeg"
    assert (attachment.width, attachment.height) == (50, 40)
    stored = Image.open(attachment.file.open("rb"))
    assert stored.format == "JPEG" and 0x010F not in stored.getexif()
    assert attachment.thumbnail and len(stored_files()) == 2


def test_transparent_png_stays_png(chat, users):
    _org, room, _vaasa = chat
    attachment = upload(users["aino"], room, "logo.png", png(mode="RGBA"))
    assert attachment.content_type == "image/png"


def test_pdf_and_office_documents_are_accepted(chat, users):
    _org, room, _vaasa = chat
    pdf = upload(users["aino"], room, "Päätös 2026.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF")
    word = upload(users["aino"], room, "muistio.docx", docx())
    assert (pdf.kind, pdf.content_type, pdf.original_name) == ("file", "application/pdf", "Päätös 2026.pdf")
    assert word.content_type.endswith("wordprocessingml.document")


def bomb() -> bytes:
    # 20,000 × 20,000 pixels of one colour: a few KB on disk, 1.2 GB decoded.
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
# A GIF header followed by HTML/JS: a classic polyglot, and not a decodable image.
POLYGLOT_GIF = b"GIF89a/*\x00\x00\x00\x00*/=1;<script>alert(1)</script>"
# An HTML page named .pdf: its first bytes are not %PDF-.
HTML_AS_PDF = b"<html><script>alert(1)</script>%PDF-1.4</html>"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("pommi.png", bomb(), "too_many_pixels"),
        ("kuva.svg", SVG, "unsupported_type"),
        ("kuva.png", SVG, "not_an_image"),
        ("polyglotti.gif", POLYGLOT_GIF, None),
        ("ohje.pdf", HTML_AS_PDF, "content_mismatch"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "content_mismatch"),
        ("tyhja.pdf", b"", "empty_file"),
        ("ohjelma.exe", b"MZ\x90\x00", "unsupported_type"),
        ("sivu.html", b"<html></html>", "unsupported_type"),
        ("katkaistu.png", png()[:60], "damaged_image"),
    ],
)
def test_attacks_and_mistakes_are_refused_and_nothing_is_stored(chat, users, name, content, code):
    from chat.errors import ChatError

    _org, room, _vaasa = chat
    with pytest.raises(ChatError) as refused:
        upload(users["aino"], room, name, content)
    if code:
        assert refused.value.code == code
    assert refused.value.message
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_oversized_file_is_refused(chat, users, monkeypatch):
    from chat.errors import ChatError

    _org, room, _vaasa = chat
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ChatError) as refused:
        upload(users["aino"], room, "iso.pdf", b"%PDF-" + b"0" * 2000)
    assert refused.value.code == "file_too_large"
    assert not Attachment.objects.exists() and stored_files() == []


def test_non_member_cannot_upload_or_download(chat, users, client):
    from chat.errors import ChatError

    _org, room, _vaasa = chat
    with pytest.raises(ChatError):
        upload(users["sanna"], room, "kuva.png", png())
    attachment = upload(users["aino"], room, "kuva.png", png())
    message, _ = messages.post_message(
        user=users["aino"], room_id=room.pk, body="", attachment_ids=[attachment.pk]
    )
    url = reverse("chat:attachment", kwargs={"attachment_id": attachment.pk})
    client.force_login(users["sanna"])
    assert client.get(url).status_code == 404
    client.force_login(users["matti"])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    messages.delete_message(user=users["aino"], message_id=message.pk)
    assert client.get(url).status_code == 404


def test_documents_download_as_attachments_and_unsent_ones_only_to_the_uploader(chat, users, client):
    _org, room, _vaasa = chat
    pdf = upload(users["aino"], room, "Päätös.pdf", b"%PDF-1.7 test")
    url = reverse("chat:attachment", kwargs={"attachment_id": pdf.pk})
    client.force_login(users["matti"])
    assert client.get(url).status_code == 404  # not sent yet
    client.force_login(users["aino"])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"


def test_attachment_binds_only_once_and_only_the_uploaders_own(chat, users):
    from chat.errors import ChatError

    _org, room, _vaasa = chat
    attachment = upload(users["aino"], room, "kuva.png", png())
    with pytest.raises(ChatError):
        messages.post_message(
            user=users["matti"], room_id=room.pk, body="varastettu", attachment_ids=[attachment.pk]
        )
    messages.post_message(user=users["aino"], room_id=room.pk, body="", attachment_ids=[attachment.pk])
    with pytest.raises(ChatError):
        messages.post_message(
            user=users["aino"], room_id=room.pk, body="uudestaan", attachment_ids=[attachment.pk]
        )
    room.refresh_from_db()
    assert room.last_seq == 1


def zipped(entries: dict[str, bytes], *, extra_parts: int = 0) -> bytes:
    """A zip-based Office document with the given parts (deflated) and ``extra_parts`` empty ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, content in entries.items():
            archive.writestr(name, content)
        for number in range(extra_parts):
            archive.writestr(f"word/media/part{number}.xml", b"")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "code", "words"),
    [
        # 300 MB of zeros in one part: a few hundred KB on disk (the reviewed 4 MB -> 4 GiB bomb, scaled down).
        (
            "pommi.docx",
            lambda: zipped({"word/document.xml": bytes(300 * 1024 * 1024)}),
            "archive_too_large",
            ("300", "200"),
        ),
        # 20 MB of zeros: small enough in total, but packed a thousand to one.
        (
            "tiivis.xlsx",
            lambda: zipped({"xl/sheet1.xml": bytes(20 * 1024 * 1024)}),
            "archive_ratio",
            ("100",),
        ),
        ("osat.pptx", lambda: zipped({}, extra_parts=2001), "archive_too_many_parts", ("2000",)),
        ("pommi.odt", lambda: zipped({"mimetype": bytes(20 * 1024 * 1024)}), "archive_ratio", ("100",)),
    ],
)
def test_zip_bomb_documents_are_refused_with_a_clear_error(chat, users, client, name, make, code, words):
    _org, room, _vaasa = chat
    client.force_login(users["aino"])
    content = make()
    assert len(content) < attachments.MAX_FILE_BYTES
    for language, marker in (("fi", "Asiakirja"), ("sv", "Dokumentet"), ("en", "The document")):
        client.cookies["django_language"] = language
        response = client.post(
            reverse("chat:api_upload", args=[room.pk]), {"file": SimpleUploadedFile(name, content)}
        )
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == code and marker in error["message"], error
        assert all(word in error["message"] for word in words), error
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_a_real_sized_office_document_is_accepted(chat, users):
    _org, room, _vaasa = chat
    # 3 MB of varied text, as a long report: packs well but nowhere near a bomb.
    text = b"".join(
        b"<w:p>Rivi %d: maksatuksen tila ja seuraava toimenpide.</w:p>" % n for n in range(50_000)
    )
    attachment = upload(users["aino"], room, "raportti.docx", zipped({"word/document.xml": text}))
    assert attachment.kind == "file" and len(stored_files()) == 1
