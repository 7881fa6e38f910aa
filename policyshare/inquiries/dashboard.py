"""The dashboard's inquiry report: inquiries per month, kind, sector and country as bar charts
drawn on the server, and the median time to a first answer. Spam does not count."""

import datetime
import statistics
from collections import Counter

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from policyshare.core.bar_chart import BAR_WIDTH, bars
from policyshare.policies.models import Sector

from .models import Inquiry, Kind, Status

MONTHS = 12
TOP_COUNTRIES = 10


def per_month(inquiries, now):
    start = (now - datetime.timedelta(days=31 * (MONTHS - 1))).replace(day=1)
    counted = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["count"]
        for row in inquiries.filter(created_at__gte=start)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
    }
    months = []
    year, month = start.year, start.month
    for _step in range(MONTHS):
        first = datetime.date(year, month, 1)
        months.append((first.strftime("%Y-%m"), counted.get(first, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def per_kind(inquiries):
    counted = dict(inquiries.values_list("kind").annotate(count=Count("pk")))
    return [(label, counted.get(value, 0)) for value, label in Kind.choices]


def per_sector(inquiries):
    counted = Counter(
        dict(
            inquiries.exclude(sector=None)
            .values_list("sector__translation_key")
            .annotate(count=Count("pk"))
        )
    )
    language = (get_language() or "ko")[:2]
    names = {}
    for sector in Sector.objects.filter(translation_key__in=counted).select_related("locale"):
        if sector.translation_key not in names or sector.locale.language_code == language:
            names[sector.translation_key] = sector.name
    return sorted(((names[key], count) for key, count in counted.items()), key=lambda p: -p[1])


def per_country(inquiries):
    rows = inquiries.values_list("country").annotate(count=Count("pk")).order_by("-count")
    return [(Inquiry(country=code).country.name, count) for code, count in rows[:TOP_COUNTRIES]]


def median_days_to_first_answer(inquiries):
    waits = [
        answered - created
        for created, answered in inquiries.exclude(first_answered_at=None).values_list(
            "created_at", "first_answered_at"
        )
    ]
    return statistics.median(waits).total_seconds() / 86400 if waits else None


def report(now=None):
    inquiries = Inquiry.objects.exclude(status=Status.SPAM)
    return {
        "total": inquiries.count(),
        "open": inquiries.filter(status__in=[Status.NEW, Status.ASSIGNED]).count(),
        "overdue": inquiries.overdue(now).count(),
        "median_wait_days": median_days_to_first_answer(inquiries),
        "charts": [
            ("month", _("Per month"), bars(per_month(inquiries, now or timezone.now()))),
            ("kind", _("Per kind"), bars(per_kind(inquiries))),
            ("sector", _("Per sector"), bars(per_sector(inquiries))),
            ("country", _("Per country"), bars(per_country(inquiries))),
        ],
    }


class InquiriesReportPanel(Component):
    name = "inquiries_report"
    template_name = "inquiries/admin/report_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        return {**report(), "bar_width": BAR_WIDTH}
