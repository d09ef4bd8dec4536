"""The strategy's background jobs (run by the worker; all idempotent)."""

from django_tasks import task


@task()
def notify_supporters(proposal_id: int, event: str) -> int:
    from strategy import notifications

    return notifications.proposal_followers(proposal_id=proposal_id, event=event)


@task()
def notify_thread(comment_id: int, event: str) -> int:
    from strategy import notifications

    return notifications.thread_followers(comment_id=comment_id, event=event)


@task()
def refresh_opinion_maps() -> int:
    """Recompute the opinion map of every open statement round, and of a closed one whose votes changed
    (a person's named votes erased), periodic (core.jobs)."""
    from django.utils import timezone

    from strategy import opinion
    from strategy.models import Round

    now = timezone.now()
    rounds = list(
        Round.objects.filter(statements=True, opens_at__lte=now, closes_at__gt=now - opinion_grace())
    )
    rounds += opinion.changed_closed_rounds(now=now - opinion_grace())
    for round in rounds:
        opinion.refresh(round=round)
    return len(rounds)


def opinion_grace():
    import datetime

    return datetime.timedelta(hours=1)


@task()
def mix_anonymous_answers() -> int:
    from strategy import voting

    return voting.mix_anonymous_answers()


@task()
def send_participation_reminders() -> int:
    from strategy import notifications

    return notifications.participation_reminders()


@task()
def send_action_review_reminders() -> int:
    from strategy import steering

    return steering.send_review_reminders()


@task()
def build_round_export(export_id: int) -> str:
    from strategy import exports

    done = exports.build(export_id=export_id)
    return f"strategy export {export_id}: {done.status if done else 'gone'}"


@task()
def expire_round_exports() -> int:
    """Remove the files of facilitation exports whose link has expired (periodic, core.jobs)."""
    from core import downloads
    from strategy.models import RoundExport

    return downloads.expire(RoundExport)
