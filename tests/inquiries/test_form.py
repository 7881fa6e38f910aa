"""The public form: every error next to its field in the visitor's language, what was typed kept,
and the reference number shown once the inquiry is saved."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from policyshare.inquiries.models import Inquiry, Status
from tests.factories import make_policy

from .conftest import form_data

pytestmark = pytest.mark.django_db

NEW_KO = "/ko/inquiries/new/"
NEW_EN = "/en/inquiries/new/"


def errors_by_field(response):
    """The error text shown inside each field's group, by the field's name."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for group in soup.select(".field--error"):
        control = group.select_one("input, select, textarea")
        errors[control["name"]] = group.select_one(".errorlist").get_text(" ", strip=True)
    return errors


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_form_offers_every_field_and_a_link_to_the_privacy_notice(client):
    response = client.get(NEW_EN)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = {c["name"] for c in soup.select("form input, form select, form textarea")}
    assert {
        "organisation",
        "city",
        "country",
        "name",
        "role",
        "email",
        "language",
        "kind",
        "message",
        "attachment",
        "consent",
    } <= names
    assert soup.select_one('form a[href="/en/inquiries/privacy/"]')
    assert client.get("/en/inquiries/privacy/").status_code == 200
    assert "개인정보" in client.get("/ko/inquiries/privacy/").content.decode()


@pytest.mark.parametrize(
    ("field", "value", "english", "korean"),
    [
        ("organisation", "", "This field is required.", "필수"),
        ("city", "", "This field is required.", "필수"),
        ("country", "XX", "Select a valid choice.", "올바르게 선택해 주세요."),
        ("name", "", "This field is required.", "필수"),
        ("email", "not-an-address", "Enter a valid email address.", "이메일 주소를 입력하세요"),
        ("language", "fr", "Select a valid choice.", "올바르게 선택해 주세요."),
        ("kind", "", "This field is required.", "필수"),
        ("message", "", "This field is required.", "필수"),
        ("message", "x" * 5001, "at most 5000 characters", "5000"),
        ("consent", None, "Please agree to the processing", None),
    ],
)
def test_each_error_is_shown_next_to_its_field_in_the_visitors_language(
    client, field, value, english, korean
):
    for url, expected in ((NEW_EN, english), (NEW_KO, korean)):
        response = client.post(url, form_data(**{field: value}))
        assert response.status_code == 200
        errors = errors_by_field(response)
        assert list(errors) == [field]
        if expected:
            assert expected in errors[field]
    assert not Inquiry.objects.exists()


def test_what_the_visitor_typed_is_kept_after_an_error(client):
    data = form_data(email="amina@", message="사업 추진 과정이 궁금합니다.", role="Director")
    soup = BeautifulSoup(client.post(NEW_KO, data).content, "html.parser")
    assert soup.select_one('input[name="organisation"]')["value"] == "Nairobi City County"
    assert soup.select_one('input[name="email"]')["value"] == "amina@"
    assert soup.select_one('input[name="role"]')["value"] == "Director"
    assert (
        soup.select_one("textarea[name=message]").get_text().strip()
        == "사업 추진 과정이 궁금합니다."
    )
    assert soup.select_one('select[name="country"] option[selected]')["value"] == "KE"
    assert soup.select_one('select[name="kind"] option[selected]')["value"] == "study_visit"
    assert soup.select_one('input[name="consent"]').has_attr("checked")


def test_an_attachment_is_checked_by_its_content_not_its_name(client):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    response = client.post(NEW_EN, {**form_data(), "attachment": fake})
    assert "Attach a PDF or an image" in errors_by_field(response)["attachment"]
    assert not Inquiry.objects.exists()

    picture = SimpleUploadedFile("photo.txt", png_bytes(), "text/plain")
    response = client.post(NEW_EN, {**form_data(), "attachment": picture})
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.attachment.name.endswith(".png")
    assert inquiry.attachment.read() == png_bytes()


def test_the_virus_scanner_can_refuse_an_attachment(client, settings):
    settings.POLICYSHARE_UPLOAD_SCANNER = "tests.security.test_uploads.refusing_scanner"
    picture = SimpleUploadedFile("photo.png", png_bytes(), "image/png")
    response = client.post(NEW_EN, {**form_data(), "attachment": picture})
    assert "EICAR test signature found" in errors_by_field(response)["attachment"]
    assert not Inquiry.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr("policyshare.inquiries.attachments.MAX_BYTES", 1000)
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000, "application/pdf")
    response = client.post(NEW_KO, {**form_data(), "attachment": big})
    assert "최대" in errors_by_field(response)["attachment"]
    assert not Inquiry.objects.exists()


def test_a_sent_inquiry_shows_its_reference_number(client):
    response = client.post(NEW_EN, form_data(), follow=True)
    reference = BeautifulSoup(response.content, "html.parser").select_one("[data-reference]")
    assert re.fullmatch(r"INQ-\d{4}-\d{6}", reference.get_text())
    inquiry = Inquiry.objects.get()
    assert inquiry.reference == reference.get_text()
    assert inquiry.status == Status.NEW
    assert inquiry.consented_at is not None


def test_reference_numbers_count_up_within_the_year(client):
    first = Inquiry.objects.create(**inquiry_fields())
    second = Inquiry.objects.create(**inquiry_fields())
    year = first.created_at.year
    assert first.reference.startswith(f"INQ-{year}-")
    assert int(second.reference[-6:]) == int(first.reference[-6:]) + 1


def test_the_policy_page_links_to_a_form_about_that_policy(client):
    policy = make_policy()
    page = BeautifulSoup(client.get(policy.url).content, "html.parser")
    link = page.select_one(f'a[href="/ko/inquiries/new/?policy={policy.pk}"]')
    assert link is not None

    form_page = client.get(link["href"])
    assert policy.title in form_page.content.decode()
    client.post(link["href"], form_data())
    inquiry = Inquiry.objects.get()
    assert inquiry.policy_id == policy.pk
    assert inquiry.sector == policy.sector


def inquiry_fields(**overrides):
    data = form_data()
    for name in ("consent", "website", "form_token"):
        data.pop(name)
    data.update(overrides)
    return data
