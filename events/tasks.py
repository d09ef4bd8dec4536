"""Background jobs of the events app (run by the worker, core.jobs); each is idempotent (events.notices)."""

from django.db import transaction
from django_tasks import task

NOTICE_PRIORITY = 50


@task(priority=NOTICE_PRIORITY)
def send_registration_notice(registration_id: int, kind: str) -> bool:
    from events import notices

    return notices.send_registration_notice(registration_id=registration_id, kind=kind)


@task(priority=NOTICE_PRIORITY)
def send_update_notices(event_id: int) -> int:
    from events import notices

    return notices.send_update_notices(event_id=event_id)


@task()
def send_reminders() -> int:
    from events import notices

    return notices.send_reminders()


@task()
def delete_old_answers() -> int:
    from events import notices

    return notices.delete_old_answers()


@task()
def publish_live_states() -> int:
    """Every minute: events that became joinable (10 minutes before) or ended since the last run."""
    from events import actions

    return actions.publish_live_states()


@task()
def announce_recording(event_id: int) -> int:
    from events import actions

    return actions.recording_published(event_id=event_id)


def on_page_published(sender, instance, **kwargs):
    """page_published receiver: registrants hear of changes; a larger capacity promotes; recordings notify."""
    from events import registration
    from events.models import EventPage

    if not isinstance(instance, EventPage):
        return
    from events import actions

    event = registration.original_of(instance)
    event_id = event.pk
    transaction.on_commit(lambda: send_update_notices.enqueue(event_id))
    if getattr(instance, "schedule_changed", False):
        actions.publish_change(event_id=event_id)
    if event.registration_enabled:
        registration.promote(event=event)
    if event.compulsory and event.recording_url:
        transaction.on_commit(lambda: announce_recording.enqueue(event_id))
