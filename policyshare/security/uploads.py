"""Checks on every image and document editors upload, by content rather than by name.

* Documents: the first bytes must say the file is what its extension claims (a renamed
  program or web page is refused), and it must not exceed ``POLICYSHARE_MAX_DOCUMENT_SIZE``.
* Images: Wagtail already reads the format from the content, refuses a mismatched extension,
  refuses formats outside ``WAGTAILIMAGES_EXTENSIONS`` (SVG is not among them: it can carry
  script) and refuses decompression bombs over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.
* Both: the scanner named by ``POLICYSHARE_UPLOAD_SCANNER`` sees the file last; it refuses a
  file by raising ``ValidationError`` (see ``scanners`` and docs/security.md for ClamAV).

The forms are Wagtail's, through ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and
``WAGTAILIMAGES_IMAGE_FORM_BASE``, so single and multiple uploads and replacing a file all pass
here. Other uploads (e.g. attachments of public forms) call ``check_document`` themselves.
"""

import logging
import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

# Enough for every signature filetype knows (ZIP-based office formats look a little further).
SNIFF_BYTES = 8192


def scan(file):
    """Hand the file to the configured virus scanner; refuse it if the scanner cannot run."""
    scanner = import_string(settings.POLICYSHARE_UPLOAD_SCANNER)
    file.seek(0)
    try:
        scanner(file)
    except ValidationError:
        raise
    except Exception as error:
        # An upload that could not be scanned is not let in (the scanner may be down).
        logger.exception("Upload scanner %s failed", settings.POLICYSHARE_UPLOAD_SCANNER)
        raise ValidationError(
            _("The file could not be checked for viruses. Please try again later."),
            code="scanner_failed",
        ) from error
    finally:
        file.seek(0)


def sniffed_extension(file):
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    kind = filetype.guess(head)
    return kind.extension if kind else None


def check_document(file):
    extension = os.path.splitext(file.name)[1].lower().lstrip(".")
    if file.size > settings.POLICYSHARE_MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("This file is too big (%(size)s). The largest document accepted is %(limit)s.")
            % {
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.POLICYSHARE_MAX_DOCUMENT_SIZE),
            },
            code="file_too_large",
        )
    if sniffed_extension(file) != extension:
        raise ValidationError(
            _(
                "The content of this file is not a %(extension)s document, whatever its name "
                "says. Upload the original file."
            )
            % {"extension": extension.upper()},
            code="content_mismatch",
        )
    scan(file)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document(file)
        return file


class ImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            scan(file)
        return file
