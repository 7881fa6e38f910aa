"""The editors' statistics: totals per day, item, language, referring site and document over a
date range, optionally for one section of the site (a page below a home page, with its
translations). Charts are drawn on the server as SVG."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import Document
from wagtail.models import Page

from policyshare.core.bar_chart import BAR_WIDTH, bars

from .models import DailyCount, Kind, ReferrerDailyCount

DEFAULT_DAYS = 30
MAX_DAYS = 366 * 2
TOP = 10
CHART_WIDTH = 600
CHART_HEIGHT = 120


def sections():
    """The top-level sections (children of the home pages), one choice per translation group,
    named in the editor's language when there is a version in it."""
    language = (get_language() or "ko")[:2]
    names = {}
    for page in Page.objects.filter(depth=3).select_related("locale").order_by("path"):
        if page.translation_key not in names or page.locale.language_code == language:
            names[page.translation_key] = page.title
    return [(str(key), title) for key, title in names.items()]


class StatisticsFilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    section = forms.ChoiceField(label=_("Section"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Whole site")), *sections()]

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(
                _("Choose a period of at most %(days)d days.") % {"days": MAX_DAYS}
            )
        data["start"], data["end"] = start, end
        return data


@dataclass
class Period:
    start: datetime.date
    end: datetime.date
    section: str = ""

    @classmethod
    def default(cls):
        end = timezone.localdate()
        return cls(end - datetime.timedelta(days=DEFAULT_DAYS - 1), end)

    def days(self):
        return [
            self.start + datetime.timedelta(days=n) for n in range((self.end - self.start).days + 1)
        ]

    def counts(self):
        counts = DailyCount.objects.filter(date__gte=self.start, date__lte=self.end)
        if not self.section:
            return counts
        prefixes = Page.objects.filter(translation_key=self.section).values_list("path", flat=True)
        in_section = Q(pk__in=[])
        for prefix in prefixes:
            in_section |= Q(path__startswith=prefix)
        pages = Page.objects.filter(in_section)
        documents = _documents_of(pages)
        return counts.filter(Q(page__in=pages) | Q(document__in=documents))


def _documents_of(pages):
    from policyshare.library.models import PublicationPage

    return PublicationPage.objects.filter(page_ptr__in=pages).values("document")


def columns(per_day):
    """A column per day for the views-over-time chart, as SVG coordinates."""
    highest = max((count for _day, count in per_day), default=0) or 1
    step = CHART_WIDTH / max(len(per_day), 1)
    result = []
    for index, (day, count) in enumerate(per_day):
        height = round(CHART_HEIGHT * count / highest, 1)
        result.append(
            {
                "day": day,
                "count": count,
                "x": round(index * step, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": max(round(step - 1, 1), 1),
                "height": height,
            }
        )
    return result


def report(period):
    counts = period.counts()
    views = counts.filter(kind=Kind.VIEW)
    per_day = dict(views.values_list("date").annotate(total=Sum("views")))
    daily = [(day, per_day.get(day, 0)) for day in period.days()]
    totals = {
        kind: counts.filter(kind=kind).aggregate(total=Sum("views"), uniques=Sum("uniques"))
        for kind in Kind.values
    }
    language_names = {"ko": _("Korean"), "en": _("English")}
    per_language = [
        (language_names.get(code, code or _("Unknown")), total)
        for code, total in views.values_list("language")
        .annotate(total=Sum("views"))
        .order_by("-total")
    ]
    return {
        "totals": {
            kind: {"count": row["total"] or 0, "uniques": row["uniques"] or 0}
            for kind, row in totals.items()
        },
        "daily": columns(daily),
        "chart_width": CHART_WIDTH,
        "chart_height": CHART_HEIGHT,
        "bar_width": BAR_WIDTH,
        "top_pages": bars(_top(views, "page", Page)),
        "top_plays": bars(_top(counts.filter(kind=Kind.PLAY), "page", Page)),
        "per_language": bars(per_language),
        "referrers": bars(_referrers(period)),
        "downloads": bars(_top(counts.filter(kind=Kind.DOWNLOAD), "document", Document)),
    }


def _top(counts, field, model):
    """The ``TOP`` items (``model`` rows that ``field`` of the counts points to) with the most
    views, as ``(title, views)`` pairs."""
    rows = list(
        counts.exclude(**{field: None})
        .values_list(field)
        .annotate(total=Sum("views"))
        .order_by("-total")[:TOP]
    )
    titles = dict(
        model.objects.filter(pk__in=[pk for pk, _total in rows]).values_list("pk", "title")
    )
    return [(titles.get(pk, pk), total) for pk, total in rows]


def _referrers(period):
    # Referring sites are counted for the whole site: a domain says nothing about the section.
    return list(
        ReferrerDailyCount.objects.filter(date__gte=period.start, date__lte=period.end)
        .values_list("domain")
        .annotate(total=Sum("count"))
        .order_by("-total", "domain")[:TOP]
    )


def csv_rows(period):
    """Every count of the period, one row per item, day, kind and language."""
    counts = (
        period.counts()
        .select_related("page", "document")
        .order_by("date", "kind", "page_id", "document_id", "language")
    )
    for count in counts:
        item = count.page or count.document
        yield [
            count.date.isoformat(),
            count.kind,
            "page" if count.page_id else "document",
            item.pk,
            _spreadsheet_safe(item.title),
            count.page.get_url() if count.page_id else count.document.url,
            count.language,
            count.views,
            count.uniques,
        ]


def _spreadsheet_safe(text):
    """A title that starts like a formula is shown as text by spreadsheets, never run."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


CSV_HEADER = [
    "date",
    "kind",
    "item_type",
    "item_id",
    "title",
    "path",
    "language",
    "count",
    "unique_visitors",
]
