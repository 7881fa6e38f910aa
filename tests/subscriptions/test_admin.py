"""Staff see the subscriptions in the admin: counts per language and sector, one address found
by search and deleted; nobody adds one by hand or exports the list of addresses."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from policyshare.subscriptions.models import Subscription
from tests.factories import make_sector

from .conftest import make_subscription

pytestmark = pytest.mark.django_db

LIST = "/admin/subscriptions/"


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        username="officer", email="officer@seoul.example", password="not-secret"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def test_staff_see_counts_per_language_and_sector_and_find_an_address(staff):
    transport = make_sector(name="Transport", slug="transport", code="en")
    make_subscription(email="a@lima.example", sectors=[transport])
    make_subscription(email="b@lima.example", language="ko")
    make_subscription(email="c@lima.example", confirmed_at=None, covered_until=None)

    listing = staff.get(LIST)
    assert listing.status_code == 200
    counts = listing.text[listing.text.index("subscription-counts") :]
    assert "Transport" in counts
    assert "a@lima.example" in listing.text
    assert "/add/" not in listing.text, "subscriptions are made by their owners only"
    assert "export=" not in listing.text, "no export of the addresses"
    assert staff.get(LIST + "add/").status_code in (302, 403)

    found = staff.get(LIST, {"q": "b@lima"})
    assert "b@lima.example" in found.text and "a@lima.example" not in found.text

    subscription = Subscription.objects.get(email="c@lima.example")
    assert staff.get(f"{LIST}inspect/{subscription.pk}/").status_code == 200
    staff.post(f"{LIST}delete/{subscription.pk}/")
    assert not Subscription.objects.filter(email="c@lima.example").exists()
