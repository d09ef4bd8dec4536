"""No e-mail twice: a reminder job whose database fails after the mail server accepted a message sends it
once, however often the job is retried (core.mail.send_once)."""

import datetime

import pytest
from django.core import mail
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from core.mail import send_once
from instructions import governance
from tests.instructions.conftest import make_instruction


@pytest.mark.django_db(transaction=True)
def test_database_failing_after_the_mail_went_does_not_send_it_again(library, monkeypatch):
    """Before, the mail was sent inside the transaction that wrote the notification: when that commit failed
    (PostgreSQL restarting) after the mail server had accepted the message, the retried job sent it again."""
    make_instruction(library, title="Kerran vain", review_in_days=3)
    real_commit = BaseDatabaseWrapper.commit
    state = {"mail_went": False, "failed": False}
    real_send = mail.get_connection().__class__.send_messages

    def send_messages(self, messages):
        state["mail_went"] = True
        return real_send(self, messages)

    def commit(self):
        if state["mail_went"] and not state["failed"]:
            state["failed"] = True  # the first commit after the mail server said yes
            raise OperationalError("server closed the connection unexpectedly")
        return real_commit(self)

    monkeypatch.setattr(mail.get_connection().__class__, "send_messages", send_messages)
    monkeypatch.setattr(BaseDatabaseWrapper, "commit", commit)
    for _attempt in range(3):  # the job and its retries
        try:
            governance.send_review_reminders(today=timezone.localdate() + datetime.timedelta(days=1))
        except OperationalError:
            continue
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_send_once_per_key_and_again_after_a_refusal(monkeypatch):
    from core import mail as core_mail

    assert send_once(key="k1", subject="a", message="b", recipient_list=["x@keha.example"])
    assert not send_once(key="k1", subject="a", message="b", recipient_list=["x@keha.example"])

    def refused(**kwargs):
        raise OSError("550")

    monkeypatch.setattr(core_mail, "send_mail", refused)
    with pytest.raises(OSError):
        send_once(key="k2", subject="a", message="b", recipient_list=["x@keha.example"])
    monkeypatch.undo()
    assert send_once(key="k2", subject="a", message="b", recipient_list=["x@keha.example"])
    assert len(mail.outbox) == 2
