"""Helpers for index pages that list their children with filters and pagination."""

from django.core.paginator import Paginator


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def paginate(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
