from django.core.management.base import BaseCommand

from policyshare.subscriptions.digests import send_digests


class Command(BaseCommand):
    help = (
        "Queue the e-mail digests whose period has ended (immediate, daily, weekly) for the task "
        "worker, and delete subscriptions left unconfirmed past their link's lifetime. Run it "
        "every 15 minutes (systemd timer); running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        queued, deleted = send_digests()
        self.stdout.write(f"Queued {queued} digests; deleted {deleted} unconfirmed subscriptions.")
