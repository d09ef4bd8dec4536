"""Site-wide background jobs (the schedule is in core.jobs)."""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled() -> str:
    """Publish pages whose go-live time has come and unpublish expired ones (Wagtail's own command).

    Idempotent: a page already published or unpublished is not touched again.
    """
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()[-500:]
