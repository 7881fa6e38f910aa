import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policyshare.analytics.collector import Collector


class Command(BaseCommand):
    help = (
        "Count the view and play beacons nginx answers and sends to POLICYSHARE_BEACON_SOCKET "
        "(deploy/nginx/policyshare.conf), with the app's rules, into the view-count buffer that "
        "flush-views empties. Runs until stopped (SIGTERM or Ctrl+C); what is queued in the "
        "socket is counted on the way out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--socket",
            default=None,
            help="unix:/path or 127.0.0.1:PORT, as nginx's syslog server= names it (default: "
            "POLICYSHARE_BEACON_SOCKET)",
        )

    def handle(self, *args, socket=None, **options):
        path = socket or settings.POLICYSHARE_BEACON_SOCKET
        if not path:
            raise CommandError(
                "Set POLICYSHARE_BEACON_SOCKET (or --socket): unix:/path or HOST:PORT."
            )
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopping.set())
        collector = Collector(path)
        if options["verbosity"]:
            self.stdout.write(f"Collecting beacons on {path}", ending="\n")
            self.stdout.flush()
        try:
            while not stopping.is_set():
                collector.collect(timeout=0.5)
        except KeyboardInterrupt:
            pass
        finally:
            collector.drain()
            collector.close()
        if options["verbosity"]:
            self.stdout.write(f"{collector.received} beacons received, {collector.counted} counted")
