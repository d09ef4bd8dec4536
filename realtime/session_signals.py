"""What ends a person's open websockets: Django's signals, turned into session events (realtime/actions.py,
handled in every process by realtime/session_guard.py). Connected in RealtimeConfig.ready().

* ``user_logged_out``: the session signed out (that session's sockets only; the person's other devices
  keep theirs).
* ``post_save`` / ``post_delete`` of the user: a new password, ``is_active`` turned off, a deleted account:
  every socket of the person validates its session again (a password change leaves only the session that
  changed it valid, as Django's ``update_session_auth_hash`` does for pages). Saves that only stamp
  ``last_login`` are skipped.
* ``m2m_changed`` of ``User.groups`` (either side: ``user.groups.remove(…)`` or ``group.user_set.remove(…)``,
  and ``clear()``) and deleting a group: a role was taken away, the person's sockets reconnect.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from realtime import actions


def on_logout(sender, request=None, user=None, **kwargs):
    session = getattr(request, "session", None)
    key = getattr(session, "session_key", None)
    if key:
        actions.sessions_ended(session_keys=[key])


def on_user_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if created or raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    actions.users_changed(user_ids=[instance.pk])


def on_user_deleted(sender, instance, **kwargs):
    actions.users_changed(user_ids=[instance.pk])


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        # clear() names no one in post_clear: remember who is about to lose the group(s).
        if reverse:
            instance._realtime_cleared = list(instance.user_set.values_list("pk", flat=True))
        else:
            instance._realtime_cleared = [instance.pk] if instance.groups.exists() else []
        return
    if action == "post_clear":
        actions.users_roles_removed(user_ids=getattr(instance, "_realtime_cleared", []))
    elif action == "post_remove" and pk_set:
        actions.users_roles_removed(user_ids=pk_set if reverse else [instance.pk])


def on_group_deleted(sender, instance, **kwargs):
    actions.users_roles_removed(user_ids=list(instance.user_set.values_list("pk", flat=True)))


def connect() -> None:
    user_model = get_user_model()
    user_logged_out.connect(on_logout, dispatch_uid="realtime.sessions.logout")
    post_save.connect(on_user_saved, sender=user_model, dispatch_uid="realtime.sessions.user_saved")
    post_delete.connect(on_user_deleted, sender=user_model, dispatch_uid="realtime.sessions.user_deleted")
    m2m_changed.connect(
        on_groups_changed, sender=user_model.groups.through, dispatch_uid="realtime.sessions.groups"
    )
    pre_delete.connect(on_group_deleted, sender=Group, dispatch_uid="realtime.sessions.group_deleted")
