"""An inquiry's way through the portal in Chromium: a Korean visitor asks about a policy, gets the
reference and the confirmation mail; a staff member answers in the admin and the answer arrives."""

import re

import pytest
from django.core.cache import cache

from .browser import open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


@pytest.fixture
def staff_member(django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser(
        username="inquiry-officer", email="officer@seoul.example", password="a-long-test-password"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_a_korean_visitor_asks_about_a_policy_and_staff_answer(
    new_context, site_content, smtp_server, staff_member, settings
):
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    visitor = new_context(locale="ko-KR").new_page()
    open_ok(visitor, site_content.url("policy", "ko"))
    policy_title = visitor.locator("main h1").first.inner_text()

    visitor.locator('main a[href*="/inquiries/new/?policy="]').first.click()
    visitor.wait_for_url(re.compile(r"/ko/inquiries/new/\?policy=\d+$"))
    assert policy_title in visitor.locator("main").inner_text()
    visitor.fill('input[name="name"]', "아미나 오티에노")
    visitor.fill('input[name="role"]', "교통계획관")
    visitor.fill('input[name="email"]', "amina@nairobi.example")
    visitor.fill('input[name="organisation"]', "나이로비 카운티")
    visitor.fill('input[name="city"]', "나이로비")
    visitor.select_option('select[name="country"]', "KE")
    visitor.select_option('select[name="language"]', "ko")
    visitor.select_option('select[name="kind"]', "study_visit")
    visitor.fill('textarea[name="message"]', "저공해 차량 정책을 배우러 방문하고 싶습니다.")
    visitor.check('input[name="consent"]')
    visitor.locator('form.inquiry-form button[type="submit"]').click()

    visitor.wait_for_url(re.compile(r"/ko/inquiries/sent/"))
    reference = visitor.locator("[data-reference]").inner_text()
    assert re.fullmatch(r"INQ-\d{4}-\d{6}", reference)
    confirmation = smtp_server.handler.wait_for("amina@nairobi.example")
    assert reference in confirmation[0]["Subject"]

    staff = new_context(locale="en-GB").new_page()
    open_ok(staff, "/admin/login/")
    staff.fill('input[name="username"]', "inquiry-officer")
    staff.fill('input[name="password"]', "a-long-test-password")
    staff.locator('form button[type="submit"]').first.click()
    staff.wait_for_url(re.compile(r"/admin/$"))
    open_ok(staff, "/admin/inquiries/")
    staff.get_by_role("link", name=reference).click()
    staff.wait_for_url(re.compile(r"/admin/inquiries/handle/\d+/$"))
    answer = "10월 둘째 주에 방문 연수를 준비하겠습니다."
    staff.fill('textarea[name="text"]', answer)
    staff.locator('button[name="action"][value="reply"]').click()
    staff.wait_for_load_state()
    assert answer in staff.locator("main").inner_text()

    wait_for_count(smtp_server, "amina@nairobi.example", 2)
    answer_mail = smtp_server.handler.to("amina@nairobi.example")[1]
    assert reference in answer_mail["Subject"]
    assert answer in answer_mail.get_content()


def wait_for_count(server, address, count, timeout=30):
    with server.handler.arrived:
        server.handler.arrived.wait_for(lambda: len(server.handler.to(address)) >= count, timeout)
