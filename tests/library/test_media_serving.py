import pytest

from tests.factories import make_image, make_pdf_document

pytestmark = pytest.mark.django_db


def test_uploaded_images_are_served_from_media(client):
    image = make_image()

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_documents_are_not_served_raw_from_media_but_downloaded_as_attachments(client):
    document = make_pdf_document(filename="arisu.pdf")

    raw = client.get(document.file.url)
    download = client.get(document.url)

    assert raw.status_code == 404
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert 'filename="arisu.pdf"' in download["Content-Disposition"]
