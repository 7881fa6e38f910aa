"""What the subscription tests share: the database task queue in every test, the form's data,
and reading links out of the mail. The SMTP server, the queue and its worker (``run_worker``)
are in tests/services.py."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from policyshare.security.form_guards import form_token
from policyshare.subscriptions.models import Subscription


@pytest.fixture(autouse=True)
def _queued_tasks(task_queue):
    """Every test here queues mail in the database, as in production."""


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A test submits the form at once; the minimum fill time has the inquiry tests."""
    settings.POLICYSHARE_FORM_MIN_FILL_SECONDS = 0


def form_data(**overrides):
    data = {
        "email": "amina@nairobi.example",
        "sections": ["policies", "news", "publications", "videos"],
        "language": "en",
        "frequency": "weekly",
        "consent": "on",
        "website": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def path_of(url):
    parts = urlsplit(url)
    return parts.path


def link_in(message, name):
    """The path of the ``/subscriptions/<name>/…`` link in the plain-text part of ``message``."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(rf"https?://\S+/subscriptions/{name}/\S+/", text)
    assert found, f"no {name} link in:\n{text}"
    return path_of(found.group(0))


def make_subscription(**fields):
    """A confirmed subscription whose digests start an hour ago."""
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    sectors = fields.pop("sectors", [])
    fields.setdefault("email", "reader@lima.example")
    fields.setdefault("language", "en")
    fields.setdefault("sections", ["policies", "news", "publications", "videos"])
    fields.setdefault("frequency", "immediately")
    fields.setdefault("confirmed_at", an_hour_ago)
    fields.setdefault("covered_until", fields["confirmed_at"])
    subscription = Subscription.objects.create(**fields)
    subscription.sectors.set(sectors)
    return subscription
