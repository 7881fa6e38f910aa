import time

from django.core.management.base import BaseCommand

from policyshare.caching.generation import new_generation
from policyshare.search import fulltext, indexing
from policyshare.search.documents import searchable_models


class Command(BaseCommand):
    help = (
        "Rebuild the keyword search index from every published page (also repairs a missing "
        "or corrupt full-text index). Embeddings are rebuilt by `policyshare embed`."
    )

    def handle(self, *args, verbosity=1, **options):
        started = time.perf_counter()
        try:
            fulltext.check()
        except fulltext.SearchUnavailable as problem:
            self.stdout.write(f"Repairing the full-text index ({problem}).")
            fulltext.repair()
        total = sum(model.objects.live().count() for model in searchable_models())
        done = 0

        def progress(page):
            nonlocal done
            done += 1
            if verbosity and (done % 25 == 0 or done == total):
                elapsed = time.perf_counter() - started
                width = 30
                filled = width * done // max(total, 1)
                self.stdout.write(
                    f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages "
                    f"({done / elapsed:.0f} docs/s)",
                    ending="",
                )
                self.stdout.flush()

        entries = indexing.rebuild(progress=progress)
        fulltext.settle()
        # Cached search pages, and the pages each process keeps as a filter's admitted ones,
        # were read from the old index.
        new_generation()
        elapsed = time.perf_counter() - started
        if verbosity and total:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {entries} public pages of {total} published in {elapsed:.1f} s "
                f"({total / elapsed:.0f} docs/s)."
            )
        )
