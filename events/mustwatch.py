"""The recording of a compulsory event as a must-read for those in its audience who did not attend.

News' must-read is tied to articles (its acknowledgements point at an article
and a round, its banner query is the news feed's SQL), so events reuse what
fits and keep the rest small: the audience rule is news' (events.audience),
the reminder goes out as a ``reminder`` notification through
``realtime.actions.notify`` (idempotent by key, as news' reminders), and an
acknowledgement is a :class:`events.models.RecordingAcknowledgement` row.
Who must watch: everyone in the audience whose registration is not marked
attended, once the event is over and its recording is on the page.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from events import audience
from events.models import EventPage, RecordingAcknowledgement, Registration


def applies(event: EventPage, *, now=None) -> bool:
    now = now or timezone.now()
    return bool(event.compulsory and event.recording_url and event.series_end and event.series_end < now)


def is_pending(*, user, event: EventPage) -> bool:
    if not user.is_authenticated or not applies(event):
        return False
    if not audience.is_in_audience(user=user, event=event):
        return False
    attended = Registration.objects.filter(event=event, user=user, attended=True).exists()
    if attended:
        return False
    return not RecordingAcknowledgement.objects.filter(event=event, user=user).exists()


def acknowledge(*, user, event: EventPage) -> RecordingAcknowledgement:
    acknowledgement, _created = RecordingAcknowledgement.objects.get_or_create(event=event, user=user)
    return acknowledgement


def pending_user_ids(*, event: EventPage) -> list[int]:
    """Everyone who still has to watch the recording: one query."""
    if not applies(event):
        return []
    return list(
        audience.audience_people(event=event)
        .exclude(Exists(Registration.objects.filter(event=event, user_id=OuterRef("user_id"), attended=True)))
        .exclude(Exists(RecordingAcknowledgement.objects.filter(event=event, user_id=OuterRef("user_id"))))
        .values_list("user_id", flat=True)
    )


def pending_for(*, user, limit: int = 3) -> list[EventPage]:
    """The compulsory recordings the person still has to watch (for "My events")."""
    if not user.is_authenticated:
        return []
    now = timezone.now()
    reader = audience.reader_for(user=user)
    return list(
        EventPage.objects.live()
        .filter(compulsory=True, series_end__lt=now)
        .exclude(recording_url="")
        .filter(audience.targeted_to(reader))
        .exclude(Exists(Registration.objects.filter(event=OuterRef("pk"), user=user, attended=True)))
        .exclude(Exists(RecordingAcknowledgement.objects.filter(event=OuterRef("pk"), user=user)))
        .only("id", "title", "url_path", "translation_key", "locale_id")[:limit]
    )
