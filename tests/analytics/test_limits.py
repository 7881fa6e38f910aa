"""A script posting beacons cannot inflate the counts: one visitor's hits of one item count up
to a daily cap, one address's beacons up to a rate per minute; the rest get the same 204 and
are not counted."""

import pytest

from policyshare.analytics import limits
from policyshare.analytics.flush import flush_views
from policyshare.analytics.models import DailyCount
from tests.factories import make_news

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def views_of(page):
    return sum(DailyCount.objects.filter(page=page).values_list("views", flat=True))


def test_one_visitor_counts_up_to_the_daily_cap_per_item(beacon):
    article, other = make_news(), make_news(title="다른 기사")
    answers = {beacon(article).status_code for _ in range(limits.PER_VISITOR_PER_DAY + 5)}
    beacon(other)
    beacon(article, address="198.51.100.99")
    flush_views()

    assert answers == {204}
    assert views_of(article) == limits.PER_VISITOR_PER_DAY + 1
    assert views_of(other) == 1


def test_the_cap_holds_across_flushes(beacon):
    article = make_news()
    for _ in range(2):
        for _ in range(limits.PER_VISITOR_PER_DAY - 2):
            beacon(article)
        flush_views()
    row = DailyCount.objects.get(page=article)
    assert (row.views, row.uniques) == (limits.PER_VISITOR_PER_DAY, 1)


def test_an_address_changing_its_browser_counts_up_to_the_rate_per_minute(beacon, settings):
    settings.POLICYSHARE_BEACON_ADDRESS_LIMIT = 3
    article = make_news()
    answers = [
        beacon(article, user_agent=f"{BROWSER} Edg/{version}").status_code for version in range(6)
    ]
    beacon(article, address="198.51.100.99")
    flush_views()

    assert answers == [204] * 6
    assert views_of(article) == 4


def test_rate_limits_off_count_every_beacon(beacon, settings):
    settings.RATELIMIT_ENABLE = False
    settings.POLICYSHARE_BEACON_ADDRESS_LIMIT = 3
    article = make_news()
    for _ in range(limits.PER_VISITOR_PER_DAY + 2):
        beacon(article)
    flush_views()
    assert views_of(article) == limits.PER_VISITOR_PER_DAY + 2


def test_an_address_limit_of_zero_counts_every_address_beacon(beacon, settings):
    settings.POLICYSHARE_BEACON_ADDRESS_LIMIT = 0
    article = make_news()
    for version in range(5):
        beacon(article, user_agent=f"{BROWSER} Edg/{version}")
    flush_views()
    assert views_of(article) == 5


def test_a_summit_venue_behind_one_address_is_not_limited_by_default():
    """2,500 attendees behind one NAT address each opening a page within the same minute."""
    from django.utils import timezone

    today = timezone.localdate()
    over = [limits.address_over_limit("203.0.113.200", today) for _ in range(2500)]
    assert not any(over)
