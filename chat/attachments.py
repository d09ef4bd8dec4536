"""Attachments: images are validated and re-encoded, documents are checked by content, the rest refused.

Images go through teams.photos' checks (byte size, a format Pillow identifies
as JPEG/PNG/WebP/GIF, pixel count against decompression bombs, a full decode)
and are stored re-encoded (JPEG, or PNG when transparent), never as uploaded:
metadata is dropped and a polyglot (an image that is also HTML, JavaScript or a
ZIP) loses everything but its pixels. Documents must look like what they claim
from their first bytes: PDF, Office Open XML / OpenDocument (a ZIP with the
right entries) or legacy Office (OLE2); they are only ever served as downloads
(Content-Disposition: attachment, nosniff). Nothing is written when an upload
is refused.
"""

import io
import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from chat.errors import ChatError
from chat.models import Attachment
from chat.rooms import require_member
from teams import photos

# 20 MB: a scanned decision or a slide deck; larger files belong in the document archive.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Images are shown inline at most this wide; the stored copy is bounded too.
MAX_IMAGE_SIDE = 2560
THUMBNAIL_SIDE = 400

DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# Zip-based documents (Office Open XML, OpenDocument) are checked before acceptance, against zip bombs that a
# reader's Office or a later indexer would unpack: the parts the central directory declares, their total size
# unpacked, and how tightly they are packed. Real documents stay far below: a 20 MB slide deck of photos
# unpacks to about its own size, text-heavy files to 5-20 times theirs.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100  # unpacked size / file size, checked once the unpacked size passes ZIP_RATIO_FROM
ZIP_RATIO_FROM = 10 * 1024 * 1024
MAX_MIMETYPE_BYTES = 200
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse(code: str, message: str):
    raise ChatError(code, message)


def _document_ok(head: bytes, upload, extension: str) -> bool:
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension in {".doc", ".xls", ".ppt"}:
        return head.startswith(OLE2_MAGIC)
    if not head.startswith(b"PK\x03\x04"):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_archive(archive.infolist(), size=upload.size or 0)
            names = set(archive.namelist())
            if extension in {".odt", ".ods", ".odp"}:
                if archive.getinfo("mimetype").file_size > MAX_MIMETYPE_BYTES:
                    return False
                return (
                    archive.read("mimetype").decode("ascii", "replace").strip() == DOCUMENT_TYPES[extension]
                )
            return "[Content_Types].xml" in names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)


