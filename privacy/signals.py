"""Role changes in the audit trail: a person added to or removed from a group (their roles)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed

from core import audit
from core.current_user import current_user


def on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if action == "pre_clear":
        # clear() names no groups: record the ones the person (or group) had.
        pk_set = set((instance.user_set if reverse else instance.groups).values_list("pk", flat=True))
        action = "post_remove"
    if not pk_set:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(users)
        users = get_user_model().objects.filter(pk__in=pk_set)
        pairs = [(user, instance.name) for user in users]
    else:  # user.groups.add(groups)
        names = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        pairs = [(instance, name) for name in names]
    for user, group_name in pairs:
        audit.record(
            actor=current_user(),
            action=audit.ROLE_CHANGE,
            target=user,
            details={"change": change, "group": group_name},
        )


def connect() -> None:
    m2m_changed.connect(
        on_groups_changed, sender=get_user_model().groups.through, dispatch_uid="privacy.audit.groups"
    )
