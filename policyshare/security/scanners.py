"""Virus scanners for ``POLICYSHARE_UPLOAD_SCANNER``: a callable that takes the uploaded file
and raises ``django.core.exceptions.ValidationError`` to refuse it. Any other exception refuses
the upload too, as "could not be checked" (see ``uploads.scan``)."""

import socket
import struct

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK_BYTES = 64 * 1024


def no_scan(file):
    """The default: no scanner is installed."""


def clamd(file):
    """ClamAV's daemon, through its socket (``POLICYSHARE_CLAMD_SOCKET``), with the INSTREAM
    command: the file is streamed in length-prefixed chunks, so clamd needs no access to it."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(settings.POLICYSHARE_CLAMD_TIMEOUT)
        connection.connect(settings.POLICYSHARE_CLAMD_SOCKET)
        connection.sendall(b"zINSTREAM\0")
        for chunk in iter(lambda: file.read(CHUNK_BYTES), b""):
            connection.sendall(struct.pack("!L", len(chunk)) + chunk)
        connection.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            received = connection.recv(4096)
            if not received:
                break
            reply += received
    # "stream: OK", "stream: <signature> FOUND" or "<reason> ERROR".
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith(" FOUND"):
        signature = answer.removeprefix("stream:").removesuffix(" FOUND").strip()
        raise ValidationError(
            _("This file contains malware (%(signature)s) and was refused.")
            % {"signature": signature},
            code="malware",
        )
    if not answer.endswith(" OK"):
        raise RuntimeError(f"clamd answered {answer!r}")
