"""The pages this server process served last, kept in its memory in front of the shared cache.

Reading a page from the shared cache is most of what a hit costs: the whole entry (body and gzip
copy) is read from disk or sent by Redis over the network, and unpickled, on every request. A
process that keeps the entries it has just served answers again from memory and reads only the
generation from the shared cache. That read stays on every request, so a purge
(a new generation, generation.py) reaches every process at once, as before; an entry is also
dropped when the time it was stored for runs out, as in the shared cache.

Bounded by size, least recently served first out: a peak is a few hundred pages read over and
over, and the memory is per process.
"""

import threading
import time
from collections import OrderedDict

MAX_BYTES = 32 * 1024 * 1024


def entry_size(entry):
    return len(entry["content"]) + len(entry["gzip"] or b"")


class RecentPages:
    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def holds(self, key):
        return key in self.entries

    def get(self, key, generation):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry["generation"] != generation or entry["expires"] <= time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = entry_size(entry)
        if size > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        self.size -= entry_size(self.entries.pop(key))


recent_pages = RecentPages()
