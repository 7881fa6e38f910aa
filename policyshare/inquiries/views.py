"""The public side: the inquiry form (general, or about one policy), the page confirming it was
sent, and the privacy notice."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from policyshare.core.numbers import object_id
from policyshare.policies.models import PolicyPage
from policyshare.security.ratelimit import seconds_to_wait

from .forms import InquiryForm
from .mail import queue_acknowledgements
from .models import Status

SENT_SALT = "policyshare.inquiries.sent"


def _policy_from(request):
    policy_id = object_id(request.GET.get("policy"))
    if policy_id is None:
        return None
    return PolicyPage.objects.live().public().select_related("sector").filter(pk=policy_id).first()


@never_cache
def new_inquiry(request):
    policy = _policy_from(request)
    if request.method != "POST":
        form = InquiryForm(policy=policy)
        return render(request, "inquiries/new.html", {"form": form, "policy": policy})

    form = InquiryForm(request.POST, request.FILES, policy=policy)
    if retry_after := seconds_to_wait(
        request,
        "inquiries",
        per_ip=settings.POLICYSHARE_INQUIRY_RATE_PER_IP,
        per_email=settings.POLICYSHARE_INQUIRY_RATE_PER_EMAIL,
    ):
        form.is_valid()
        form.add_error(
            None,
            _(
                "You have sent several inquiries in a short time. Please wait an hour and send "
                "it again; what you wrote is kept below."
            ),
        )
        response = render(
            request, "inquiries/new.html", {"form": form, "policy": policy}, status=429
        )
        response["Retry-After"] = str(retry_after)
        return response
    if not form.is_valid():
        return render(request, "inquiries/new.html", {"form": form, "policy": policy})
    with transaction.atomic():
        inquiry = form.save()
        # Spam gets no mail: the form must not become a way to send mail to anyone.
        if inquiry.status != Status.SPAM:
            queue_acknowledgements(inquiry)
    token = signing.dumps(inquiry.reference, salt=SENT_SALT)
    return redirect(f"{reverse('inquiries:sent')}?r={token}")


@never_cache
def inquiry_sent(request):
    try:
        reference = signing.loads(request.GET.get("r", ""), salt=SENT_SALT, max_age=86400)
    except signing.BadSignature:
        return redirect("inquiries:new")
    return render(request, "inquiries/sent.html", {"reference": reference})


def privacy_notice(request):
    return render(
        request,
        "inquiries/privacy.html",
        {"retention_days": settings.POLICYSHARE_INQUIRY_RETENTION_DAYS},
    )
