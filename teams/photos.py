"""Profile photos: validation of untrusted uploads and Pillow thumbnails.

An upload is checked before anything is stored: its byte size, that Pillow can
identify it as an allowed format, its pixel count (decompression bombs are
small files that expand to gigabytes), and that it decodes completely
(truncated files). The stored photo is re-encoded from the decoded pixels, so
metadata (EXIF, GPS) is dropped and orientation is applied.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# 8 MB covers a full-resolution phone photo; larger is almost surely a mistake.
MAX_PHOTO_BYTES = 8 * 1024 * 1024
# 40 megapixels decodes to ~160 MB of RGBA at most: safe on a 2-core worker and
# larger than any phone camera. Pillow's own bomb limit (89 MP) is looser.
MAX_PHOTO_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# The profile page shows 320 px; 640 px keeps it sharp on high-DPI screens.
PHOTO_SIZE = 640
# Cards in lists show 48 px; 96 px for high-DPI screens.
THUMBNAIL_SIZE = 96


def photo_path(instance, filename: str) -> str:
    return f"people/photos/{uuid.uuid4().hex}.jpg"


def thumbnail_path(instance, filename: str) -> str:
    return f"people/thumbnails/{uuid.uuid4().hex}.jpg"


def open_validated(upload) -> Image.Image:
    """Return the fully decoded image, or raise ValidationError with a message for the user."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is too large (%(size)s MB). The limit is %(limit)s MB."),
            code="file_too_large",
            params={"size": round(size / 1024 / 1024, 1), "limit": MAX_PHOTO_BYTES // 1024 // 1024},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns, then raises, for huge images; make both an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Unsupported image format. Use JPEG, PNG, WebP or GIF."), code="unsupported_format"
                )
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise ValidationError(
                    _("The image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
                    code="too_many_pixels",
                    params={
                        "width": image.width,
                        "height": image.height,
                        "limit": MAX_PHOTO_PIXELS // 1_000_000,
                    },
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image is too large to process (%(limit)s megapixels at most)."),
            code="too_many_pixels",
            params={"limit": MAX_PHOTO_PIXELS // 1_000_000},
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            _("The file is not an image. Use a JPEG, PNG, WebP or GIF photo."), code="not_an_image"
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The image file is damaged or incomplete. Save it again and retry."), code="damaged_image"
        ) from None
    finally:
        upload.seek(0)
    return image


def validate_photo(upload) -> None:
    """Model/form field validator: the same checks wherever a photo is uploaded."""
    open_validated(upload)


def _square_jpeg(image: Image.Image, size: int) -> ContentFile:
    fitted = ImageOps.fit(image, (size, size), method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    fitted.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue())


def render_photo(upload) -> tuple[ContentFile, ContentFile]:
    """Validated upload -> (photo, thumbnail), both square JPEGs without metadata."""
    image = open_validated(upload)
    image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return _square_jpeg(image, PHOTO_SIZE), _square_jpeg(image, THUMBNAIL_SIZE)
