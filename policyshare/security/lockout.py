"""What a locked-out editor sees: Wagtail's sign-in page again, saying why and for how long,
with ``429 Too Many Requests`` and ``Retry-After``."""

import math

from axes.helpers import get_client_username, get_cool_off
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import ngettext
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled


def lockout_message(minutes):
    return ngettext(
        "Too many failed sign-in attempts. Signing in is locked for %(minutes)d minute; "
        "please try again later.",
        "Too many failed sign-in attempts. Signing in is locked for %(minutes)d minutes; "
        "please try again later.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials):
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds())
    messages.error(request, lockout_message(math.ceil(seconds / 60)))
    form = get_user_login_form()(
        request=request, initial={"username": get_client_username(request, credentials)}
    )
    response = render(
        request,
        "wagtailadmin/login.html",
        {
            "form": form,
            "next": request.POST.get("next", ""),
            "show_password_reset": password_reset_enabled(),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
