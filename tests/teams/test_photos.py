"""Profile photo uploads: good photos become thumbnails; bad files get a clear error and store nothing."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from teams import photos


def png_bytes(width=800, height=600, color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_exif(width=1200, height=900) -> bytes:
    image = Image.new("RGB", (width, height), (20, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (60.0, 10.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims huge dimensions: a decompression bomb as Pillow sees it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def sanna_client(client, org):
    client.force_login(org.people["sanna"].user)
    return client


def upload(client, name, content, content_type="image/png"):
    return client.post(
        reverse("teams:photo_edit"), {"photo": SimpleUploadedFile(name, content, content_type)}
    )


@pytest.mark.django_db
class TestGoodPhotos:
    def test_photo_and_thumbnail_are_square_jpegs(self, sanna_client, org, media):
        response = upload(sanna_client, "me.png", png_bytes(800, 600))
        assert response.status_code == 302
        sanna = org.people["sanna"]
        sanna.refresh_from_db()
        with Image.open(sanna.photo.path) as photo, Image.open(sanna.photo_thumbnail.path) as thumb:
            assert (photo.format, photo.size) == ("JPEG", (photos.PHOTO_SIZE, photos.PHOTO_SIZE))
            assert thumb.size == (photos.THUMBNAIL_SIZE, photos.THUMBNAIL_SIZE)

    def test_location_metadata_is_removed(self, sanna_client, org, media):
        upload(sanna_client, "phone.jpg", jpeg_with_exif(), "image/jpeg")
        sanna = org.people["sanna"]
        sanna.refresh_from_db()
        with Image.open(sanna.photo.path) as photo:
            assert not photo.getexif()

    def test_thumbnail_appears_in_the_directory(self, sanna_client, org, media):
        upload(sanna_client, "me.png", png_bytes())
        org.people["sanna"].refresh_from_db()
        html = sanna_client.get(reverse("teams:directory"), {"q": "lehtola"}).content.decode()
        assert org.people["sanna"].photo_thumbnail.url in html

    def test_replacing_deletes_the_old_files(
        self, sanna_client, org, media, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            upload(sanna_client, "one.png", png_bytes(color=(1, 2, 3)))
        first = set(stored_files(media))
        with django_capture_on_commit_callbacks(execute=True):
            upload(sanna_client, "two.png", png_bytes(color=(9, 9, 9)))
        second = set(stored_files(media))
        assert len(first) == len(second) == 2
        assert not first & second

    def test_remove_photo(self, sanna_client, org, media, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            upload(sanna_client, "one.png", png_bytes())
            sanna_client.post(reverse("teams:photo_edit"), {"remove": "1"})
        org.people["sanna"].refresh_from_db()
        assert not org.people["sanna"].photo
        assert stored_files(media) == []


BAD_UPLOADS = [
    ("notes.png", b"These are my meeting notes, not a picture.", "not an image"),
    ("cut.png", png_bytes(400, 400)[:300], "damaged or incomplete"),
    ("huge.png", png_bytes(50, 50) + b"\0" * (photos.MAX_PHOTO_BYTES + 1), "too large"),
    ("bomb.png", png_header_only(10_000, 10_000), "megapixels"),
    ("megabomb.png", png_header_only(50_000, 50_000), "megapixels"),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "not an image"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_bad_upload_gets_a_clear_error_and_stores_nothing(client, org, media, name, content, message):
    client.force_login(org.people["sanna"].user)
    client.cookies["django_language"] = "en"
    response = upload(client, name, content)
    assert response.status_code == 400
    errors = " ".join(response.context["photo_form"].errors["photo"])
    assert message in errors
    assert message in response.content.decode()
    org.people["sanna"].refresh_from_db()
    assert not org.people["sanna"].photo
    assert stored_files(media) == []


@pytest.mark.django_db
def test_bad_upload_keeps_the_existing_photo(sanna_client, org, media):
    upload(sanna_client, "good.png", png_bytes())
    org.people["sanna"].refresh_from_db()
    before = org.people["sanna"].photo.name
    upload(sanna_client, "bad.png", b"garbage")
    org.people["sanna"].refresh_from_db()
    assert org.people["sanna"].photo.name == before
    assert len(stored_files(media)) == 2


@pytest.mark.django_db
def test_upload_with_no_file_is_an_error(sanna_client, org, media):
    response = sanna_client.post(reverse("teams:photo_edit"), {})
    assert response.status_code == 400
    assert response.context["photo_form"].errors["photo"]
