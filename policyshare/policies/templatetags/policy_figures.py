from django import template
from django.utils.translation import get_language

from policyshare.policies.quantities import format_quantity

register = template.Library()


@register.filter
def quantity(value):
    """A key result's number in the reader's way of counting (see ``quantities.py``)."""
    return "" if value is None else format_quantity(value, get_language())
