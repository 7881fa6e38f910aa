"""The collector of the beacons nginx answers itself (deploy/nginx/policyshare.conf).

nginx answers a beacon without a session cookie with 204 and logs it, in the format
``policyshare_beacon``, to syslog over a unix datagram socket: the line with the visitor's
address goes from nginx's memory to this process's and is never written to a file. Here each
line goes through the app's own rules (beacons.beacon_hit: crawlers, prefetches, the limits, the
daily-salted visitor hash) and the counted hits go into the app's buffer (Redis or the spool
file), from which `policyshare flush-views` writes them to the database as it does the app's.

What can be lost:
- a stop (SIGTERM) loses nothing: the beacons already queued in the socket are read and
  buffered before the process ends;
- a crash loses the datagrams queued in the socket and the batch being read (at most
  ``BATCH`` + the socket's queue); while the collector is down or behind, nginx finds the
  socket refused or full and drops the line (noted in nginx's error log), so a restart loses
  the beacons of the seconds it takes. Once buffered, a hit is as safe as any other
  (buffers.py).

How full is full: Linux queues at most ``net.unix.max_dgram_qlen`` datagrams on a unix socket
(the kernel's default is 10; systemd sets 512, as on Debian); beyond it nginx's line is dropped.
On a machine that keeps 10, use UDP on loopback, whose queue is the receive buffer
(``RECEIVE_BUFFER``, up to ``net.core.rmem_max``), tens of thousands of lines; docs/deploy.md.
"""

import logging
import os
import re
import select
import shutil
import socket
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from .beacons import Client, InvalidBeacon, beacon_hit, query_fields
from .hits import buffer_hits
from .limits import AddressCounts

logger = logging.getLogger(__name__)

# The first field of the log format, naming it and its version.
FORMAT = b"policyshare-beacon-1"
# address, host, user agent, the four prefetch headers (visitors.PREFETCH_HEADERS), query string
FIELDS = 8
# Datagrams read before their hits are buffered together (one write, one Redis round trip).
BATCH = 1000
# nginx sends a line whole, however long its referrer and user agent.
MAX_LINE = 65536
# Room for a burst while a batch is being buffered; the kernel may grant less.
RECEIVE_BUFFER = 4 * 1024 * 1024
# After a wake-up, lines gather in the socket for as long as its queue holds those arriving at
# GATHER_RATE a second (about twice what one collector counts), at most GATHER_MAX seconds: a
# wake-up and a buffer write cost as much as tens of lines. A unix socket's 512 lines last
# 13 ms; UDP's 4 MB receive buffer (a few thousand lines) the whole 50.
GATHER_RATE = 40_000
GATHER_MAX = 0.05
_ESCAPED = re.compile(rb"\\x([0-9A-Fa-f]{2})")


def _unescape(field):
    """A field as nginx logged it: escape=default writes quotes, backslashes, control and
    non-ASCII bytes as \\xHH, and an empty value as "-"."""
    if field == b"-":
        return ""
    return _ESCAPED.sub(lambda match: bytes([int(match[1], 16)]), field).decode(errors="replace")


def parse_line(datagram):
    """(fields, client) of one syslog datagram from nginx, or None for anything else."""
    header, _, message = datagram.partition(b"\t")
    if not header.endswith(FORMAT):
        return None
    message = message.rstrip(b"\n")
    if b"\\x" in message:
        parts = [_unescape(part) for part in message.split(b"\t")]
    else:  # most lines: no escapes, so one decode for all the fields
        parts = [
            "" if part == "-" else part for part in message.decode(errors="replace").split("\t")
        ]
    if len(parts) != FIELDS:
        return None
    address, host, user_agent, *purposes, query = parts
    client = Client(address, user_agent, host, tuple(purposes))
    return query_fields(query), client


def _let_only_nginx_write(path):
    """Sending to a unix socket needs write permission on it: the socket is 0660, in the group
    POLICYSHARE_BEACON_SOCKET_GROUP (nginx's workers' group) when set, else the collector's
    own (the systemd unit runs it with Group=www-data), so that no other local user can send
    lines that count. The unit also makes its folder 0750 in that group."""
    group = settings.POLICYSHARE_BEACON_SOCKET_GROUP
    if group:
        try:
            shutil.chown(path, group=group)
        except (LookupError, PermissionError) as error:
            path.unlink(missing_ok=True)
            raise ImproperlyConfigured(
                f"POLICYSHARE_BEACON_SOCKET_GROUP={group}: the collector cannot give its socket "
                f"to that group ({error}); it must exist and the collector must be in it."
            ) from error
    os.chmod(path, 0o660)


class Collector:
    """Listens where nginx sends the lines: ``unix:/path`` (a unix datagram socket, made here)
    or ``127.0.0.1:PORT`` (UDP on loopback), nginx's own syntax for its syslog server."""

    def __init__(self, address):
        self.address = address
        self.path = None
        if address.startswith("unix:"):
            self.path = Path(address.removeprefix("unix:"))
            self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self.path.unlink(missing_ok=True)  # left by a collector that did not stop cleanly
            self.socket.bind(str(self.path))
            _let_only_nginx_write(self.path)
        else:
            host, _, port = address.rpartition(":")
            self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.socket.bind((host or "127.0.0.1", int(port)))
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        self.gather = GATHER_MAX
        if self.path:
            queue = int(Path("/proc/sys/net/unix/max_dgram_qlen").read_text())
            self.gather = min(queue / GATHER_RATE, GATHER_MAX)
        # Never blocks: collect() waits with poll() and then reads until the queue is empty.
        self.socket.setblocking(False)
        self.poll = select.poll()
        self.poll.register(self.socket, select.POLLIN)
        self.address_counts = AddressCounts()
        self.received = 0
        self.counted = 0

    def collect(self, timeout):
        """Wait up to ``timeout`` seconds for beacons; buffer what came. Returns how many."""
        if not self.poll.poll(timeout * 1000):
            return 0
        time.sleep(self.gather)
        return self._take()

    def drain(self):
        """Buffer every beacon still queued in the socket (a graceful stop)."""
        taken = 0
        while batch := self._take():
            taken += batch
        return taken

    def _take(self):
        # One wake-up reads everything queued, up to a batch: under load, one poll() and one
        # buffer write serve hundreds of lines.
        datagrams = []
        receive = self.socket.recv
        try:
            while len(datagrams) < BATCH:
                datagrams.append(receive(MAX_LINE))
        except BlockingIOError:
            pass
        day = timezone.localdate()
        hits = []
        for datagram in datagrams:
            parsed = parse_line(datagram)
            if parsed is None:
                logger.warning("Not a beacon line from nginx: %r", datagram[:200])
                continue
            try:
                hit = beacon_hit(*parsed, day, self.address_counts)
            except InvalidBeacon:
                continue
            if hit is not None:
                hits.append(hit)
        if hits:
            buffer_hits(hits)
        self.received += len(datagrams)
        self.counted += len(hits)
        return len(datagrams)

    def close(self):
        self.socket.close()
        if self.path:
            self.path.unlink(missing_ok=True)
