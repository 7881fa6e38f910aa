from django.core.management.base import BaseCommand, CommandError

from policyshare.ingest.archive.exporter import export_archive
from policyshare.ingest.archive.keys import ArchiveError


class Command(BaseCommand):
    help = (
        "Write all public content (pages of every type in every language, sectors, partners, "
        "and the images and documents they use) into a zip archive that `policyshare import` "
        "reads back into an empty or an existing site."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .zip file to write")

    def handle(self, *args, archive, **options):
        try:
            counts = export_archive(archive)
        except (ArchiveError, OSError) as error:
            raise CommandError(f"Nothing was exported: {error}") from None
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Exported to {archive}: {summary}."))
