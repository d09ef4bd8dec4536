"""Reading and marking notifications (writing them is realtime.actions' job)."""

from django.db.models import QuerySet
from django.utils import timezone

from realtime.models import Notification

# The bell's list: a month of news for an active reader fits; older ones page.
NOTIFICATIONS_PAGE_SIZE = 30


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def open_notification(*, user, notification_id: int) -> Notification:
    """Mark one of the user's own notifications read; raises DoesNotExist for anyone else's."""
    notification = Notification.objects.get(pk=notification_id, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
