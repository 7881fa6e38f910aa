"""What the inquiry tests share: a real SMTP server on loopback, the database task queue with the
real worker, and a filled-in form."""

import threading
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.core.management import call_command

from policyshare.inquiries import spam
from tests.services import free_port


class MailCollector:
    """The aiosmtpd handler: keeps every message the server accepted."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if address in m["To"]]

    def wait_for(self, address, timeout=30):
        with self.arrived:
            self.arrived.wait_for(lambda: self.to(address), timeout=timeout)
        return self.to(address)


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.handler = MailCollector()
        self.controller = None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        return self.handler.messages


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port, with Django's SMTP backend pointed at it."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    if server.controller.loop.is_running():
        server.stop()


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
