"""An inquiry's attachment must be a PDF or an image by its content, whatever its name says."""

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from policyshare.security.uploads import scan

ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
}
MAX_BYTES = 5 * 1024 * 1024


def check_attachment(upload):
    """Raises ``ValidationError`` unless ``upload`` is an allowed file that the configured virus
    scanner lets through; gives its extension."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; it may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("Attach a PDF or an image (JPEG, PNG, GIF or WebP)."), code="wrong_type"
        )
    scan(upload)
    return ALLOWED_TYPES[kind.mime]
