"""Uploaded files under ``/media/``: photos and images only, to signed-in people, by a normalised path.

``MEDIA_ROOT`` also holds Wagtail's documents (``documents/``), which belong to
instructions with an audience and are served only by Wagtail's document view
(``/documents/<id>/<name>``, checked by ``before_serve_document`` in
instructions.wagtail_hooks). This view therefore serves a closed list
of subdirectories and refuses, with the same 404 as a missing file:

* any path segment that is empty or starts with a dot (``.``, ``..``, hidden
  files), contains a backslash, ``%`` (double-encoded input), NUL or any other
  character outside letters, digits, ``_``, ``-`` and ``.``;
* a first segment outside :data:`SERVED_DIRECTORIES`;
* a path whose real location (symlinks resolved) is not the same file under the
  real directory it names, so a link cannot lead out of it.

The URL is percent-decoded once by the server before it gets here (``%2e`` is
``.``); a second encoding leaves a ``%`` and is refused. See docs/access.md.
"""

import os
import re

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Wagtail images (originals and renditions) and profile photos: internal, for anyone signed in.
SERVED_DIRECTORIES = ("images", "original_images", "people/photos", "people/thumbnails")
_SEGMENT = re.compile(r"[\w\-][\w\-.]*")


def resolve(path: str) -> str | None:
    """The real file ``path`` names inside a served directory, or None when it must not be served."""
    segments = path.split("/")
    if not all(_SEGMENT.fullmatch(segment) for segment in segments):
        return None
    directory = next((d for d in SERVED_DIRECTORIES if path.startswith(d + "/")), None)
    if directory is None:
        return None
    root = os.path.realpath(os.path.join(settings.MEDIA_ROOT, directory))
    expected = os.path.join(os.path.realpath(settings.MEDIA_ROOT), *segments)
    real = os.path.realpath(expected)
    if real != expected or not real.startswith(root + os.sep) or not os.path.isfile(real):
        return None
    return real


def protected_media(request, path):
    """A photo or image for a signed-in reader (LoginRequiredMiddleware); everything else is a plain 404."""
    real = resolve(path)
    if real is None:
        raise Http404
    root = os.path.realpath(settings.MEDIA_ROOT)
    response = serve(request, os.path.relpath(real, root), document_root=root)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response
