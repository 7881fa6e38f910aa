"""Real servers for the tests, started from Debian's packages on loopback and stopped at the end.

A pytest plugin (``pytest_plugins`` in ``tests/conftest.py``):

- ``--database=postgresql`` runs the selected tests on a throwaway PostgreSQL cluster instead of
  SQLite; ``-m postgresql`` selects the tests marked to run on both.
- ``postgresql_cluster`` (session): a cluster of its own per test process (per xdist worker), for
  tests that need PostgreSQL whatever ``--database`` says (backups, several app servers).
- ``smtp_server``: a real SMTP server (aiosmtpd, in this process) that Django's mail goes to,
  collecting what arrives.
- ``task_queue`` and ``run_worker``: background tasks go into the database queue, as in
  production, and the package's worker works them off in the test's process.

Each server listens on a free port of 127.0.0.1 and keeps its files in a temporary folder. As
root (CI), PostgreSQL refuses to run, so its programs run as the unprivileged ``postgres`` user
that Debian's package creates.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command

DATABASE_CHOICES = ("sqlite", "postgresql")


def free_port():
    """A TCP port nobody listens on now; the server started next binds it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=30, host="127.0.0.1"):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _unprivileged_user(name):
    """The user to run a server as: ourselves, unless we are root and the server refuses that."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pytest.fail(f"running as root needs the '{name}' user: apt-get install postgresql")


def _postgresql_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    pytest.fail("PostgreSQL is not installed: apt-get install postgresql (Debian 12: 15)")


def _version_key(path):
    return int(Path(path).parts[-3])


class PostgreSQLCluster:
    """A PostgreSQL cluster in a temporary folder, for one test session.

    Durability is off (no fsync): the data is thrown away, and a test that restarts the server
    stops it cleanly first.
    """

    superuser = "policyshare"

    def __init__(self):
        self.bindir = _postgresql_bindir()
        self.user = _unprivileged_user("postgres")
        self.directory = Path(tempfile.mkdtemp(prefix="policyshare-postgresql-"))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.port = free_port()
        if self.user:
            os.chown(self.directory, self.user.pw_uid, self.user.pw_gid)

    def _run(self, program, *args):
        result = subprocess.run(
            [str(self.bindir / program), *args],
            user=self.user.pw_uid if self.user else None,
            group=self.user.pw_gid if self.user else None,
            cwd=self.directory,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}{log}")
        return result

    def initialise(self):
        self._run(
            "initdb",
            f"--pgdata={self.data}",
            f"--username={self.superuser}",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": self.port,
            "unix_socket_directories": f"'{self.directory}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": 200,
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def start(self):
        self._run("pg_ctl", "start", f"--pgdata={self.data}", f"--log={self.log}", "--wait")

    def stop(self, mode="fast"):
        self._run("pg_ctl", "stop", f"--pgdata={self.data}", f"--mode={mode}", "--wait")

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    @property
    def running(self):
        return (self.data / "postmaster.pid").exists()

    def url(self, database):
        return f"postgres://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name):
        """A new empty database (dropped first if a previous run left one)."""
        self.drop_database(name)
        self._run("createdb", *self._client_args(), name)

    def drop_database(self, name):
        self._run("dropdb", *self._client_args(), "--if-exists", "--force", name)

    def _client_args(self):
        return ["--host=127.0.0.1", f"--port={self.port}", f"--username={self.superuser}"]


@contextlib.contextmanager
def running_postgresql():
    cluster = PostgreSQLCluster()
    try:
        cluster.initialise()
        cluster.start()
        yield cluster
    finally:
        if cluster.running:
            cluster.stop(mode="immediate")
        cluster.remove()


class MailCollector:
    """The aiosmtpd handler: keeps every message the server accepted."""

    def __init__(self):
        import threading

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

    def wait_for(self, address, timeout=30, count=1):
        """The messages to ``address`` once ``count`` of them have arrived (or the timeout)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.to(address)) >= count, timeout=timeout)
        return self.to(address)


class SMTPServer:
    """aiosmtpd on a free loopback port; stop() and start() again keep the port and the messages,
    as a mail server that was down for a while would."""

    def __init__(self):
        self.port = free_port()
        self.handler = MailCollector()
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    @property
    def running(self):
        return self.controller is not None and self.controller.loop.is_running()

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
    if server.running:
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


class RedisServer:
    """redis-server on a free port, without persistence; stop() and start() again keep the port,
    as a restarted Redis would."""

    def __init__(self, directory):
        if shutil.which("redis-server") is None:
            pytest.fail("Redis is not installed: apt-get install redis-server")
        self.directory = Path(directory)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process = None


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    if server.process:
        server.stop()


class ObjectStorageServer:
    """moto's S3 server on a free port: an S3-compatible endpoint on loopback."""

    access_key = "policyshare-test"
    secret_key = "policyshare-test-secret"  # noqa: S105
    region = "us-east-1"

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout=60)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )

    def environment(self, bucket):
        """The variables that put an installation's uploads into `bucket` of this server."""
        return {
            "POLICYSHARE_S3_BUCKET": bucket,
            "POLICYSHARE_S3_ENDPOINT_URL": self.endpoint,
            "POLICYSHARE_S3_REGION": self.region,
            "POLICYSHARE_S3_ACCESS_KEY_ID": self.access_key,
            "POLICYSHARE_S3_SECRET_ACCESS_KEY": self.secret_key,
        }


@pytest.fixture(scope="session")
def object_storage_server():
    server = ObjectStorageServer()
    server.start()
    yield server
    if server.process:
        server.stop()


def pytest_addoption(parser):
    parser.addoption(
        "--database",
        choices=DATABASE_CHOICES,
        default="sqlite",
        help="database the tests run on: sqlite (default, in memory) or postgresql (a throwaway "
        "cluster started from Debian's PostgreSQL); combine with -m postgresql",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: also run on PostgreSQL (pytest --database=postgresql -m postgresql)"
    )
    config.addinivalue_line(
        "markers",
        "servers: starts its own PostgreSQL, Redis, object storage or nginx, whatever --database "
        "says (run once, in the SQLite pass of make test)",
    )
    # Registered by xdist too; named here so that runs with -p no:xdist accept it.
    config.addinivalue_line("markers", "xdist_group(name): run on one xdist worker together")


@pytest.fixture(scope="session")
def postgresql_cluster():
    with running_postgresql() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """With --database=postgresql Django must have started on PostgreSQL, as a server does:
    Wagtail's search backend picks its models and weights for the database it finds when the
    apps load, so pointing Django at PostgreSQL afterwards would test something else. Run
    ``python -m tests.services pytest …``: it starts the cluster and sets DATABASE_URL first;
    pytest-django then creates one test database per xdist worker there."""
    if request.config.getoption("database") != "postgresql":
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.exit(
            "--database=postgresql: run the tests through `python -m tests.services pytest …`, "
            "which starts PostgreSQL before Django",
            returncode=4,
        )


def run_on_postgresql(command):
    """Run a pytest command line on a throwaway PostgreSQL cluster; gives its exit status."""
    with running_postgresql() as cluster:
        environment = {**os.environ, "DATABASE_URL": cluster.url("policyshare")}
        return subprocess.call([*command, "--database=postgresql"], env=environment)


if __name__ == "__main__":
    sys.exit(run_on_postgresql(sys.argv[1:]))
