"""From an answered inquiry to knowledge others can use: a public question and answer on the
policy page, and the city recorded among those that studied the policy."""

import re

from django.utils import timezone

from policyshare.policies.models import PolicyExchange

from .models import PublishedAnswer

REMOVED = "[…]"
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_PATTERN = re.compile(r"\+?\d[\d ()-]{7,}\d")


def scrub(text, inquiry):
    """``text`` without the inquirer's name, e-mail address or any other address or phone
    number, as a starting point for the public version (staff still read it before publishing)."""
    for personal in (inquiry.name, inquiry.email, inquiry.role):
        if personal and len(personal) > 2:
            text = re.sub(re.escape(personal), REMOVED, text, flags=re.IGNORECASE)
    text = EMAIL_PATTERN.sub(REMOVED, text)
    return PHONE_PATTERN.sub(REMOVED, text)


def suggested_answer(inquiry):
    """The public entry's texts as first proposed: the question and the latest reply, scrubbed,
    in the inquirer's language."""
    reply = inquiry.thread.filter(kind="reply").order_by("-created_at").first()
    language = inquiry.language if inquiry.language in ("ko", "en") else "ko"
    return {
        f"question_{language}": scrub(inquiry.message, inquiry),
        f"answer_{language}": scrub(reply.text, inquiry) if reply else "",
    }


def publish_answer(inquiry, **texts):
    return PublishedAnswer.objects.create(policy=inquiry.policy, inquiry=inquiry, **texts)


def record_exchange(inquiry, city, kind, year, note, user):
    """Adds the city to the policy's exchanges through a new revision, so that the next edit of
    the page keeps it; published at once unless the page has unpublished changes waiting."""
    policy = inquiry.policy.specific
    had_draft = policy.has_unpublished_changes
    editable = policy.get_latest_revision_as_object()
    editable.exchanges.add(
        PolicyExchange(locale=policy.locale, city=city, kind=kind, year=year, note=note)
    )
    revision = editable.save_revision(user=user, log_action=True)
    if policy.live and not had_draft:
        revision.publish(user=user)
    return revision


def this_year():
    return timezone.localdate().year
