"""The collector of the beacons nginx answers: each line nginx sends over the socket is counted
by the app's own rules, once, into the same buffer; nothing queued is lost on a graceful stop.
(tests/infra/test_beacon_nginx.py runs it behind the real nginx.)"""

import grp
import os
import pwd
import socket
import stat
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ImproperlyConfigured

from policyshare.analytics.collector import Collector, parse_line
from policyshare.analytics.flush import flush_views
from policyshare.analytics.models import DailyCount, ReferrerDailyCount
from tests.factories import make_news

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def nginx_line(
    fields, *, address="198.51.100.23", user_agent=BROWSER, purpose="-", host="localhost"
):
    """A datagram as nginx's syslog logger sends it in the shipped log format (escape=default:
    non-ASCII bytes as \\xHH, empty values as "-")."""
    escaped = (
        "".join(
            char
            if 32 <= ord(char) < 127 and char not in '"\\'
            else "".join(f"\\x{byte:02X}" for byte in char.encode())
            for char in user_agent
        )
        or "-"
    )
    message = "\t".join(
        [
            "policyshare-beacon-1",
            address,
            host,
            escaped,
            purpose,
            "-",
            "-",
            "-",
            urlencode(fields) or "-",
        ]
    )
    return f"<190>Nov 25 22:40:00 policyshare: {message}".encode()


@pytest.fixture
def collector():
    folder = Path(tempfile.mkdtemp(prefix="beacons-"))  # short: a socket path has 108 bytes
    running = Collector(f"unix:{folder / 'beacons.sock'}")
    sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sender.connect(str(running.path))

    def send(*datagrams):
        for datagram in datagrams:
            sender.send(datagram)

    running.send = send
    yield running
    sender.close()
    running.close()
    folder.rmdir()


def views_of(page):
    return sum(DailyCount.objects.filter(page=page).values_list("views", flat=True))


def test_a_logged_beacon_is_counted_once_with_its_referrer(collector):
    article = make_news()
    collector.send(
        nginx_line({"page": article.pk, "kind": "view", "ref": "https://news.example.com/a"})
    )
    assert collector.collect(timeout=5) == 1
    assert flush_views() == 1
    assert flush_views() == 0
    row = DailyCount.objects.get(page=article)
    assert (row.views, row.uniques, row.language) == (1, 1, "ko")
    assert ReferrerDailyCount.objects.get().domain == "news.example.com"


def test_the_apps_rules_apply(collector, settings):
    settings.POLICYSHARE_BEACON_ADDRESS_LIMIT = 2
    article = make_news()
    fields = {"page": article.pk, "kind": "view"}
    collector.send(
        nginx_line(fields, user_agent="facebookexternalhit/1.1"),
        nginx_line(fields, user_agent=""),
        nginx_line(fields, purpose="prefetch;prerender"),
        nginx_line({"page": "abc"}),
        b"<190>Nov 25 22:40:00 policyshare: something else",
        nginx_line(fields, address="203.0.113.5"),
        nginx_line(fields, address="203.0.113.5", user_agent=f"{BROWSER} Edg/1"),
        nginx_line(fields, address="203.0.113.5", user_agent=f"{BROWSER} Edg/2"),
    )
    collector.collect(timeout=5)
    flush_views()
    # The crawler, the empty user agent, the prefetch, the bad and foreign lines count nothing;
    # the address counts up to its limit.
    assert views_of(article) == 2


def test_a_user_agent_with_non_ascii_bytes_is_the_same_visitor(collector):
    article = make_news()
    user_agent = f"{BROWSER} 한국어"
    assert parse_line(nginx_line({"page": 1}, user_agent=user_agent))[1].user_agent == user_agent
    collector.send(*[nginx_line({"page": article.pk}, user_agent=user_agent)] * 2)
    collector.collect(timeout=5)
    flush_views()
    row = DailyCount.objects.get(page=article)
    assert (row.views, row.uniques) == (2, 1)


def test_a_stop_counts_what_is_still_queued(collector):
    article = make_news()
    # Fewer than Linux's smallest queue of a unix socket (net.unix.max_dgram_qlen: 10).
    collector.send(*[nginx_line({"page": article.pk}, address=f"198.51.100.{n}") for n in range(8)])
    collector.drain()
    flush_views()
    assert views_of(article) == 8
    assert collector.received == collector.counted == 8


