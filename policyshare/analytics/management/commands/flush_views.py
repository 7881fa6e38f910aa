import signal
import threading

from django.core.management.base import BaseCommand

from policyshare.analytics.flush import flush_views


class Command(BaseCommand):
    help = (
        "Move the buffered page views, video plays and downloads into the database. Run every "
        "minute (deploy/systemd/policyshare-flush-views.timer), or with --every to keep running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="Flush again every SECONDS until stopped (SIGTERM or Ctrl+C); a last flush "
            "runs on the way out.",
        )

    def handle(self, *args, every=None, **options):
        if every is None:
            self._flush(options["verbosity"])
            return
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopping.set())
        try:
            while not stopping.is_set():
                self._flush(options["verbosity"])
                stopping.wait(every)
        except KeyboardInterrupt:
            pass
        self._flush(options["verbosity"])

    def _flush(self, verbosity):
        written = flush_views()
        if verbosity > 1 or (verbosity and written):
            self.stdout.write(f"{written} hits flushed")
