"""The audit trail: sensitive actions are recorded, nobody can change them, administrators read and export."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core import audit, roles
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_rows_cannot_be_changed_or_deleted(staff_user):
    event = audit.record(actor=staff_user, action=audit.MODERATION, target="x", details={"a": 1})
    event.action = "something else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.action == audit.MODERATION


def test_no_view_or_admin_url_changes_the_trail(client, administrator_user):
    """Every admin URL that names the audit trail answers GET only: POST is refused and changes nothing."""
    from django.urls import get_resolver

    event = audit.record(actor=administrator_user, action=audit.ERASURE, target="t")
    client.force_login(administrator_user)
    patterns = []

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern, prefix + str(pattern.pattern))
            elif "audit" in (pattern.name or "") or "auditevent" in (prefix + str(pattern.pattern)):
                patterns.append(pattern.name)

    walk(get_resolver())
    assert "privacy_audit" in patterns
    assert not [name for name in patterns if name and name != "privacy_audit"]
    url = reverse("privacy_audit")
    assert client.post(url, {"action": "x"}).status_code == 405
    event.refresh_from_db()
    assert event.action == audit.ERASURE and AuditEvent.objects.count() >= 1
    # No add/change/delete permission exists to grant.
    from django.contrib.auth.models import Permission

    assert set(
        Permission.objects.filter(
            content_type__app_label="core", content_type__model="auditevent"
        ).values_list("codename", flat=True)
    ) == {"view_auditevent"}


def test_administrators_list_and_export_staff_cannot(client, administrator_user, staff_user):
    audit.record(actor=staff_user, action=audit.RETENTION_CHANGE, target="room 1", details={"to": "casual"})
    client.force_login(administrator_user)
    page = client.get(reverse("privacy_audit"), {"action": audit.RETENTION_CHANGE})
    assert page.status_code == 200 and "room 1" in page.content.decode()
    csv = client.get(reverse("privacy_audit"), {"format": "csv"})
    body = b"".join(csv.streaming_content).decode()
    assert csv["Content-Type"].startswith("text/csv") and "retention_change" in body and "room 1" in body
    client.force_login(staff_user)
    assert client.get(reverse("privacy_audit")).status_code in (302, 403)
    assert client.get(reverse("privacy_audit"), {"format": "csv"}).status_code in (302, 403)


def test_role_changes_are_recorded(administrator_user, staff_user):
    from types import SimpleNamespace

    from core.current_user import _current_request

    token = _current_request.set(SimpleNamespace(user=administrator_user))  # as the middleware sets it
    try:
        staff_user.groups.add(Group.objects.get(name=roles.COMMUNICATION))
        staff_user.groups.remove(Group.objects.get(name=roles.COMMUNICATION))
    finally:
        _current_request.reset(token)
    events = list(
        AuditEvent.objects.filter(action=audit.ROLE_CHANGE, target__contains=staff_user.username).order_by(
            "pk"
        )
    )
    assert [e.details["change"] for e in events][-2:] == ["added", "removed"]
    assert events[-1].actor == administrator_user and events[-1].details["group"] == roles.COMMUNICATION


def test_group_mapping_changes_are_recorded(client, administrator_user):
    """Through the admin's own form: the administrator is the actor."""
    from sso.models import GroupMapping

    client.force_login(administrator_user)
    role = Group.objects.get(name=roles.COMMUNICATION)
    response = client.post(
        reverse("wagtailsnippets_sso_groupmapping:add"),
        {"group_id": "abc-123", "tenant_id": "", "description": "Test", "role": role.pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mapping = GroupMapping.objects.get(group_id="abc-123")
    mapping.delete()
    events = AuditEvent.objects.filter(action=audit.GROUP_MAPPING_CHANGE).order_by("pk")
    assert [e.details["change"] for e in events] == ["created", "deleted"]
    assert events[0].actor == administrator_user and events[0].details["role"] == roles.COMMUNICATION


def test_the_trail_is_under_retention(settings, staff_user):
    import datetime

    from django.utils import timezone

    settings.AUDIT_RETENTION_DAYS = 30
    old = audit.record(actor=staff_user, action="x", target="old")
    models_queryset = AuditEvent.objects.filter(pk=old.pk)
    # Backdate through SQL: the model refuses updates.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEvent._meta.db_table} SET at = %s WHERE id = %s",
            [timezone.now() - datetime.timedelta(days=31), old.pk],
        )
    new = audit.record(actor=staff_user, action="x", target="new")
    assert audit.purge_expired() == 1
    assert not models_queryset.exists() and AuditEvent.objects.filter(pk=new.pk).exists()
