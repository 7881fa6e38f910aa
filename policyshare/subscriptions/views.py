"""The public side: the subscription form, the pages the mailed links open (confirm, manage,
unsubscribe) and the privacy notice.

The form answers the same whatever the address (new, pending, confirmed): only its owner, in
the mail, learns more. Links that change something show a page with a button first (GET) and
act on the POST, so that mail scanners following links change nothing; unsubscribing also
accepts the one-click POST of RFC 8058 from mail programs, which carries no CSRF token."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from policyshare.security.ratelimit import seconds_to_wait

from . import links
from .forms import PreferencesForm, SubscribeForm, apply_preferences


@never_cache
def subscribe(request):
    if request.method != "POST":
        return render(request, "subscriptions/subscribe.html", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    # Per client and per address, so that the form cannot flood a mailbox with confirmations.
    if retry_after := seconds_to_wait(
        request,
        "subscriptions",
        per_ip=settings.POLICYSHARE_SUBSCRIPTION_RATE_PER_IP,
        per_email=settings.POLICYSHARE_SUBSCRIPTION_RATE_PER_EMAIL,
    ):
        form.is_valid()
        form.add_error(
            None,
            _(
                "You have sent this form several times in a short time. Please try again in an "
                "hour."
            ),
        )
        response = render(request, "subscriptions/subscribe.html", {"form": form}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", {"form": form})
    # An automated submission is answered as any other, but nothing is saved or sent.
    if not form.looks_automated():
        with transaction.atomic():
            form.save()
    return redirect("subscriptions:check_inbox")


@never_cache
def check_inbox(request):
    return render(request, "subscriptions/check_inbox.html", {"days": links.confirmation_days()})


def _invalid_link(request, expired=False):
    return render(request, "subscriptions/invalid_link.html", {"expired": expired}, status=400)


@never_cache
def confirm(request, token):
    try:
        subscription, preferences = links.read_confirm_token(token)
    except links.ExpiredLink:
        return _invalid_link(request, expired=True)
    except links.InvalidLink:
        return _invalid_link(request)
    if subscription is None:
        # Unsubscribed, or deleted unconfirmed, since the mail was sent.
        return _invalid_link(request, expired=True)
    if request.method != "POST":
        return render(request, "subscriptions/confirm.html", {"subscription": subscription})
    with transaction.atomic():
        apply_preferences(subscription, preferences)
        if not subscription.is_confirmed:
            subscription.confirmed_at = subscription.covered_until = timezone.now()
            subscription.save(update_fields=["confirmed_at", "covered_until"])
    return render(
        request,
        "subscriptions/confirmed.html",
        {"subscription": subscription, "manage_url": links.manage_url(subscription)},
    )


@never_cache
def manage(request, token):
    try:
        subscription = links.read_manage_token(token)
    except links.InvalidLink:
        return _invalid_link(request)
    if subscription is None:
        return render(request, "subscriptions/unsubscribed.html")
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                apply_preferences(subscription, form.preferences())
            saved = True
    else:
        form = PreferencesForm(initial=PreferencesForm.initial_from(subscription))
    return render(
        request,
        "subscriptions/manage.html",
        {
            "form": form,
            "subscription": subscription,
            "saved": saved,
            "unsubscribe_url": links.unsubscribe_url(subscription),
        },
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    try:
        subscription = links.read_unsubscribe_token(token)
    except links.InvalidLink:
        return _invalid_link(request)
    if request.method != "POST":
        if subscription is None:
            return render(request, "subscriptions/unsubscribed.html")
        return render(request, "subscriptions/unsubscribe.html", {"subscription": subscription})
    # Deleted, not marked: an unsubscribed address is not kept. Asking twice is no error.
    if subscription is not None:
        subscription.delete()
    return render(request, "subscriptions/unsubscribed.html")


def privacy_notice(request):
    return render(request, "subscriptions/privacy.html", {"days": links.confirmation_days()})
