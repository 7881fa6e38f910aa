import sys

from django.core.management.base import BaseCommand

from policyshare.semantic import approximate
from policyshare.semantic.bulk import embed_all
from policyshare.semantic.embedder import BATCH_SIZE


class Command(BaseCommand):
    help = (
        "Embed the passages of every public page for semantic search; text embedded before "
        "comes from the cache. Shows progress and reports throughput (passages/s). On a large "
        "site, then rebuilds the approximate vector index file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, default=2, help="processes running the model (default 2)"
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="passages per model call"
        )

    def handle(self, *args, workers, batch_size, **options):
        interactive = sys.stdout.isatty()

        def progress(done, total):
            if not total:
                return
            line = f"Embedding passages: {done}/{total} ({100 * done // total}%)"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            elif done == total or done % (batch_size * 10) < batch_size:
                self.stdout.write(line)

        report = embed_all(
            workers=max(1, workers), batch_size=max(1, batch_size), progress=progress
        )
        if interactive and report.embedded:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.pages} pages, {report.passages} passages: {report.embedded} embedded "
                f"({report.passages_per_second:.1f} passages/s), {report.cached} from the cache, "
                f"{report.removed} pages removed; {report.seconds:.1f} s."
            )
        )
        outcome = approximate.refresh(force=True)
        if outcome == "built":
            self.stdout.write(f"Approximate vector index written to {approximate.index_path()}.")
