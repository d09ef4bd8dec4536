"""Compare the index with the database: counts per type, what is missing or extra, the outbox backlog."""

from django.core.management.base import BaseCommand, CommandError

from search.engines import get_engine
from search.reindex import status

SHOW = 20  # keys listed per problem; the rest are counted


class Command(BaseCommand):
    help = "Compare search index counts with the database and list documents that are missing or extra."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Exit with status 1 when index and database differ."
        )

    def handle(self, *args, check=False, **options):
        from search.engines.base import SearchUnavailable

        engine = get_engine()
        if engine is None:
            raise CommandError("No search engine is configured (set ELASTICSEARCH_URL).")
        try:
            report = status(engine=engine)
        except SearchUnavailable as error:
            raise CommandError(f"The search engine did not answer: {error}") from error
        self.stdout.write(f"{'type':<12} {'database':>9} {'index':>9} {'missing':>8} {'extra':>6}")
        for row in report["rows"]:
            self.stdout.write(
                f"{row['type']:<12} {row['database']:>9} {row['index']:>9} "
                f"{len(row['missing']):>8} {len(row['extra']):>6}"
            )
        for label, keys in (
            ("Missing from the index", report["missing"]),
            ("In the index but not in the database", report["extra"]),
        ):
            if keys:
                more = f" … and {len(keys) - SHOW} more" if len(keys) > SHOW else ""
                self.stdout.write(f"{label}: {', '.join(keys[:SHOW])}{more}")
        self.stdout.write(
            f"Outbox: {report['outbox']} change(s) waiting"
            + (
                f", oldest from {report['outbox_oldest']:%Y-%m-%d %H:%M:%S}"
                if report["outbox_oldest"]
                else ""
            )
        )
        if report["outbox_error"]:
            self.stdout.write(f"Last error: {report['outbox_error'][:300]}")
        if report["in_step"]:
            self.stdout.write(self.style.SUCCESS("Index and database are in step."))
        else:
            self.stdout.write(
                self.style.WARNING("Index and database differ: wait for the worker or run search_reindex.")
            )
            if check:
                raise SystemExit(1)
