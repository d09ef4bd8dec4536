"""A job for the fault tests: slow enough to be cut by a PostgreSQL restart, with effects that must happen
once (a notification under a key, an e-mail under an idempotency key)."""

import time

from django_tasks import task


@task()
def slow_reminder(user_id: int, seconds: float, started_file: str = "") -> str:
    from django.contrib.auth import get_user_model

    from core.mail import send_once
    from realtime import actions
    from realtime.models import Notification

    user = get_user_model().objects.get(pk=user_id)
    if started_file:
        with open(
            started_file, "a"
        ) as started:  # the test watches this file (cheaper than asking the database)
            started.write("started\n")
    time.sleep(seconds)  # PostgreSQL restarts here: the queries below meet a closed connection
    actions.notify(
        user_ids=[user.pk], key="faults:reminder", kind=Notification.Kind.REMINDER, title="Muistutus"
    )
    send_once(
        key=f"faults:reminder:{user.pk}",
        subject="Muistutus",
        message="Kerran.",
        recipient_list=["a@keha.example"],
    )
    return "done"
