from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policyshare.analytics.collector import Collector
from policyshare.analytics.management.stopping import repeat_until_stopped


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
            dest="listen_on",
            default=None,
            help="unix:/path or 127.0.0.1:PORT, as nginx's syslog server= names it (default: "
            "POLICYSHARE_BEACON_SOCKET)",
        )

    def handle(self, *args, listen_on=None, **options):
        listen_on = listen_on or settings.POLICYSHARE_BEACON_SOCKET
        if not listen_on:
            raise CommandError(
                "Set POLICYSHARE_BEACON_SOCKET (or --socket): unix:/path or HOST:PORT."
            )
        collector = Collector(listen_on)
        if options["verbosity"]:
            self.stdout.write(f"Collecting beacons on {listen_on}", ending="\n")
            self.stdout.flush()
        try:
            repeat_until_stopped(lambda: collector.collect(timeout=0.5))
        finally:
            collector.drain()
            collector.close()
        if options["verbosity"]:
            self.stdout.write(f"{collector.received} beacons received, {collector.counted} counted")
