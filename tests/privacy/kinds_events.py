"""Builders (tests/privacy/kinds.py) for the events app's personal data: registrations, recording
acknowledgements and calendar-feed tokens. They use the demo data's live event pages."""

from __future__ import annotations

from django.utils import timezone

from tests.privacy.kinds import _pair_rows, builder


def _event():
    from events.models import EventPage

    return EventPage.objects.live().order_by("pk").first()


@builder("events.Registration")
def _registration(me, other):
    from events.models import Registration

    event = _event()
    return _pair_rows(
        lambda user, n: Registration.objects.update_or_create(
            event=event,
            user=user,
            defaults={
                "status": Registration.Status.CONFIRMED,
                "registered_at": timezone.now(),
                "answers": {"diet": f"answer {n}"},
            },
        )[0],
        me,
        other,
    )


@builder("events.RecordingAcknowledgement")
def _recording_ack(me, other):
    from events.models import RecordingAcknowledgement

    event = _event()
    return _pair_rows(
        lambda user, n: RecordingAcknowledgement.objects.get_or_create(event=event, user=user)[0], me, other
    )


@builder("events.CalendarToken")
def _calendar_token(me, other):
    from events.models import CalendarToken

    return _pair_rows(
        lambda user, n: CalendarToken.objects.update_or_create(
            user=user, defaults={"token": f"privacy-calendar-{n}"}
        )[0],
        me,
        other,
    )
