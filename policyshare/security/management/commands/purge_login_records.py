import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from policyshare.security.audit import LOCKED_OUT


class Command(BaseCommand):
    help = (
        "Deletes failed sign-in records older than POLICYSHARE_LOGIN_RECORD_DAYS and removes the "
        "addresses from lockout entries of the audit log as old. Run it daily."
    )

    def handle(self, *args, **options):
        limit = timezone.now() - datetime.timedelta(days=settings.POLICYSHARE_LOGIN_RECORD_DAYS)
        with transaction.atomic():
            deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=limit).delete()
            entries = ModelLogEntry.objects.filter(action=LOCKED_OUT, timestamp__lt=limit)
            cleared = 0
            for entry in entries.exclude(data__ip_address=""):
                entry.data["ip_address"] = ""
                entry.save(update_fields=["data"])
                cleared += 1
        self.stdout.write(
            f"Deleted {deleted} failed sign-in records and removed the address from "
            f"{cleared} lockout entries older than {settings.POLICYSHARE_LOGIN_RECORD_DAYS} days."
        )
