"""The embedded mode's shared cache: diskcache's Django backend, kept open between requests."""

from diskcache import DjangoCache


class DiskCache(DjangoCache):
    """Django closes every cache at the end of each request (``request_finished``), which suits a
    network client; diskcache's author advises opening its SQLite files as seldom as possible
    (every operation is atomic). Reopening them on each request cost a page-cache hit through
    Django's handler 1.1 ms of CPU, against 0.16 ms with Django's file cache
    (``bench/load/hit_cost.py``). The connections stay open for the process's life, one per
    thread and shard; diskcache opens new ones in a forked process."""

    def close(self, **kwargs):
        pass
