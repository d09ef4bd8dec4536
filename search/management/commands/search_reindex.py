"""Build a new versioned index from the database and switch the alias to it atomically."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.engines import get_engine
from search.reindex import rebuild

BAR_WIDTH = 40


def progress_printer(stream, *, started: float):
    interactive = hasattr(stream, "isatty") and stream.isatty()

    def show(done: int, total: int) -> None:
        total = max(total, done, 1)
        filled = int(BAR_WIDTH * done / total)
        rate = done / max(time.perf_counter() - started, 1e-6)
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} ({100 * done // total} %, {rate:.0f}/s)"
        stream.write(("\r" + line) if interactive else line + "\n")
        stream.flush()

    return show


class Command(BaseCommand):
    help = "Rebuild the search index from the database (new versioned index, then an atomic alias swap)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only build when the index is missing or empty (scripts/start.sh); never fail the start-up.",
        )

    def handle(self, *args, if_empty=False, **options):
        from search.engines.base import SearchUnavailable

        engine = get_engine()
        if engine is None:
            if if_empty:
                self.stdout.write("Search answers from the database (no search engine configured).")
                return
            raise CommandError("No search engine is configured (set ELASTICSEARCH_URL).")
        if if_empty:
            try:
                engine.ensure_index()
                if engine.count():
                    self.stdout.write(f"Search index ready ({engine.count()} documents).")
                    return
            except SearchUnavailable as error:
                self.stderr.write(
                    f"Search engine not reachable ({error}); /haku/ answers from the database "
                    "until it is, and the worker catches up."
                )
                return
        started = time.perf_counter()
        try:
            name = rebuild(engine=engine, progress=progress_printer(self.stdout, started=started))
        except SearchUnavailable as error:
            raise CommandError(f"The search engine refused or did not answer: {error}") from error
        if hasattr(self.stdout, "isatty") and self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Readers now use {name} ({engine.count()} documents, {time.perf_counter() - started:.1f} s)."
            )
        )