def test_on_udp_a_burst_waits_in_the_receive_buffer():
    """UDP on loopback queues as much as the receive buffer holds (the unix socket: 10 lines
    on a machine without systemd's sysctl)."""
    article = make_news()
    receiver = Collector("127.0.0.1:0")
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for n in range(1500):
            line = nginx_line({"page": article.pk}, address=f"198.51.{n // 250}.{n % 250}")
            sender.sendto(line, receiver.socket.getsockname())
        receiver.drain()
    finally:
        sender.close()
        receiver.close()
    flush_views()
    assert views_of(article) == receiver.counted == 1500


def test_no_address_is_written(collector, spool):
    article = make_news()
    collector.send(nginx_line({"page": article.pk}, address="198.51.100.77"))
    collector.collect(timeout=5)
    assert "198.51.100.77" not in "".join(path.read_text() for path in spool.iterdir())


def test_a_visitor_seen_by_nginx_and_by_the_app_on_a_port_is_one_visitor(collector, beacon):
    """nginx logs $host without the port; Django's get_host() keeps a non-standard one."""
    article = make_news()
    collector.send(nginx_line({"page": article.pk}, host="portal.example.org"))
    collector.collect(timeout=5)
    beacon(article, HTTP_HOST="Portal.Example.org:8443")
    flush_views()
    row = DailyCount.objects.get(page=article)
    assert (row.views, row.uniques) == (2, 1)


def test_an_old_scripts_full_referrer_keeps_only_its_domain(collector, spool):
    article = make_news()
    referrer = "https://search.example.net/results?q=private+question"
    collector.send(nginx_line({"page": article.pk, "ref": referrer}))
    collector.collect(timeout=5)
    assert "private" not in "".join(path.read_text() for path in spool.iterdir())
    flush_views()
    assert ReferrerDailyCount.objects.get().domain == "search.example.net"


def send_as(user, group, path, datagram):
    """Send one datagram to the socket at ``path`` as another local user (a forked child that
    drops root); the error's name, or ""."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child)
        error = ""
        try:
            os.setgroups([])
            os.setgid(grp.getgrnam(group).gr_gid)
            os.setuid(pwd.getpwnam(user).pw_uid)
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
                sender.sendto(datagram, str(path))
        except OSError as raised:
            error = type(raised).__name__
        os.write(write_end, error.encode())
        os._exit(0)
    os.close(write_end)
    os.waitpid(child, 0)
    with os.fdopen(read_end, "rb") as answer:
        return answer.read().decode()


@pytest.mark.skipif(os.geteuid() != 0, reason="acting as other local users needs root")
def test_only_nginxs_group_can_send_lines_to_the_socket(settings, tmp_path):
    settings.POLICYSHARE_BEACON_SOCKET_GROUP = "www-data"
    article = make_news()
    folder = Path(tempfile.mkdtemp(prefix="beacons-"))
    folder.chmod(0o755)  # even a folder open to everyone: the socket's own mode keeps others out
    running = Collector(f"unix:{folder / 'beacons.sock'}")
    try:
        socket_stat = running.path.stat()
        assert stat.S_IMODE(socket_stat.st_mode) == 0o660
        assert grp.getgrgid(socket_stat.st_gid).gr_name == "www-data"
        line = nginx_line({"page": article.pk})
        assert send_as("nobody", "nogroup", running.path, line) == "PermissionError"
        assert send_as("nobody", "www-data", running.path, line) == ""
        running.drain()
    finally:
        running.close()
        folder.rmdir()
    flush_views()
    assert views_of(article) == 1


def test_a_socket_group_that_does_not_exist_is_a_clear_error(settings, tmp_path):
    settings.POLICYSHARE_BEACON_SOCKET_GROUP = "no-such-group-here"
    folder = Path(tempfile.mkdtemp(prefix="beacons-"))
    with pytest.raises(ImproperlyConfigured, match="POLICYSHARE_BEACON_SOCKET_GROUP"):
        Collector(f"unix:{folder / 'beacons.sock'}")
    assert not any(folder.iterdir())
    folder.rmdir()


def test_the_shipped_unit_gives_the_socket_folder_to_nginxs_group():
    unit = (
        Path(__file__).parents[2] / "deploy" / "systemd" / "policyshare-collect-beacons.service"
    ).read_text()
    settings_of_unit = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and line[0] != "#"
    )
    assert settings_of_unit["Group"] == "www-data"
    assert settings_of_unit["RuntimeDirectoryMode"] == "0750"
