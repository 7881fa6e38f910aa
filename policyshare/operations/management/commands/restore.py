from django.core.management.base import BaseCommand, CommandError

from policyshare.operations.archive import BackupError, restore_backup, verified_backup
from policyshare.operations.snapshots import SnapshotError, vendor


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with a backup made by `policyshare backup`. "
        "The whole archive is checked first; if anything is wrong, nothing is changed. A backup "
        "of SQLite restores into PostgreSQL and the other way round."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a .tar.gz written by `policyshare backup`")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive, interactive, **options):
        try:
            with verified_backup(archive) as backup:
                self.stdout.write(
                    f"{archive}: a backup of {backup.manifest['created']} ({backup.database}, "
                    f"{len(backup.media)} uploaded files); restoring into {vendor()}."
                )
                if interactive:
                    answer = input("This replaces the current content. Type 'yes' to go on: ")
                    if answer.strip().lower() != "yes":
                        raise CommandError("Restore cancelled; nothing was changed.")
                restore_backup(backup)
        except (BackupError, SnapshotError) as error:
            raise CommandError(f"{error}") from error
        self.stdout.write("Restored.")
