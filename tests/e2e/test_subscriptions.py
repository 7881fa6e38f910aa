"""A Korean visitor subscribes in Chromium, gets the confirmation mail, follows its link and
sees the subscription confirmed."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from policyshare.subscriptions.models import Subscription

from .browser import axe_violations, describe_violations, open_ok

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_a_korean_visitor_subscribes_and_confirms(new_context, site_content, smtp_server, settings):
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    visitor = new_context(locale="ko-KR").new_page()
    open_ok(visitor, "/ko/")
    visitor.locator('footer a[href="/ko/subscriptions/"]').click()
    visitor.wait_for_url(re.compile(r"/ko/subscriptions/$"))
    violations = axe_violations(visitor)
    assert not violations, describe_violations(violations)

    visitor.fill('input[name="email"]', "minji@busan.example")
    visitor.locator('input[name="sectors"]').first.check()
    visitor.check('input[name="frequency"][value="daily"]')
    visitor.check('input[name="consent"]')
    visitor.locator('form.subscription-form button[type="submit"]').click()
    visitor.wait_for_url(re.compile(r"/ko/subscriptions/check-your-inbox/$"))
    assert visitor.locator("[data-check-inbox]").is_visible()

    [mail] = smtp_server.handler.wait_for("minji@busan.example")
    text = mail.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/subscriptions/confirm/\S+/", text).group(0)
    path = urlsplit(link).path
    assert path.startswith("/ko/"), "the mail speaks the visitor's language"

    open_ok(visitor, path)
    visitor.locator("main form button[type=submit]").click()
    visitor.wait_for_load_state()
    assert visitor.locator("[data-confirmed]").is_visible()
    assert "minji@busan.example" in visitor.locator("main").inner_text()
    subscription = Subscription.objects.get(email="minji@busan.example")
    assert subscription.is_confirmed
    assert (subscription.language, subscription.frequency) == ("ko", "daily")
