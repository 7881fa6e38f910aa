from django.core.management.base import BaseCommand

from policyshare.semantic import approximate


class Command(BaseCommand):
    help = (
        "Bring the approximate vector index file of semantic search in step with the stored "
        "vectors (large sites only; the worker does this after publishing). Run it on each app "
        "machine that does not share the worker's file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="rebuild even if the file is nearly up to date"
        )

    def handle(self, *args, force, **options):
        outcome = approximate.refresh(force=force)
        self.stdout.write(f"{approximate.index_path()}: {outcome}.")
