"""Where hits wait for the flush: Redis when the site has one (several app servers), otherwise a
spool file that every process of the machine appends to (the embedded mode).

Both hand the flush whole batches that are set aside atomically before they are read (RENAME of
the pending hash, rename() of the spool file), so that hits arriving during a flush go into the
next batch, and a batch is deleted only after its counts are committed together with its id
(models.FlushedBatch): a flush that dies at any point and runs again neither loses nor doubles a
count.

What a crash can lose: nothing when an app server dies (nothing is held in a process). Redis
keeps hits in memory: if Redis itself dies, the hits since the last flush (at most one timer
interval, a minute) are lost unless Redis persists them (appendonly). A Redis that evicts keys
under memory pressure (maxmemory with allkeys-lru, as the page cache suggests) may also evict a
day's unique-visitor HyperLogLog, which then undercounts; POLICYSHARE_ANALYTICS_REDIS_URL can
name a database or instance of its own with noeviction. The spool file is written per hit; a
machine that loses power can lose what the operating system had not yet written.
"""

import contextlib
import datetime
import fcntl
import os
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache as memoize
from pathlib import Path

import redis
from django.conf import settings
from django.utils import timezone

from . import limits
from .hits import CountKey

UNIQUES_TTL = 2 * 24 * 3600


@dataclass
class Batch:
    batch_id: str
    views: Counter = field(default_factory=Counter)  # CountKey -> hits
    new_uniques: Counter = field(default_factory=Counter)  # CountKey -> visitors not seen before
    total_uniques: dict = field(default_factory=dict)  # CountKey -> visitors of the day so far
    referrers: Counter = field(default_factory=Counter)  # (date, domain) -> hits

    def __len__(self):
        return sum(self.views.values())


class RedisBuffer:
    """Counters in one Redis hash (HINCRBY); each item's visitors of the day in a HyperLogLog
    (PFADD), so that unique visitors take a few kilobytes per item whatever their number. With
    the per-visitor cap on (limits.py), each visitor's hits per item of the day are counted in a
    hash of the day too, which grows with visitors times items and expires with the HyperLogLogs.
    One script does it all in one round trip, so that concurrent hits cannot pass the cap."""

    prefix = "policyshare:analytics:"
    # KEYS: pending, uniques, the day's per-visitor counts; ARGV: counter field, referrer field
    # ("" for none), visitor, cap (0: none), time to live of the day's keys.
    RECORD = """
        local cap = tonumber(ARGV[4])
        if cap > 0 then
            local counted = redis.call('HINCRBY', KEYS[3], ARGV[3] .. '|' .. ARGV[1], 1)
            redis.call('EXPIRE', KEYS[3], ARGV[5])
            if counted > cap then return 0 end
        end
        redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
        if ARGV[2] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[2], 1) end
        redis.call('PFADD', KEYS[2], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[5])
        return 1
    """

    def __init__(self, url):
        self.redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.pending = self.prefix + "pending"
        self._record = self.redis.register_script(self.RECORD)

    def _uniques_key(self, key):
        return f"{self.prefix}uniques:{key.encode()}"

    def record_many(self, hits):
        """One round trip for all the hits (the collector hands over a batch at a time)."""
        cap = limits.visitor_cap()
        pipe = self.redis.pipeline(transaction=False)
        for hit in hits:
            referrer = f"ref|{hit.key.date}|{hit.referrer_domain}" if hit.referrer_domain else ""
            self._record(
                keys=[
                    self.pending,
                    self._uniques_key(hit.key),
                    f"{self.prefix}visits:{hit.key.date}",
                ],
                args=[hit.key.encode(), referrer, hit.visitor, cap, UNIQUES_TTL],
                client=pipe,
            )
        pipe.execute()

    def batches(self):
        """Set the pending counters aside under a batch key, then yield every batch not yet
        finished (also those a crashed flush left behind)."""
        with contextlib.suppress(redis.ResponseError):  # nothing pending
            self.redis.rename(self.pending, f"{self.prefix}batch:{uuid.uuid4().hex}")
        for name in self.redis.scan_iter(f"{self.prefix}batch:*"):
            name = name.decode()
            batch = Batch(batch_id=name.rsplit(":", 1)[1])
            for raw_field, raw_count in self.redis.hgetall(name).items():
                text, count = raw_field.decode(), int(raw_count)
                if text.startswith("ref|"):
                    _ref, date, domain = text.split("|", 2)
                    batch.referrers[date, domain] += count
                else:
                    batch.views[CountKey.decode(text)] += count
            keys = list(batch.views)
            pipe = self.redis.pipeline(transaction=False)
            for key in keys:
                pipe.pfcount(self._uniques_key(key))
            batch.total_uniques = dict(zip(keys, pipe.execute(), strict=True))
            yield batch, lambda name=name: self.redis.delete(name)


