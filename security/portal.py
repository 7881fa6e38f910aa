"""A throwaway portal on loopback with the demo content, as the scanners' target.

Everything lives in a temporary folder (database, media, static files, secret key) removed
afterwards. Rate limits are off (``POLICYSHARE_RATELIMIT=0``, as for the benchmarks): the
scanners send thousands of requests from one address, and with the limits on they would test
the 429 page instead of the views behind it. The server's access log is kept: every ``500`` in
it is a finding, whichever tool caused it.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

POLICYSHARE = [sys.executable, "-m", "policyshare.cli"]
ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) ')


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_environment(var_dir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
        "POLICYSHARE_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'policyshare.sqlite3'}",
        "POLICYSHARE_DEMO": "1",
        "POLICYSHARE_RATELIMIT": "0",
    }


def prepare(var_dir, log):
    env = portal_environment(var_dir)
    for command in (
        ["migrate", "--noinput"],
        ["load-demo"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run([*POLICYSHARE, *command], env=env, check=True, stdout=log, stderr=log)
    return env


def wait_until_up(base_url, server, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the portal stopped while starting (see the server log)")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the portal at {base_url} did not answer within {timeout} s")


@contextmanager
def running_portal(work_dir):
    """Yields the base URL of a portal serving the demo content; its logs go to ``work_dir``."""
    var_dir = Path(work_dir) / "var"
    shutil.rmtree(var_dir, ignore_errors=True)  # a kept folder of an earlier scan
    var_dir.mkdir()
    with open(Path(work_dir) / "prepare.log", "w") as log:
        env = prepare(var_dir, log)
    port = free_port()
    server_log = open(Path(work_dir) / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [*POLICYSHARE, "serve", "--no-worker", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url, server)
        yield base_url
    finally:
        server.terminate()
        server.wait(30)
        server_log.close()


def server_errors(server_log):
    """(method, path) of every request the portal answered with a 5xx."""
    errors = []
    for line in Path(server_log).read_text(errors="replace").splitlines():
        match = ACCESS_LINE.search(line)
        if match and match["status"].startswith("5"):
            errors.append((match["method"], match["path"]))
    return errors
