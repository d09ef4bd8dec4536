"""The background worker against the real database queue: scheduled publishing, retries, periodic jobs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import jobs
from core.models import PeriodicJob, WorkerHeartbeat
from news.models import NewsArticlePage
from realtime.models import Notification

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ATTEMPTS = {"count": 0}


@task()
def flaky_job(marker: str) -> str:
    """Fails on its first run, succeeds after: stands in for a passing SMTP or search outage."""
    ATTEMPTS["count"] += 1
    if ATTEMPTS["count"] == 1:
        raise ConnectionError("service down")
    return marker


@pytest.fixture
def database_queue(settings):
    """The production queue (django-tasks-db) instead of the tests' immediate backend.
    django-tasks resets its backends when the setting changes."""
    settings.TASKS = DATABASE_QUEUE


@task()
def hurried_job() -> None:
    """A periodic job with a ``sooner`` check (core.jobs.Periodic)."""


SOONER = {"asks": False}


def asks() -> bool:
    return SOONER["asks"]


def fails() -> bool:
    raise RuntimeError("the check itself is broken")


@pytest.fixture(autouse=True)
def _sooner_says_no():
    SOONER["asks"] = False


@task()
def broken_job() -> None:
    raise ValueError("a bug, not a passing fault")


def flaky_results():
    return DBTaskResult.objects.filter(task_path=f"{__name__}.flaky_job")


def run_worker():
    call_command("run_worker", "--batch", "--interval", "0")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
class TestWorker:
    def test_scheduled_article_is_published_and_announced_by_the_worker(self, database_queue, org):
        from news.models import NewsIndexPage

        index = NewsIndexPage.objects.get(locale__language_code="fi")
        article = NewsArticlePage(
            title="Ajastettu tiedote", slug="ajastettu", lead="Tulee pian.", publisher=org.keha, live=False
        )
        index.add_child(instance=article)
        article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision = article.save_revision()
        revision.publish()  # with a future go-live time: scheduled, not live
        article.refresh_from_db()
        assert not article.live
        # The hour has passed (moved back rather than waited for):
        past = timezone.now() - datetime.timedelta(seconds=5)
        revision.refresh_from_db()
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
        PeriodicJob.objects.all().delete()

        run_worker()  # tick: enqueue publish_scheduled and run it: the article goes live
        article.refresh_from_db()
        assert article.live
        # With Redis the announcement is a job of its own (queued when the publishing
        # committed); without, it ran in the publishing process (news.tasks).
        run_worker()
        assert set(Notification.objects.values_list("recipient__username", flat=True)) == {
            person.user.username for person in org.people.values()
        }
        statuses = set(DBTaskResult.objects.values_list("status", flat=True))
        assert statuses == {TaskResultStatus.SUCCESSFUL}

    def test_failed_job_is_retried_and_then_succeeds(self, database_queue):
        ATTEMPTS["count"] = 0
        flaky_job.enqueue("ok")
        run_worker()
        result = flaky_results().get()
        assert result.status == TaskResultStatus.FAILED
        later = timezone.now() + datetime.timedelta(minutes=1)
        assert jobs.requeue_failed_and_orphaned(now=later - datetime.timedelta(minutes=1)) == 1
        flaky_results().update(run_after=timezone.now())  # skip the back-off wait
        run_worker()
        result.refresh_from_db()
        assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == "ok"
        assert len(result.worker_ids) == 2

    def test_gives_up_after_max_attempts(self, database_queue):
        broken_job.enqueue()
        broken = DBTaskResult.objects.filter(task_path=f"{__name__}.broken_job")
        broken.update(worker_ids=["a", "b"])  # two runs already
        run_worker()
        assert broken.get().status == TaskResultStatus.FAILED
        assert jobs.requeue_failed_and_orphaned() == 0

    def test_orphaned_running_job_of_a_dead_worker_is_requeued_within_a_minute(self, database_queue):
        """Before, a job stayed "running" for 15 minutes after its worker died (STALE_AFTER)."""
        ATTEMPTS["count"] = 5
        flaky_job.enqueue("orphan")
        started = timezone.now() - datetime.timedelta(seconds=50)
        flaky_results().update(
            status=TaskResultStatus.RUNNING, started_at=started, worker_ids=["dead-worker"]
        )
        jobs.beat(worker_id="dead-worker", task_id=str(flaky_results().get().pk))
        WorkerHeartbeat.objects.filter(worker_id="dead-worker").update(beat_at=started)  # silent since
        assert jobs.requeue_failed_and_orphaned() == 1
        run_worker()
        assert flaky_results().get().status == TaskResultStatus.SUCCESSFUL

    def test_running_job_of_a_live_worker_is_left_alone(self, database_queue):
        flaky_job.enqueue("long")
        job = flaky_results().get()
        old = timezone.now() - datetime.timedelta(hours=1)  # a long job: still its worker's
        flaky_results().update(status=TaskResultStatus.RUNNING, started_at=old, worker_ids=["busy-worker"])
        jobs.beat(worker_id="busy-worker", task_id=str(job.pk))
        assert jobs.requeue_orphaned() == 0
        # The worker moved on (it lost the database while recording the result): the job is an orphan.
        jobs.beat(worker_id="busy-worker", task_id="")
        assert jobs.requeue_orphaned() == 1

    def test_a_periodic_job_is_enqueued_sooner_when_its_check_asks(self, database_queue, monkeypatch):
        here = "tests.intranet.test_worker"
        monkeypatch.setattr(
            jobs,
            "PERIODIC_JOBS",
            [
                jobs.Periodic(
                    "hurry", f"{here}.hurried_job", datetime.timedelta(hours=1), sooner=f"{here}.asks"
                ),
                jobs.Periodic(
                    "broken", f"{here}.hurried_job", datetime.timedelta(hours=1), sooner=f"{here}.fails"
                ),
            ],
        )
        now = timezone.now()
        assert jobs.enqueue_due(now=now) == ["hurry", "broken"]
        assert jobs.enqueue_due(now=now + datetime.timedelta(seconds=10)) == []  # its check says no
        SOONER["asks"] = True
        # The check says yes: at once, not after the hour; a check that fails is a no.
        assert jobs.enqueue_due(now=now + datetime.timedelta(seconds=10)) == ["hurry"]
        assert jobs.enqueue_due(now=now + datetime.timedelta(seconds=12)) == []  # at most every SOONER_GAP
        assert jobs.enqueue_due(now=now + datetime.timedelta(seconds=16)) == ["hurry"]
        assert DBTaskResult.objects.filter(task_path=f"{here}.hurried_job").count() == 4

    def test_worker_heartbeat_is_recorded_and_removed(self, database_queue):
        assert jobs.last_heartbeat() is None
        before = timezone.now()
        jobs.beat(worker_id="w1")
        assert jobs.last_heartbeat() >= before
        jobs.retire(worker_id="w1")
        assert jobs.last_heartbeat() is None
        run_worker()  # a batch run beats while it works and leaves no row behind
        assert not WorkerHeartbeat.objects.exists()

    def test_periodic_jobs_are_enqueued_once_per_interval_by_one_worker(self, database_queue):
        now = timezone.now()
        # Every app's periodic jobs (core.jobs.PERIODIC_JOBS, events adds its own in its ready()).
        names = [job.name for job in jobs.PERIODIC_JOBS]
        assert {
            "publish_scheduled",
            "must_read_reminders",
            "instruction_review_reminders",
            "search_drain",
        } <= set(names)
        assert jobs.enqueue_due(now=now) == names
        assert jobs.enqueue_due(now=now) == []  # another worker in the same minute: nothing
        every_minute = [job.name for job in jobs.PERIODIC_JOBS if job.every <= datetime.timedelta(seconds=61)]
        assert "publish_scheduled" in every_minute and "privacy_daily" not in every_minute
        assert jobs.enqueue_due(now=now + datetime.timedelta(seconds=61)) == every_minute
        assert DBTaskResult.objects.filter(task_path="core.tasks.publish_scheduled").count() == 2
