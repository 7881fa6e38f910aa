from django.core.management.base import BaseCommand

from policyshare.analytics.flush import flush_views
from policyshare.analytics.management.stopping import repeat_until_stopped


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
        verbosity = options["verbosity"]
        if every is not None:
            repeat_until_stopped(lambda: self._flush(verbosity), pause=every)
        self._flush(verbosity)

    def _flush(self, verbosity):
        written = flush_views()
        if verbosity > 1 or (verbosity and written):
            self.stdout.write(f"{written} hits flushed")
