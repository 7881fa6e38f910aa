"""The Inquiries menu of the Wagtail admin: the inquiries with their filters and export, and the
answers published on policy pages (their mail is in the outbox's listing)."""

import datetime

import django_filters
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from policyshare.policies.models import Sector

from . import admin_views
from .models import INQUIRER_FIELDS, Inquiry, Kind, PublishedAnswer, Status

AGE_CHOICES = [
    ("week", _("Less than a week old")),
    ("month", _("Less than a month old")),
    ("older", _("Older than a month")),
    ("overdue", _("Overdue")),
]


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices)
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        method="filter_sector",
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries)
    age = django_filters.ChoiceFilter(label=_("Age"), choices=AGE_CHOICES, method="filter_age")

    class Meta:
        model = Inquiry
        fields = ["status", "kind", "sector", "country", "assignee"]

    def filter_sector(self, queryset, name, sector):
        # Either language's version of the sector: a policy may use the other one.
        return queryset.filter(sector__translation_key=sector.translation_key)

    def filter_age(self, queryset, name, age):
        now = timezone.now()
        if age == "overdue":
            return queryset.overdue(now)
        if age == "week":
            return queryset.filter(created_at__gte=now - datetime.timedelta(days=7))
        if age == "month":
            return queryset.filter(created_at__gte=now - datetime.timedelta(days=30))
        return queryset.filter(created_at__lt=now - datetime.timedelta(days=30))


class OverdueColumn(Column):
    cell_template_name = "inquiries/admin/overdue_cell.html"


def _in_language(language, lines):
    while True:
        with translation.override(language):
            line = next(lines, None)
        if line is None:
            return
        yield line


class InquiryIndexView(IndexView):
    def stream_csv(self, queryset):
        """The CSV export in the staff member's language. Its lines are written while the
        response streams, after the admin has switched back from that language, so each one is
        written in the language of the request again."""
        return _in_language(translation.get_language(), super().stream_csv(queryset))


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    name = "inquiries_admin"
    url_prefix = "inquiries"
    icon = "mail"
    menu_label = _("Inquiries")
    copy_view_enabled = False
    index_view_class = InquiryIndexView
    filterset_class = InquiryFilterSet
    search_fields = ["reference", "organisation", "city", "name", "email", "message"]
    list_per_page = 50
    form_fields = ["policy", *INQUIRER_FIELDS, "status", "assignee"]
    list_export = [
        "reference",
        "created_at",
        "status",
        "kind",
        "policy",
        "sector",
        "organisation",
        "city",
        "country.name",
        "language",
        "assignee",
        "first_answered_at",
        "closed_at",
    ]
    export_headings = {"country.name": _("country")}
    export_filename = "inquiries"

    @property
    def list_display(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=lambda inquiry: reverse(self.get_url_name("handle"), args=[inquiry.pk]),
            ),
            DateColumn("created_at", label=_("Received")),
            Column("organisation", label=_("Organisation")),
            Column("city", label=_("City")),
            Column("get_kind_display", label=_("Kind")),
            Column("get_status_display", label=_("Status")),
            UserColumn("assignee", label=_("Assigned to")),
            OverdueColumn("is_overdue", label=_("Overdue")),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("handle/<int:pk>/", admin_views.handle, name="handle"),
            path("handle/<int:pk>/publish/", admin_views.publish_answer, name="publish_answer"),
            path("handle/<int:pk>/exchange/", admin_views.record_exchange, name="record_exchange"),
            path("handle/<int:pk>/attachment/", admin_views.attachment, name="attachment"),
            path("handle/<int:pk>/data.json", admin_views.export_inquirer_data, name="export_data"),
            path("handle/<int:pk>/erase/", admin_views.erase_inquirer_data, name="erase_data"),
        ]


class PublishedAnswerViewSet(ModelViewSet):
    model = PublishedAnswer
    icon = "help"
    menu_label = _("Published answers")
    copy_view_enabled = False
    form_fields = ["policy", "question_ko", "answer_ko", "question_en", "answer_en", "live"]
    list_display = ["__str__", "policy", "live", DateColumn("created_at", label=_("Published"))]


class InquiriesGroup(ModelViewSetGroup):
    menu_label = _("Inquiries")
    menu_icon = "mail"
    menu_order = 250
    items = [InquiryViewSet, PublishedAnswerViewSet]
