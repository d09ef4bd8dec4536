"""The worker's search jobs (scheduled in core.jobs.PERIODIC_JOBS and queued on commit)."""

from django_tasks import task


@task()
def drain_index() -> dict:
    """Bring the search index up to date with the outbox (search.indexing.drain)."""
    from search.indexing import drain

    return drain()
