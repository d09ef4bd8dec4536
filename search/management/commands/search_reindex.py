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
        parser.add_argument("--if-missing", action="store_true",
                            help="Only when there is no index yet (scripts/start.sh on the first run).")

    def handle(self, *args, if_missing=False, **options):
        from search.engines.elastic import SearchUnavailable

        engine = get_engine()
        if engine is None:
            raise CommandError("No search engine is configured (set ELASTICSEARCH_URL).")
        if if_missing:
            try:
                existing = engine.current_index()
            except SearchUnavailable as error:
                raise CommandError(f"The search engine did not answer: {error}") from error
            if existing:
                self.stdout.write(f"Search index {existing} exists; the worker keeps it up to date.")
                return
            self.stdout.write(f"Building the search index ({engine.name})…")
        started = time.perf_counter()
        try:
            name = rebuild(engine=engine, progress=progress_printer(self.stdout, started=started))
        except SearchUnavailable as error:
            raise CommandError(f"The search engine refused or did not answer: {error}") from error
        if hasattr(self.stdout, "isatty") and self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(
            f"Readers now use {name} ({engine.count()} documents, {time.perf_counter() - started:.1f} s)."
        ))
