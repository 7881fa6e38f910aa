"""limit/offset paging that refuses what it cannot honour instead of guessing.

Django REST framework's own class silently falls back to its default on a malformed limit; a
client should learn that its request was wrong."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

from policyshare.core.numbers import whole_number

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Deeper than any listing of this portal will reach; far larger numbers overflow the database.
MAX_OFFSET = 100_000


def _bounded_int(params, name, minimum, maximum, default):
    raw = params.get(name)
    if raw is None:
        return default
    value = whole_number(raw, minimum, maximum)
    if value is None:
        raise ValidationError(
            {
                name: [
                    _("Enter a whole number from %(minimum)d to %(maximum)d.")
                    % {"minimum": minimum, "maximum": maximum}
                ]
            }
        )
    return value


class StrictLimitOffsetPagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        return _bounded_int(request.query_params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT)

    def get_offset(self, request):
        return _bounded_int(request.query_params, "offset", 0, MAX_OFFSET, 0)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "limit",
                "required": False,
                "in": "query",
                "description": f"Items per page, at most {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
            },
            {
                "name": "offset",
                "required": False,
                "in": "query",
                "description": "How many items to skip.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
            },
        ]
