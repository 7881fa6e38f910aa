"""E-mail about inquiries, written in the inquirer's or the department's language and handed to
the outbox, which sends it and retries while the mail server is down."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from policyshare.outbox import sending

from .models import Inquiry


def queue_mail(to, subject, text, inquiry):
    return sending.queue(to, subject, text, record_on=inquiry.mails)


def _admin_url(inquiry):
    path = reverse("inquiries_admin:handle", args=[inquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue_acknowledgements(inquiry: Inquiry):
    """The confirmation to the inquirer, in the language they chose, and the notice to the
    responsible department (the policy's contact, else the default address)."""
    with translation.override(inquiry.language):
        queue_mail(
            inquiry.email,
            _("We have received your inquiry %(reference)s") % {"reference": inquiry.reference},
            render_to_string("inquiries/mail/confirmation.txt", {"inquiry": inquiry}),
            inquiry,
        )
    department = (inquiry.policy.contact_email if inquiry.policy else "") or (
        settings.POLICYSHARE_INQUIRY_NOTIFY_EMAIL
    )
    with translation.override(settings.LANGUAGE_CODE):
        queue_mail(
            department,
            _("New inquiry %(reference)s from %(city)s: %(kind)s")
            % {
                "reference": inquiry.reference,
                "city": inquiry.city,
                "kind": inquiry.get_kind_display(),
            },
            render_to_string(
                "inquiries/mail/notification.txt",
                {"inquiry": inquiry, "admin_url": _admin_url(inquiry)},
            ),
            inquiry,
        )


def queue_reply(inquiry, text):
    with translation.override(inquiry.language):
        return queue_mail(
            inquiry.email,
            _("Answer to your inquiry %(reference)s") % {"reference": inquiry.reference},
            render_to_string("inquiries/mail/reply.txt", {"inquiry": inquiry, "text": text}),
            inquiry,
        )
