"""The dashboard's inquiry report: counts per month, kind, sector and country, and the median
time to a first answer, with spam left out."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from policyshare.inquiries.models import Inquiry, Status
from tests.factories import make_sector

from .test_admin import admin, make_inquiry, staff  # noqa: F401

pytestmark = pytest.mark.django_db


def answered_after(inquiry, hours):
    Inquiry.objects.filter(pk=inquiry.pk).update(
        first_answered_at=inquiry.created_at + datetime.timedelta(hours=hours)
    )


def chart(soup, name):
    table = soup.select_one(f'[data-chart="{name}"]')
    return {
        row.select_one("th").get_text(strip=True): int(row.select_one("[data-count]").get_text())
        for row in table.select("tbody tr")
    }


def test_the_dashboard_reports_inquiries_and_the_median_time_to_answer(admin):  # noqa: F811
    transport = make_sector()
    answered_after(make_inquiry(kind="training", sector=transport), 24)
    answered_after(make_inquiry(kind="training", country="PE"), 48)
    answered_after(make_inquiry(kind="press", country="PE"), 96)
    make_inquiry(status=Status.SPAM, kind="press")

    soup = BeautifulSoup(admin.get("/admin/").content, "html.parser")
    panel = soup.select_one("#inquiries-report-section")
    assert panel is not None
    assert chart(panel, "kind")["Training"] == 2
    assert chart(panel, "kind")["Press"] == 1, "spam is not counted"
    assert chart(panel, "sector") == {transport.name: 1}
    assert chart(panel, "country") == {"Peru": 2, "Kenya": 1}
    this_month = timezone.localtime().strftime("%Y-%m")
    assert chart(panel, "month")[this_month] == 3
    assert panel.select_one("[data-median-wait]").get_text(strip=True) == "2.0 days"
    bars = panel.select('[data-chart="kind"] rect')
    assert max(int(bar["width"]) for bar in bars) == 200
