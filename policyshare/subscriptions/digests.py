"""Digests: for each confirmed subscription whose period has ended, the pages published since
its last digest that match its content types, sectors and language, queued as one mail.

A subscription remembers up to when content has been covered (``covered_until``); it is moved
on in the same transaction that queues the mail, so running the command again, or twice at
once, sends nothing twice. A period with nothing new sends nothing.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext_lazy
from wagtail.models import Locale, Page

from policyshare.library.models import PublicationPage, VideoPage
from policyshare.news.models import NewsPage
from policyshare.policies.models import PolicyPage

from . import links
from .mail import queue_mail
from .models import Frequency, Section, Subscription

SECTION_MODELS = {
    Section.POLICIES: PolicyPage,
    Section.NEWS: NewsPage,
    Section.PUBLICATIONS: PublicationPage,
    Section.VIDEOS: VideoPage,
}
# A digest lists at most this many pages and links to the site for the rest (a large import
# would otherwise make one enormous mail).
MAX_ITEMS = 50


def period_end(frequency, now):
    """The end of the last complete period: now for immediate mail, the last midnight for daily
    digests and the last Monday's midnight for weekly ones, in the portal's time zone."""
    if frequency == Frequency.IMMEDIATELY:
        return now
    today = timezone.localdate(now)
    if frequency == Frequency.WEEKLY:
        today -= datetime.timedelta(days=today.weekday())
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time()))


def new_pages(subscription, start, end):
    """Live, public pages in the subscriber's language first published in (start, end]."""
    locale = Locale.objects.filter(language_code=subscription.language).first()
    if locale is None:
        return []
    sector_keys = [sector.translation_key for sector in subscription.sectors.all()]
    pages = []
    for section in subscription.sections:
        model = SECTION_MODELS.get(section)
        if model is None:
            continue
        found = (
            model.objects.live()
            .public()
            .filter(locale=locale, first_published_at__gt=start, first_published_at__lte=end)
        )
        # Publications and videos are not filed under sectors: they come whatever the sectors.
        if sector_keys and hasattr(model, "sector"):
            found = found.filter(sector__translation_key__in=sector_keys)
        pages.extend(found)
    return sorted(pages, key=lambda page: (page.first_published_at, page.pk))


def digest_item(page):
    return {
        "title": page.title,
        "url": page.get_full_url(),
        "kind": page._meta.verbose_name,
        "published": page.first_published_at,
        "summary": page.summary,
    }


def queue_digest(subscription_id, now):
    """Queue the digest of one subscription if its period has ended; True if a mail was queued."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().confirmed().filter(pk=subscription_id).first()
        )
        if subscription is None:
            return False
        end = period_end(subscription.frequency, now)
        start = subscription.covered_until
        if start >= end:
            return False
        pages = new_pages(subscription, start, end)
        subscription.covered_until = end
        subscription.save(update_fields=["covered_until"])
        if not pages:
            return False
        home = _home_url(subscription.language)
        queue_mail(
            subscription,
            ngettext_lazy(
                "%(count)d new item on %(site)s", "%(count)d new items on %(site)s", "count"
            ),
            "subscriptions/mail/digest",
            {
                "items": [digest_item(page) for page in pages[:MAX_ITEMS]],
                "more": max(len(pages) - MAX_ITEMS, 0),
                "count": len(pages),
                "home_url": home,
            },
        )
        return True


def _home_url(language):
    home = Page.objects.filter(depth=2, locale__language_code=language).live().first()
    return home.get_full_url() if home else ""


def delete_unconfirmed(now):
    """Pending subscriptions whose confirmation link has expired; gives how many."""
    limit = now - datetime.timedelta(days=links.confirmation_days())
    _total, per_model = (
        Subscription.objects.pending().filter(confirmation_sent_at__lt=limit).delete()
    )
    return per_model.get(Subscription._meta.label, 0)


def send_digests(now=None):
    """Queue every digest that is due; gives (digests queued, unconfirmed deleted)."""
    now = now or timezone.now()
    deleted = delete_unconfirmed(now)
    # Only those whose period has ended since their last digest: most runs touch few rows.
    due = Q()
    for frequency in Frequency.values:
        due |= Q(frequency=frequency, covered_until__lt=period_end(frequency, now))
    queued = 0
    for subscription_id in (
        Subscription.objects.confirmed().filter(due).values_list("pk", flat=True)
    ):
        queued += queue_digest(subscription_id, now)
    return queued, deleted
