"""What the inquiry tests share: the database task queue with the real worker, and a filled-in
form (the SMTP server on loopback is ``smtp_server`` from tests/services.py)."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command

from policyshare.inquiries import spam


@pytest.fixture
def task_queue(settings):
    """Tasks go into the database queue, as in production, and ``run_worker`` works it off."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """The package's worker, in this process, until the queue holds nothing due. Between tasks
    it closes the database connection, as a long-running worker should; here that connection
    holds the test's transaction (on PostgreSQL closing it would end the test), so it stays."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A test submits the form at once; the minimum fill time has its own tests."""
    settings.POLICYSHARE_INQUIRY_MIN_FILL_SECONDS = 0


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
        "form_token": spam.form_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
