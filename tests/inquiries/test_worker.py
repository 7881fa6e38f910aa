"""`policyshare serve` as `make run` starts it: gunicorn and the task worker beside it, on a
SQLite file. An inquiry sent over HTTP is confirmed by mail through the real worker process, and
stopping the server stops the worker."""

import os
import re
import signal
import subprocess
import sys
import time

import pytest
import requests

from tests.services import free_port

pytestmark = [pytest.mark.servers]

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POLICYSHARE = [sys.executable, "-m", "policyshare.cli"]


def task_workers_of(pid):
    """The live ``db_worker`` processes that ``pid`` started (read from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, parent = fields[0], int(fields[1])
        if parent == pid and "db_worker" in command and state != "Z":
            found.append(int(entry))
    return found


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    pytest.fail(f"gave up waiting for {what}")


def answers(url):
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.ConnectionError:
        return False


@pytest.fixture
def portal_env(tmp_path, smtp_server):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
        "POLICYSHARE_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'portal.sqlite3'}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "POLICYSHARE_DEMO": "0",
    }
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run(
            [*POLICYSHARE, *command, "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT
        )
    return env


def test_an_inquiry_sent_to_the_served_portal_is_confirmed_by_the_worker(portal_env, smtp_server):
    port = free_port()
    server = subprocess.Popen(
        [*POLICYSHARE, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
        env=portal_env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(f"{base}/healthz"), 60, "the server")
        assert len(task_workers_of(server.pid)) == 1, "serve starts one task worker"

        session = requests.Session()
        form = session.get(f"{base}/en/inquiries/new/", timeout=10).text
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', form))
        time.sleep(3)  # a person takes longer than the minimum fill time
        response = session.post(
            f"{base}/en/inquiries/new/",
            data={
                **fields,
                "organisation": "Lima Metropolitan Municipality",
                "city": "Lima",
                "country": "PE",
                "name": "Rosa Quispe",
                "email": "rosa@lima.example",
                "language": "en",
                "kind": "training",
                "message": "Can two of our engineers join your training on bus reform?",
                "consent": "on",
            },
            timeout=10,
        )
        reference = re.search(r"INQ-\d{4}-\d{6}", response.text).group()

        mail = smtp_server.handler.wait_for("rosa@lima.example", timeout=60)
        assert mail, "the worker sent the confirmation"
        assert reference in mail[0]["Subject"]
        worker = task_workers_of(server.pid)[0]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    assert not os.path.exists(f"/proc/{worker}"), "stopping the server stops its task worker"
