"""Errors as ``{"error": message, …}`` in the reader's language, for every API failure that is
the client's (4xx). The status, the Retry-After header of a 429 and the Allow header of a 405
stay Django REST framework's."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (the OpenAPI description's ``Error``)."""

    error = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For 400: the messages of each query parameter that is not valid.",
    )
    retry_after = serializers.IntegerField(
        required=False, help_text="For 429: seconds until requests are accepted again."
    )


class NoSuchPath(exceptions.NotFound):
    """A path under /api/ that names no endpoint at all."""


def _message(exc):
    if isinstance(exc, NoSuchPath):
        return _("There is nothing at this address in the API.")
    if isinstance(exc, exceptions.ValidationError):
        return _("The request is not valid.")
    if isinstance(exc, exceptions.NotFound):
        return _("There is no such item.")
    if isinstance(exc, exceptions.Throttled):
        return _("Too many requests. Please try again later.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("This API only reads: use GET.")
    return str(exc.detail)


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    body = {"error": _message(exc)}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["fields"] = exc.detail
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        body["retry_after"] = int(exc.wait)
    response.data = body
    return response
