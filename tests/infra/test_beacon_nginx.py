"""View-counting beacons answered by the real nginx with the shipped configuration and counted by
`policyshare collect-beacons`: counted once, by the app's rules, with no address on disk; a beacon
with a session cookie still reaches the app."""

import functools
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.services import free_port

from .sites import POLICYSHARE, REPOSITORY, Site
from .test_several_app_servers import start_nginx, wait_until_healthy

pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("beacon-nginx")]

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
# The tests' nginx takes the client address from this header (the realip module), so that each
# visitor has an address of its own to look for on disk.
REAL_IP = "    set_real_ip_from 127.0.0.1;\n    real_ip_header X-Test-Client;\n"


class BeaconSite:
    def __init__(self, directory):
        self.directory = directory
        self.site = Site(
            directory / "var",
            settings={
                "SECRET_KEY": "beacon-nginx-test",
                "POLICYSHARE_TRUSTED_PROXIES": "1",
                "POLICYSHARE_BEACON_SOCKET": f"unix:{directory / 'var' / 'beacons.sock'}",
            },
        )
        self.app_port = free_port()
        self.nginx_port = free_port()
        self.processes = {}

    @property
    def url(self):
        return f"http://127.0.0.1:{self.nginx_port}"

    @property
    def socket(self):
        return Path(self.site.settings["POLICYSHARE_BEACON_SOCKET"].removeprefix("unix:"))

    def start(self):
        self.site.var_dir.mkdir()
        self.site.run("migrate", "--noinput")
        self.processes["app"] = self.site.start_app_server(
            self.app_port, (self.directory / "app.log").open("w")
        )
        self.start_collector()
        self.processes["nginx"] = start_nginx(
            self.directory / "nginx",
            [self.app_port],
            self.nginx_port,
            beacons=self.site.settings["POLICYSHARE_BEACON_SOCKET"],
            http_extra=REAL_IP,
        )
        wait_until_healthy(f"http://127.0.0.1:{self.app_port}")

    def start_collector(self):
        self.processes["collector"] = subprocess.Popen(
            [str(POLICYSHARE), "collect-beacons"],
            env=self.site.env,
            cwd=REPOSITORY,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        # It says so once the socket is bound.
        assert "Collecting beacons" in self.processes["collector"].stdout.readline()

    def stop_collector(self):
        """SIGTERM, as systemd stops it; returns what it printed."""
        collector = self.processes.pop("collector")
        collector.send_signal(signal.SIGTERM)
        output, _ = collector.communicate(timeout=60)
        assert collector.returncode == 0, output
        return output

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)

    def beacon(self, page_id, *, client, user_agent=BROWSER, cookie=None, method="POST"):
        headers = {"User-Agent": user_agent, "X-Test-Client": client}
        if cookie:
            headers["Cookie"] = cookie
        return requests.request(
            method,
            f"{self.url}/analytics/hit",
            params={"page": page_id, "kind": "view"},
            headers=headers,
            timeout=30,
        )

    def spooled(self):
        spool = self.site.var_dir / "analytics" / "current.spool"
        return len(spool.read_text().splitlines()) if spool.exists() else 0

    def wait_until_spooled(self, lines, timeout=30):
        deadline = time.monotonic() + timeout
        while self.spooled() < lines:
            assert time.monotonic() < deadline, f"{self.spooled()} of {lines} hits buffered"
            time.sleep(0.05)

    def views(self):
        """Flush, then the views stored per page id."""
        self.site.run("flush-views")
        code = (
            "import json; from policyshare.analytics.models import DailyCount as D; "
            "print(json.dumps({r.page_id: r.views for r in D.objects.all()}))"
        )
        return {int(k): v for k, v in json.loads(self.shell(code)).items()}

    def shell(self, code):
        return self.site.run("shell", "-v", "0", "-c", code).stdout.strip().splitlines()[-1]

    @functools.cached_property
    def page_id(self):
        return int(
            self.shell(
                "from wagtail.models import Page; print(Page.objects.filter(depth=2).first().pk)"
            )
        )


@pytest.fixture(scope="module")
def beacon_site(tmp_path_factory):
    running = BeaconSite(tmp_path_factory.mktemp("beacons"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


def files_containing(root, text):
    return [
        path
        for path in Path(root).rglob("*")
        if path.is_file() and text.encode() in path.read_bytes()
    ]


def test_nginx_answers_a_beacon_which_is_counted_once_and_crawlers_not(beacon_site):
    page = beacon_site.page_id
    before = beacon_site.spooled()

    crawler = beacon_site.beacon(page, client="198.51.100.61", user_agent="Googlebot/2.1")
    counted = beacon_site.beacon(page, client="198.51.100.62")

    for answer in (crawler, counted):
        assert answer.status_code == 204
        assert answer.headers["Cache-Control"] == "no-store"
        # nginx's own answer: the app's carry its security headers.
        assert "Referrer-Policy" not in answer.headers
    beacon_site.wait_until_spooled(before + 1)
    assert beacon_site.views().get(page) == 1
    assert beacon_site.views().get(page) == 1  # a second flush adds nothing

    # The lines with the addresses went to the collector's memory, not to any file.
    for address in ("198.51.100.61", "198.51.100.62"):
        assert files_containing(beacon_site.site.var_dir, address) == []
        assert files_containing(beacon_site.directory / "nginx", address) == []


def test_a_beacon_with_a_session_cookie_and_a_get_reach_the_app(beacon_site):
    page = beacon_site.page_id
    with_session = beacon_site.beacon(page, client="198.51.100.63", cookie="sessionid=abc")
    assert with_session.status_code == 204
    assert with_session.headers["Referrer-Policy"]  # answered by the app
    assert beacon_site.beacon(page, client="198.51.100.64", method="GET").status_code == 405


def test_a_stopped_collector_counts_what_nginx_had_sent(beacon_site):
    page = beacon_site.page_id
    counted_before = beacon_site.views().get(page, 0)
    for n in range(5):
        assert beacon_site.beacon(page, client=f"198.51.100.{70 + n}").status_code == 204
    output = beacon_site.stop_collector()
    beacon_site.start_collector()
    assert "beacons received" in output
    assert beacon_site.views()[page] == counted_before + 5
