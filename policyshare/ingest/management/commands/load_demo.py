import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from policyshare.ingest.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo content (policies, news, publications, videos, partners, training, "
        "events, cities) in Korean and English, creating only what is missing. "
        "Set POLICYSHARE_DEMO=0 to skip."
    )

    def handle(self, *args, **options):
        if os.environ.get("POLICYSHARE_DEMO", "1").strip().lower() in {"0", "false", "no", "off"}:
            self.stdout.write("Demo content skipped (POLICYSHARE_DEMO=0).")
            return
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            # The home pages the demo fills are made by migrate (core.site_setup).
            raise CommandError("The database is not up to date: run `policyshare migrate` first.")
        created = load_demo()
        if not created:
            self.stdout.write("Demo content already loaded: nothing to create.")
            return
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: created {summary}."))
