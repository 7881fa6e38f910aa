"""What the inquiry tests share: a filled-in form, and no rate limit or fill time in the way
(the SMTP server, the database task queue and its worker are in tests/services.py)."""

import pytest
from django.core.cache import cache

from policyshare.security.form_guards import form_token


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A test submits the form at once; the minimum fill time has its own tests."""
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits count in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides):
    data = {
        "organisation": "Nairobi City County",
        "city": "Nairobi",
        "country": "KE",
        "name": "Amina Otieno",
        "role": "Transport planner",
        "email": "amina@nairobi.example",
        "language": "en",
        "kind": "study_visit",
        "message": "We would like to learn how you restricted high-emission vehicles.",
        "consent": "on",
        "website": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