class SpoolBuffer:
    """Hits appended as lines to ``current.spool``. A writer holds a shared lock while it appends
    and checks that the file it opened is still the current one; the flush renames the file,
    then takes the exclusive lock, so it reads only once every write to it has finished.

    Unique visitors and the per-visitor cap (limits.py): the flush keeps a line per counted hit,
    (item, visitor hash), in ``seen-DATE`` beside the spool, deleted once the day is over; a hit
    whose visitor has had the cap of that item counted that day is dropped there."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.current = self.directory / "current.spool"
        self._ready = False

    def record_many(self, hits):
        """Append the hits' lines in one write, so that another process's lines never fall
        between them."""
        if not hits:
            return
        if not self._ready:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._ready = True
        lines = "".join(
            "\t".join([hit.key.encode(), hit.visitor, hit.referrer_domain]) + "\n" for hit in hits
        )
        while True:
            fd = os.open(self.current, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_SH)
                try:
                    still_current = os.fstat(fd).st_ino == os.stat(self.current).st_ino
                except FileNotFoundError:
                    still_current = False
                if still_current:
                    os.write(fd, lines.encode())
                    return
            finally:
                os.close(fd)

    def batches(self):
        if not self.directory.exists():
            return
        if self.current.exists():
            self.current.rename(self.directory / f"batch-{uuid.uuid4().hex}.spool")
        seen = _SeenVisitors(self.directory)
        cap = limits.visitor_cap()
        for path in sorted(self.directory.glob("batch-*.spool")):
            with path.open("rb") as spool:
                fcntl.flock(spool, fcntl.LOCK_EX)  # wait for writes still in progress
                lines = spool.read().decode().splitlines()
            batch = Batch(batch_id=path.stem.removeprefix("batch-"))
            for line in lines:
                encoded, visitor, domain = line.split("\t")
                key = CountKey.decode(encoded)
                counted_before = seen.count(key, visitor, cap)
                if counted_before is None:
                    continue
                batch.views[key] += 1
                if domain:
                    batch.referrers[key.date, domain] += 1
                if counted_before == 0:
                    batch.new_uniques[key] += 1

            def finish(path=path):
                seen.save()
                path.unlink()

            yield batch, finish
        seen.forget_past_days()


class _SeenVisitors:
    def __init__(self, directory):
        self.directory = directory
        self.days = {}
        self.new = defaultdict(list)

    def _day(self, date):
        if date not in self.days:
            path = self.directory / f"seen-{date}"
            self.days[date] = Counter(path.read_text().splitlines() if path.exists() else ())
        return self.days[date]

    def count(self, key, visitor, cap):
        """Count a hit of this visitor on this item: how many were counted before it today, or
        None when the cap (0: none) had been reached and this one is not counted."""
        token = f"{key.encode()}|{visitor}"
        day = self._day(key.date)
        before = day[token]
        if cap and before >= cap:
            return None
        day[token] += 1
        self.new[key.date].append(token)
        return before

    def save(self):
        for date, tokens in self.new.items():
            with (self.directory / f"seen-{date}").open("a") as seen_file:
                seen_file.write("".join(f"{token}\n" for token in tokens))
        self.new.clear()

    def forget_past_days(self):
        # Yesterday's stays for hits of yesterday that are flushed after midnight.
        yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
        for path in self.directory.glob("seen-*"):
            if path.name.removeprefix("seen-") < yesterday:
                path.unlink(missing_ok=True)


@memoize
def _buffer(redis_url, spool_dir):
    return RedisBuffer(redis_url) if redis_url else SpoolBuffer(spool_dir)


def get_buffer():
    return _buffer(
        settings.POLICYSHARE_ANALYTICS_REDIS_URL, str(settings.POLICYSHARE_ANALYTICS_SPOOL_DIR)
    )
