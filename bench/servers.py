"""Throwaway portals for the benchmarks: a fresh embedded portal (SQLite, disk cache, spool
buffer) in a temporary folder, migrated, and served by `policyshare serve --no-worker` on a free
port; its CPU time read from /proc.

Usage::

    from servers import cpu_seconds, policyshare, portal, serving

    with portal(POLICYSHARE_TRUSTED_PROXIES="1") as (env, var_dir):
        policyshare(env, "shell", "-c", "...")
        with serving(env, workers=2, access_log=var_dir / "access.log") as server:
            ...  # server.base, server.pid; cpu_seconds(server.pid)
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.services import free_port  # noqa: E402 - after ROOT is importable

POLICYSHARE = [sys.executable, "-m", "policyshare.cli"]


def policyshare(env, *args):
    """Run a `policyshare` command in the portal; return what it printed."""
    return subprocess.run(
        [*POLICYSHARE, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


@contextlib.contextmanager
def portal(**environment):
    """A migrated portal without demo content and with rate limits off (a bench is one client
    sending many requests); ``environment`` adds or overrides its variables. Yields (env,
    folder); the folder goes afterwards."""
    with tempfile.TemporaryDirectory(prefix="policyshare-bench-") as tmp:
        var_dir = Path(tmp)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "policyshare.settings.embedded",
            "POLICYSHARE_VAR_DIR": str(var_dir),
            "DATABASE_URL": f"sqlite:///{var_dir / 'policyshare.sqlite3'}",
            "POLICYSHARE_DEMO": "0",
            "POLICYSHARE_RATELIMIT": "0",
            **environment,
        }
        policyshare(env, "migrate", "--noinput", "-v", "0")
        policyshare(env, "collectstatic", "--noinput", "-v", "0")
        yield env, var_dir


@dataclass
class Server:
    base: str
    pid: int  # also the process group of the server and its workers
    access_log: Path | None


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Loopback only, no access log: the benches measure nginx's cost per request, not the disk's.
NGINX_CONF = """\
worker_processes 2;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi;
    uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
    {http}
}}
"""


def start_nginx(directory, http, port):
    """Debian's nginx in its own process group, its files in ``directory`` and ``http`` in its
    http block, once it answers ``/healthz`` on ``port``."""
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(d=directory, http=http))
    command = [NGINX, "-c", str(conf), "-p", str(directory), "-g", "daemon off;"]
    if os.geteuid() == 0:
        command[-1] += " user root;"
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz")
    except BaseException:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
        raise
    return process


def _wait_for(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    sys.exit(f"the server at {url} did not answer")


@contextlib.contextmanager
def serving(env, *, workers=2, access_log=None):
    """`policyshare serve --no-worker` (granian by default) on a free port, in a process group
    of its own, its access log written to ``access_log`` when given."""
    port = free_port()
    log = access_log.open("w") if access_log else subprocess.DEVNULL
    process = subprocess.Popen(
        [*POLICYSHARE, "serve", "--no-worker", "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if access_log:
        log.close()
    server = Server(f"http://127.0.0.1:{port}", process.pid, access_log)
    try:
        _wait_for(f"{server.base}/healthz")
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def cpu_seconds(process_group):
    """CPU time (user and system) used so far by the processes of a group: what the requests
    cost the server, whatever else loads the machine."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == process_group:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")
