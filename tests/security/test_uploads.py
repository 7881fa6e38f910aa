"""Uploads are judged by their content: a renamed program, web page or SVG is refused, an
image bomb is refused, and a virus scanner sees every file."""

import io
import socket
import struct
import threading
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

# The start of a Windows program and of an ELF (Linux) one.
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
LINUX_PROGRAM = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
WEB_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

calls = []


def recording_scanner(file):
    calls.append((file.name, file.read()))


def refusing_scanner(file):
    raise ValidationError("EICAR test signature found")


def broken_scanner(file):
    raise ConnectionRefusedError("clamd is not running")


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def png_bytes(width=20, height=20):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(width, height):
    """A PNG that is a few kilobytes on disk and ``width`` × ``height`` pixels once opened."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # 1 bit per pixel, no filter
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload_document(client, name, content, title="Brochure"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name, content, title="Photo"):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    assert response.status_code == 302
    assert Document.objects.count() == 1


@pytest.mark.parametrize("content", [WINDOWS_PROGRAM, LINUX_PROGRAM, WEB_PAGE])
def test_a_renamed_program_or_web_page_is_refused_as_a_document(admin_client, content):
    response = upload_document(admin_client, "brochure.pdf", content)
    assert response.status_code == 200
    assert "The content of this file is not a PDF document" in response.content.decode()
    assert Document.objects.count() == 0


def test_a_program_with_its_own_extension_is_refused_as_a_document(admin_client):
    response = upload_document(admin_client, "setup.exe", WINDOWS_PROGRAM)
    assert response.status_code == 200
    assert Document.objects.count() == 0


def test_an_oversized_document_is_refused(admin_client, settings):
    settings.POLICYSHARE_MAX_DOCUMENT_SIZE = 100
    response = upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    assert "This file is too big" in response.content.decode()
    assert Document.objects.count() == 0


def test_a_real_image_is_accepted(admin_client):
    response = upload_image(admin_client, "photo.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (WINDOWS_PROGRAM, "Upload a valid image."),
        # Wagtail reads markup as SVG, and SVG is not an accepted format.
        (WEB_PAGE, "Not a valid .png image. The extension does not match the file format (svg)"),
    ],
)
def test_a_renamed_program_or_web_page_is_refused_as_an_image(admin_client, content, message):
    response = upload_image(admin_client, "photo.png", content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Image.objects.count() == 0


def test_svg_is_refused(admin_client):
    response = upload_image(admin_client, "logo.svg", SVG)
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert Image.objects.count() == 0


@pytest.mark.parametrize("pixels", [(8000, 8000), (20000, 20000)])
def test_an_image_bomb_is_refused(admin_client, pixels):
    bomb = bomb_png(*pixels)
    assert len(bomb) < 200_000
    response = upload_image(admin_client, "innocent.png", bomb)
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert Image.objects.count() == 0


def test_the_scanner_sees_every_upload(admin_client, settings):
    settings.POLICYSHARE_UPLOAD_SCANNER = f"{__name__}.recording_scanner"
    calls.clear()
    upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    upload_image(admin_client, "photo.png", png_bytes())
    assert [name for name, _ in calls] == ["brochure.pdf", "photo.png"]
    assert calls[0][1] == MINIMAL_PDF  # from its first byte
    assert Document.objects.count() == 1
    assert Image.objects.count() == 1


def test_the_scanner_can_refuse_a_file(admin_client, settings):
    settings.POLICYSHARE_UPLOAD_SCANNER = f"{__name__}.refusing_scanner"
    response = upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    assert "EICAR test signature found" in response.content.decode()
    response = upload_image(admin_client, "photo.png", png_bytes())
    assert "EICAR test signature found" in response.content.decode()
    assert Document.objects.count() == 0
    assert Image.objects.count() == 0


def test_a_scanner_that_cannot_run_keeps_the_file_out(admin_client, settings):
    settings.POLICYSHARE_UPLOAD_SCANNER = f"{__name__}.broken_scanner"
    response = upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    assert "could not be checked for viruses" in response.content.decode()
    assert Document.objects.count() == 0


class FakeClamd:
    """Stands in for ClamAV's daemon on a Unix socket: it answers the INSTREAM command the way
    clamd does, finding the EICAR test string."""

    def __init__(self, path):
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                stream = connection.makefile("rb")
                assert stream.read(len(b"zINSTREAM\0")) == b"zINSTREAM\0"
                content = b""
                while size := struct.unpack("!L", stream.read(4))[0]:
                    content += stream.read(size)
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in content
                answer = b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0"
                connection.sendall(answer)

    def close(self):
        self.server.close()


def test_the_clamav_scanner_refuses_the_eicar_test_file(admin_client, settings, tmp_path):
    socket_path = tmp_path / "clamd.ctl"
    clamd = FakeClamd(socket_path)
    settings.POLICYSHARE_UPLOAD_SCANNER = "policyshare.security.scanners.clamd"
    settings.POLICYSHARE_CLAMD_SOCKET = str(socket_path)
    try:
        infected = (
            MINIMAL_PDF
            + b"%X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n"
        )
        response = upload_document(admin_client, "brochure.pdf", infected)
        assert "contains malware (Eicar-Test-Signature)" in response.content.decode()
        assert Document.objects.count() == 0

        response = upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
        assert response.status_code == 302
        assert Document.objects.count() == 1
    finally:
        clamd.close()


def test_documents_are_downloads_in_a_sandbox(client, admin_client):
    upload_document(admin_client, "brochure.pdf", MINIMAL_PDF)
    document = Document.objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
