"""E-mail at most once per idempotency key, whatever retries a job goes through.

A job that sends mail can be run again: a retry after a failure, an orphaned job taken over by another
worker (core.jobs), a database that restarted between the SMTP conversation and the commit. Before, the
reminder jobs sent their mail inside the transaction that wrote the notification: when the commit failed
after the mail server had accepted the message, the retried job sent it again.

:func:`send_once` commits a claim row (:class:`core.models.SentMail`, the key as primary key) *before* it
talks to the mail server. A second call with the same key finds the claim and sends nothing. If the mail
server refuses, the claim is deleted and the error raised, so the job's retry sends it. If the process dies
in the middle of the SMTP conversation the claim stays and that one message may be lost: we prefer a
missing reminder (the in-app notification is there) to the same mail twice.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import IntegrityError, transaction


def send_once(*, key: str, subject: str, message: str, recipient_list: list[str], from_email=None) -> bool:
    """Send the mail unless one was already sent (or is being sent) under ``key``; True when sent now.

    Call it outside a transaction (as the jobs do): then the claim is committed before the mail goes.
    Inside one, the claim commits with the caller's transaction (tests run that way).
    """
    from core.models import SentMail

    try:
        with transaction.atomic():
            SentMail.objects.create(key=key[:200])
    except IntegrityError:
        return False
    try:
        send_mail(
            subject=subject,
            message=message,
            from_email=from_email,
            recipient_list=recipient_list,
            fail_silently=False,
        )
    except BaseException:
        SentMail.objects.filter(key=key[:200]).delete()  # not sent: the job's retry may send it
        raise
    return True
