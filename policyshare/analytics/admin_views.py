"""The Statistics page of the admin, and its CSV export."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .reports import CSV_HEADER, Period, StatisticsFilterForm, csv_rows, report

PERMISSION = "analytics.view_dailycount"


def dashboard(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = StatisticsFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        period = Period(data["start"], data["end"], data["section"])
    else:
        # Bad dates are explained beside the form; the default period is shown meanwhile.
        period = Period.default()
    if request.GET.get("export") == "csv" and (form.is_valid() or not request.GET):
        return _csv(period)
    return TemplateResponse(
        request,
        "analytics/admin/dashboard.html",
        {"title": _("Statistics"), "form": form, "period": period, **report(period)},
    )


def _csv(period):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"statistics-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte order mark, so that spreadsheet programs read the Korean titles as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(period))
    return response
