from django.conf import settings
from django.core.management.base import BaseCommand

from policyshare.inquiries.personal_data import anonymise_expired


class Command(BaseCommand):
    help = (
        "Remove the inquirer's personal data from inquiries closed more than "
        "POLICYSHARE_INQUIRY_RETENTION_DAYS ago. Run it daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        count = anonymise_expired()
        self.stdout.write(
            f"Anonymised {count} inquiries closed more than "
            f"{settings.POLICYSHARE_INQUIRY_RETENTION_DAYS} days ago."
        )
