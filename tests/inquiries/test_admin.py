"""Staff handle inquiries in the Wagtail admin: list and filters, assignment and status, replies
that reach the inquirer, notes, export, and turning an answer into knowledge on the policy page."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.users.models import UserProfile

from policyshare.inquiries.models import Inquiry, PublishedAnswer, Status, ThreadEntry
from policyshare.network.models import CityPage
from policyshare.policies.models import PolicyExchange
from tests.factories import make_city, make_policy, make_sector
from tests.services import run_worker

from .test_form import inquiry_fields

pytestmark = pytest.mark.django_db

LIST = "/admin/inquiries/"


def handle_url(inquiry):
    return f"/admin/inquiries/handle/{inquiry.pk}/"


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_superuser(
        username="officer", email="officer@seoul.example", password="not-secret"
    )
    # The admin in English, so the tests read the same words as the code.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin(client, staff):
    client.force_login(staff)
    return client


def make_inquiry(**fields):
    created_at = fields.pop("created_at", None)
    inquiry = Inquiry.objects.create(**inquiry_fields(**fields))
    if created_at:
        Inquiry.objects.filter(pk=inquiry.pk).update(created_at=created_at)
        inquiry.refresh_from_db()
    return inquiry


def listed_references(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select("table a[href*='/handle/']")}


def test_the_list_filters_by_status_kind_sector_country_and_age(admin):
    transport = make_sector()
    water = make_sector(name="Water", slug="water")
    old = make_inquiry(
        kind="training", country="PE", created_at=timezone.now() - datetime.timedelta(days=40)
    )
    fresh = make_inquiry(kind="study_visit", country="KE", sector=transport)
    spam = make_inquiry(status=Status.SPAM, sector=water)

    assert listed_references(admin.get(LIST)) == {old.reference, fresh.reference, spam.reference}
    assert listed_references(admin.get(LIST, {"status": "spam"})) == {spam.reference}
    assert listed_references(admin.get(LIST, {"kind": "training"})) == {old.reference}
    assert listed_references(admin.get(LIST, {"sector": transport.pk})) == {fresh.reference}
    assert listed_references(admin.get(LIST, {"country": "PE"})) == {old.reference}
    assert listed_references(admin.get(LIST, {"age": "older"})) == {old.reference}
    assert listed_references(admin.get(LIST, {"age": "week"})) == {
        fresh.reference,
        spam.reference,
    }
    assert listed_references(admin.get(LIST, {"age": "overdue"})) == {old.reference}


def test_an_unanswered_inquiry_is_marked_overdue_after_the_configured_days(admin, settings):
    settings.POLICYSHARE_INQUIRY_OVERDUE_DAYS = 3
    late = make_inquiry(created_at=timezone.now() - datetime.timedelta(days=4))
    make_inquiry(created_at=timezone.now() - datetime.timedelta(days=2))
    soup = BeautifulSoup(admin.get(LIST).content, "html.parser")
    overdue_rows = [
        row.select_one("a[href*='/handle/']").get_text(strip=True)
        for row in soup.select("tbody tr")
        if "overdue" in row.get_text()
    ]
    assert overdue_rows == [late.reference]


def test_staff_assign_an_inquiry_and_close_it(admin, staff):
    inquiry = make_inquiry()
    admin.post(handle_url(inquiry), {"action": "update", "status": "new", "assignee": staff.pk})
    inquiry.refresh_from_db()
    assert inquiry.assignee == staff
    assert inquiry.status == Status.ASSIGNED

    admin.post(handle_url(inquiry), {"action": "update", "status": "closed", "assignee": staff.pk})
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    assert inquiry.closed_at is not None


@pytest.mark.usefixtures("task_queue")
def test_a_reply_from_the_admin_reaches_the_inquirer_and_stays_in_the_thread(admin, smtp_server):
    inquiry = make_inquiry(language="ko")
    text = "방문 연수는 10월에 가능합니다."
    admin.post(handle_url(inquiry), {"action": "reply", "text": text})
    admin.post(handle_url(inquiry), {"action": "note", "text": "Call the embassy first."})
    run_worker()

    received = smtp_server.handler.to("amina@nairobi.example")
    assert len(received) == 1, "the note is not mailed"
    assert inquiry.reference in received[0]["Subject"]
    assert text in received[0].get_content()
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED
    assert inquiry.first_answered_at is not None
    page = admin.get(handle_url(inquiry)).content.decode()
    assert text in page and "Call the embassy first." in page
    assert list(inquiry.thread.values_list("kind", flat=True)) == ["reply", "note"]


def test_an_empty_reply_is_refused_and_nothing_is_sent(admin):
    inquiry = make_inquiry()
    response = admin.post(handle_url(inquiry), {"action": "reply", "text": ""})
    assert response.status_code == 200
    assert not ThreadEntry.objects.exists()


def test_the_list_exports_as_csv_and_excel(admin):
    first = make_inquiry(city="Lima", country="PE")
    second = make_inquiry(city="Nairobi")

    response = admin.get(LIST, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    heading, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert heading[:3] == ["Reference", "Received", "Status"], "in the staff member's language"
    assert heading[8] == "country" and len(heading) == 13
    assert {(row[0], row[7]) for row in rows} == {
        (first.reference, "Lima"),
        (second.reference, "Nairobi"),
    }

    response = admin.get(LIST, {"export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values[0]) == 13
    assert {row[0] for row in values[1:]} == {first.reference, second.reference}


def answered_inquiry_about(policy, staff, **fields):
    inquiry = make_inquiry(policy=policy, sector=policy.sector, status=Status.ANSWERED, **fields)
    ThreadEntry.objects.create(
        inquiry=inquiry,
        kind="reply",
        author=staff,
        text="Dear Amina Otieno, the restriction covers grade-5 vehicles. Call +82 2 120 1234.",
    )
    return inquiry


def test_an_answer_becomes_a_public_question_and_answer_on_the_policy_page(admin, client, staff):
    policy = make_policy()
    inquiry = answered_inquiry_about(
        policy,
        staff,
        language="en",
        message="I am Amina Otieno (amina@nairobi.example). Which vehicles are restricted?",
    )
    form = BeautifulSoup(admin.get(f"{handle_url(inquiry)}publish/").content, "html.parser")
    question = form.select_one("textarea[name=question_en]").get_text().strip()
    answer = form.select_one("textarea[name=answer_en]").get_text().strip()
    assert "Amina" not in question and "amina@" not in question, "personal data is removed"
    assert "Amina" not in answer and "120 1234" not in answer
    assert "Which vehicles are restricted?" in question

    admin.post(
        f"{handle_url(inquiry)}publish/",
        {
            "question_en": question,
            "answer_en": answer,
            "question_ko": "어떤 차량이 제한됩니까?",
            "answer_ko": "5등급 차량입니다.",
            "live": "on",
        },
    )
    assert PublishedAnswer.objects.get().inquiry == inquiry
    english = BeautifulSoup(
        client.get(policy.url.replace("/ko/", "/en/", 1)).content, "html.parser"
    )
    korean = BeautifulSoup(client.get(policy.url).content, "html.parser")
    assert "5등급 차량입니다." in korean.select_one("#questions").get_text()
    assert "Which vehicles are restricted?" in english.select_one("#questions").get_text()
    assert "Which vehicles are restricted?" not in korean.select_one("#questions").get_text()


def test_a_question_without_an_answer_is_not_published(admin, staff):
    inquiry = answered_inquiry_about(make_policy(), staff)
    response = admin.post(
        f"{handle_url(inquiry)}publish/", {"question_en": "Which vehicles?", "answer_en": ""}
    )
    assert response.status_code == 200
    assert "at least one language" in response.content.decode()
    assert not PublishedAnswer.objects.exists()


def test_an_inquiry_that_led_to_a_study_visit_is_recorded_on_the_policy(admin, client, staff):
    policy = make_policy()
    city = make_city(title="Nairobi", country="KE")
    inquiry = answered_inquiry_about(policy, staff)
    response = admin.post(
        f"{handle_url(inquiry)}exchange/",
        {"city": city.pk, "kind": "studied", "year": 2026, "note": "Study visit"},
    )
    assert response.status_code == 302
    exchange = PolicyExchange.objects.get(policy=policy)
    assert (exchange.city_id, exchange.year, exchange.note) == (city.pk, 2026, "Study visit")
    policy.refresh_from_db()
    assert policy.get_latest_revision().content["exchanges"], "the revision keeps the exchange"
    page = BeautifulSoup(client.get(policy.url).content, "html.parser")
    assert "Nairobi" in page.select_one("#cities").get_text()


def test_recording_an_exchange_can_create_the_city(admin, staff):
    policy = make_policy()
    make_city(title="Somewhere else")
    inquiry = answered_inquiry_about(policy, staff, city="Lima", country="PE")
    admin.post(f"{handle_url(inquiry)}exchange/", {"city": "", "kind": "studied", "year": 2026})
    lima = CityPage.objects.get(title="Lima")
    assert lima.country.code == "PE" and lima.live
    assert PolicyExchange.objects.get(policy=policy).city_id == lima.pk
