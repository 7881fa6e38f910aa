"""Subscriptions in the Wagtail admin: staff see how many confirmed and pending subscriptions
there are per language and sector, find one address (to answer a request about it) and delete
it. There is no export: the list of addresses does not leave the portal."""

import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from policyshare.policies.models import Sector
from policyshare.security.admin_permissions import NotAddedByHand

from .models import Frequency, Subscription


class SubscriptionFilterSet(WagtailFilterSet):
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )
    frequency = django_filters.ChoiceFilter(label=_("Frequency"), choices=Frequency.choices)

    class Meta:
        model = Subscription
        fields = ["language", "frequency"]


def subscription_counts():
    """Confirmed and pending subscriptions per language, and per sector (all languages)."""
    confirmed = Count("pk", filter=~Q(confirmed_at=None))
    pending = Count("pk", filter=Q(confirmed_at=None))
    by_language = list(
        Subscription.objects.values("language")
        .annotate(confirmed=confirmed, pending=pending)
        .order_by("language")
    )
    by_sector = []
    seen = set()
    for sector in Sector.objects.order_by("sort_order", "name"):
        if sector.translation_key in seen:
            continue
        seen.add(sector.translation_key)
        subscribers = Subscription.objects.filter(
            sectors__translation_key=sector.translation_key
        ).distinct()
        by_sector.append(
            {
                "sector": sector,
                "confirmed": subscribers.confirmed().count(),
                "pending": subscribers.pending().count(),
            }
        )
    every_sector = Subscription.objects.filter(sectors=None)
    return {
        "by_language": by_language,
        "by_sector": by_sector,
        "every_sector": {
            "confirmed": every_sector.confirmed().count(),
            "pending": every_sector.pending().count(),
        },
    }


class SubscriptionIndexView(IndexView):
    template_name = "subscriptions/admin/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = subscription_counts()
        return context


# Only the address's owner subscribes (double opt-in): staff may delete, never add.
register_permission_policy(Subscription, NotAddedByHand(Subscription))


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    # Not "subscriptions": that is the public pages' namespace.
    name = "subscriptions_admin"
    url_prefix = "subscriptions"
    icon = "mail"
    menu_label = _("E-mail subscriptions")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SubscriptionIndexView
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    list_per_page = 50
    form_fields = ["language", "sections", "sectors", "frequency"]
    inspect_view_fields = [
        "email",
        "language",
        "sections",
        "sectors",
        "frequency",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "covered_until",
    ]
    list_display = [
        Column("email", label=_("E-mail address")),
        Column("get_language_display", label=_("Language")),
        Column("get_frequency_display", label=_("Frequency")),
        BooleanColumn("is_confirmed", label=_("Confirmed")),
        DateColumn("created_at", label=_("Subscribed")),
    ]
