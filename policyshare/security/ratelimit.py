"""Per-IP rate limits for public endpoints, counted in the default cache.

The cache is the disk cache that every process of one machine shares in the embedded mode and
Redis in production, so a limit holds across workers and app servers. A visitor over the limit
gets ``429 Too Many Requests`` with ``Retry-After`` (the seconds until the window ends) and a
page in their language.

Usage::

    from policyshare.security.ratelimit import ratelimit

    @ratelimit("search", rate="30/m")
    def search(request): ...

    # class-based views
    @method_decorator(ratelimit("inquiry", rate="5/h", method="POST"), name="dispatch")
    class InquiryView(FormView): ...

    # inside a view, e.g. for a second key
    if (limited := check(request, "inquiry-email", rate="3/h", key=email_key)) is not None:
        return limited

    # a form that answers with itself and its errors: per client and per address it was sent with
    if retry_after := seconds_to_wait(request, "inquiries", per_ip="10/h", per_email="5/h"):
        ...
"""

from functools import wraps

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

# Below this many seconds a browser would retry at once: the window could have ended meanwhile.
MINIMUM_RETRY_AFTER = 1


def too_many_requests(request, retry_after):
    retry_after = max(retry_after, MINIMUM_RETRY_AFTER)
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        response = JsonResponse(
            {"error": _("Too many requests. Please try again later."), "retry_after": retry_after},
            status=429,
        )
    else:
        response = render(
            request,
            "security/too_many_requests.html",
            {"retry_after": retry_after},
            status=429,
        )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def check(request, group, rate, key="ip", method=ALL):
    """Count this request; return the 429 response when it is over the limit, else None.

    ``rate`` is django-ratelimit's ``"<count>/<s|m|h|d>"``; ``key`` defaults to the client's
    IP address (see ``client_ip``), or any key django-ratelimit accepts.
    """
    usage = get_usage(request, group=group, key=key, rate=rate, method=method, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return too_many_requests(request, usage["time_left"])


def ratelimit(group, rate, key="ip", method=ALL):
    """Decorate a view so that each client may call it ``rate`` times (counted per ``group``)."""

    def decorator(view):
        @wraps(view)
        def limited_view(request, *args, **kwargs):
            limited = check(request, group, rate, key=key, method=method)
            if limited is not None:
                return limited
            return view(request, *args, **kwargs)

        return limited_view

    return decorator


def posted_email(group, request):
    """The e-mail address a form was sent with, as a django-ratelimit key (None: none given)."""
    return request.POST.get("email", "").strip().lower() or None


def seconds_to_wait(request, group, per_ip, per_email):
    """Count a form submission, whatever its outcome, per client address (``<group>.ip``) and
    per e-mail address it carries (``<group>.email``): how long the sender must wait before the
    next one is accepted, or 0."""
    limits = [(f"{group}.ip", "ip", per_ip)]
    if posted_email(group, request) is not None:
        limits.append((f"{group}.email", posted_email, per_email))
    waits = [0]
    for limit_group, key, rate in limits:
        usage = get_usage(request, group=limit_group, key=key, rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            waits.append(max(usage["time_left"], MINIMUM_RETRY_AFTER))
    return max(waits)
