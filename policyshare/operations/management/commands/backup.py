import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policyshare.operations.archive import write_backup
from policyshare.operations.snapshots import SnapshotError


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database and the uploaded files into one archive, "
        "while the site goes on serving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="the archive to write (default: backups/policyshare-<time>.tar.gz under "
            "POLICYSHARE_VAR_DIR)",
        )

    def handle(self, *args, output, **options):
        if output is None:
            moment = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            output = settings.VAR_DIR / "backups" / f"policyshare-{moment}.tar.gz"
        try:
            manifest = write_backup(output)
        except SnapshotError as error:
            raise CommandError(str(error)) from error
        media = sum(name.startswith("media/") for name in manifest["files"])
        self.stdout.write(
            f"Backup written to {output}: the {manifest['database']} database and {media} "
            "uploaded files."
        )