def _check_archive(entries, *, size: int) -> None:
    """Refuse a zip whose declared parts are too many, unpack to too much or are packed too tightly (zip bombs).

    Nothing is unpacked: the central directory's sizes are what any reader (zipfile included) unpacks at most."""
    if len(entries) > MAX_ZIP_ENTRIES:
        _refuse(
            "archive_too_many_parts",
            _("The document has too many parts (over %(limit)s). It is refused as it may be harmful.")
            % {"limit": MAX_ZIP_ENTRIES},
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_ZIP_UNCOMPRESSED:
        _refuse(
            "archive_too_large",
            _(
                "The document would unpack to %(size)s MB; the limit is %(limit)s MB. It is "
                "refused as it may be harmful."
            )
            % {"size": unpacked // 1024 // 1024, "limit": MAX_ZIP_UNCOMPRESSED // 1024 // 1024},
        )
    if unpacked > ZIP_RATIO_FROM and unpacked > MAX_ZIP_RATIO * max(size, 1):
        _refuse(
            "archive_ratio",
            _(
                "The document is packed too tightly (it would unpack to %(ratio)s times its "
                "size; the limit is %(limit)s). It is refused as it may be harmful."
            )
            % {"ratio": unpacked // max(size, 1), "limit": MAX_ZIP_RATIO},
        )


def _encode_image(upload) -> tuple[ContentFile, ContentFile, str, str, int, int]:
    try:
        image = photos.open_validated(upload)
    except ValidationError as error:
        _refuse(error.code or "invalid_image", " ".join(error.messages))
    image = ImageOps.exif_transpose(image)
    transparent = image.mode in ("RGBA", "LA", "P") and "A" in image.convert("RGBA").getbands()
    if transparent and image.convert("RGBA").getextrema()[3][0] < 255:
        image, extension, fmt, content_type = image.convert("RGBA"), ".png", "PNG", "image/png"
    else:
        image, extension, fmt, content_type = image.convert("RGB"), ".jpg", "JPEG", "image/jpeg"
    image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
    full = io.BytesIO()
    image.save(
        full, format=fmt, **({"quality": 85, "optimize": True} if fmt == "JPEG" else {"optimize": True})
    )
    thumb_image = image.convert("RGB") if fmt == "JPEG" else _on_white(image)
    thumb_image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    thumb = io.BytesIO()
    thumb_image.save(thumb, format="JPEG", quality=80)
    return ContentFile(full.getvalue()), ContentFile(thumb.getvalue()), extension, content_type, *image.size


def _on_white(image):
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def store_upload(*, user, room_id, upload) -> Attachment:
    """Validate an uploaded file for a room the user belongs to and store it, unattached (a message binds it)."""
    membership = require_member(user=user, room_id=room_id)
    if membership.room.archived_at:
        _refuse("archived", _("This room is archived: it can be read but not written to."))
    if upload is None:
        _refuse("no_file", _("Choose a file to attach."))
    name = os.path.basename(str(upload.name or "")).strip()[:200] or "liite"
    extension = os.path.splitext(name)[1].lower()
    size = upload.size or 0
    if size == 0:
        _refuse("empty_file", _("The file is empty."))
    if size > MAX_FILE_BYTES:
        _refuse(
            "file_too_large",
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_FILE_BYTES // 1024 // 1024},
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    attachment = Attachment(room=membership.room, uploaded_by=user, original_name=name, size=size)
    if extension in IMAGE_EXTENSIONS:
        full, thumb, stored_ext, content_type, width, height = _encode_image(upload)
        attachment.kind = Attachment.Kind.IMAGE
        attachment.content_type = content_type
        attachment.width, attachment.height = width, height
        attachment.size = full.size
        attachment.stored_extension = stored_ext
        files = (full, thumb)
    elif extension in DOCUMENT_TYPES:
        if not _document_ok(head, upload, extension):
            _refuse(
                "content_mismatch",
                _("The file's content does not match its type (%(ext)s).") % {"ext": extension},
            )
        attachment.kind = Attachment.Kind.FILE
        attachment.content_type = DOCUMENT_TYPES[extension]
        attachment.stored_extension = extension
        files = (ContentFile(upload.read()), None)
    else:
        _refuse(
            "unsupported_type",
            _(
                "This file type cannot be attached. Attach images (JPEG, PNG, GIF, WebP) "
                "or documents (PDF, Word, Excel, PowerPoint, OpenDocument)."
            ),
        )
    with transaction.atomic():
        attachment.file.save("upload", files[0], save=False)
        if files[1] is not None:
            attachment.thumbnail.save("thumb", files[1], save=False)
        try:
            attachment.save()
        except Exception:
            _delete_files(attachment)
            raise
    return attachment


def _delete_files(attachment: Attachment) -> None:
    for field in (attachment.file, attachment.thumbnail):
        if field:
            field.storage.delete(field.name)


def readable_attachment(*, user, attachment_id) -> Attachment:
    """An attachment of a room the user belongs to; unsent ones only to their uploader; none of a deleted message."""
    attachment = Attachment.objects.select_related("message").filter(pk=attachment_id).first()
    if attachment is None:
        raise ChatError("not_found", _("No such attachment."), status=404)
    require_member(user=user, room_id=attachment.room_id)
    if attachment.message is None and attachment.uploaded_by_id != user.pk:
        raise ChatError("not_found", _("No such attachment."), status=404)
    if attachment.message is not None and attachment.message.deleted_at:
        raise ChatError("not_found", _("The message has been deleted."), status=404)
    return attachment
