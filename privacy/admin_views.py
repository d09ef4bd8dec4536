"""Admin views: the audit trail (list, filter, CSV) and a person's data (export on request, erasure).

The audit trail has no add, change or delete view: rows are written by core.audit.record only.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import retention_settings
from core.models import AuditEvent
from core.roles import AUDIT_VIEW, PERSONAL_DATA
from privacy import erasure
from privacy import export as exports
from privacy.models import DataExport


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.is_active and request.user.has_perm(self.permission)


class _Admin(WagtailAdminTemplateMixin, TemplateView):
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.has_perm(self.permission)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class AuditTrailView(_Admin):
    template_name = "privacy/admin/audit.html"
    page_title = gettext_lazy("Audit trail")
    header_icon = "history"
    permission = AUDIT_VIEW
    http_method_names = ["get"]

    def events(self):
        events = AuditEvent.objects.all()
        action = self.request.GET.get("action", "")
        if action:
            events = events.filter(action=action)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            events = events.filter(actor_name__icontains=query) | events.filter(target__icontains=query)
        return events

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv()
        return super().get(request, *args, **kwargs)

    def csv(self):
        class Echo:
            def write(self, value):
                return value

        writer = csv.writer(Echo())

        def rows():
            yield writer.writerow(["time", "actor", "action", "target", "details"])
            for event in self.events().iterator(chunk_size=1000):
                yield writer.writerow(
                    [event.at.isoformat(), event.actor_name, event.action, event.target, event.details]
                )

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="taimi-audit-trail.csv"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.events(), 50).get_page(self.request.GET.get("p"))
        actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
        context.update(
            page=page,
            actions=list(actions),
            action=self.request.GET.get("action", ""),
            q=self.request.GET.get("q", ""),
        )
        return context


class PersonalDataView(_Admin):
    """Find a person; export their data for a data-subject request."""

    template_name = "privacy/admin/person.html"
    page_title = gettext_lazy("A person's data")
    header_icon = "user"
    permission = PERSONAL_DATA

    def person(self):
        username = (self.request.GET.get("username") or self.request.POST.get("username") or "").strip()
        if not username:
            return None
        return get_user_model().objects.filter(username=username).first()

    def post(self, request, *args, **kwargs):
        person = self.person()
        if person is None:
            messages.error(request, _("No such user."))
            return redirect("privacy_person")
        exports.request_export(subject=person, requested_by=request.user)
        messages.success(request, _("The export is being prepared."))
        return redirect(f"{reverse('privacy_person')}?username={person.username}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person()
        context.update(
            username=self.request.GET.get("username", ""),
            person=person,
            exports=list(DataExport.objects.filter(subject=person)[:10]) if person else [],
        )
        for export in context["exports"]:  # the zip's password, once, to the one who asked
            export.password_once = export.take_password(self.request.user)
        return context


class EraseView(_Admin):
    """Erase a person on request: a confirmation listing what goes, then the erasure."""

    template_name = "privacy/admin/erase.html"
    page_title = gettext_lazy("Erase a person's data")
    header_icon = "bin"
    permission = PERSONAL_DATA

    def post(self, request, user_id: int):
        person = get_object_or_404(get_user_model(), pk=user_id)
        if person.pk == request.user.pk:
            messages.error(request, _("You cannot erase yourself."))
            return redirect("privacy_erase", user_id=person.pk)
        if request.POST.get("confirm") != person.username:
            messages.error(request, _("Type the username to confirm."))
            return redirect("privacy_erase", user_id=person.pk)
        erasure.erase(user=person, actor=request.user, reason="request")
        messages.success(request, _("The person's data was erased."))
        return redirect("privacy_person")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        context.update(person=person, plan=erasure.plan(user=person))
        return context


class ChatRetentionView(_Admin):
    """Each room's retention (administrators), the archive of removed messages and records packages."""

    template_name = "privacy/admin/chat_retention.html"
    page_title = gettext_lazy("Chat retention")
    header_icon = "time"
    permission = PERSONAL_DATA

    def post(self, request, *args, **kwargs):
        from chat import retention
        from chat.errors import ChatError

        try:
            if "restore" in request.POST:
                retention.restore(actor=request.user, archived_id=int(request.POST["restore"]))
                messages.success(request, _("The message was restored."))
            else:
                days = request.POST.get("days", "").strip()
                retention.set_retention(
                    actor=request.user,
                    room_id=int(request.POST["room"]),
                    retention=request.POST.get("retention", ""),
                    days=int(days) if days.isdigit() else None,
                )
                messages.success(request, _("The room's retention was changed."))
        except ChatError as error:
            messages.error(request, error.message)
        except (KeyError, ValueError, ObjectDoesNotExist):
            messages.error(request, _("Unknown room or message."))
        return redirect(request.get_full_path())

    def get_context_data(self, **kwargs):
        from chat import retention
        from chat.models import ArchivedMessage, Retention, Room

        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        rooms = Room.objects.exclude(kind=Room.Kind.DIRECT).order_by("name")
        if query:
            rooms = rooms.filter(name__icontains=query)
        page = Paginator(rooms, 50).get_page(self.request.GET.get("p"))
        periods = retention_settings.in_force()
        for room in page:
            room.days_in_force = retention.days_for(room, periods=periods)
        context.update(
            q=query,
            page=page,
            choices=Retention.choices,
            archived=ArchivedMessage.objects.select_related("room", "author")[:50],
            default_days=periods["CHAT_RETENTION_DAYS"],
            archive_days=periods["CHAT_ARCHIVE_DAYS"],
        )
        return context


def records_package(request, room_id: int):
    from django.http import HttpResponse

    from chat import retention
    from chat.models import Retention, Room

    if not (request.user.is_active and request.user.has_perm(PERSONAL_DATA)):
        raise PermissionDenied
    room = get_object_or_404(Room, pk=room_id)
    if room.retention != Retention.RECORDS:
        messages.error(request, _("Only a room kept as records is exported as a package."))
        return redirect("privacy_chat_retention")
    response = HttpResponse(
        retention.records_package(actor=request.user, room_id=room.pk), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="taimi-room-{room.pk}-records.zip"'
    return response


def _retention_settings_view():
    from privacy.admin_retention import RetentionSettingsView

    return RetentionSettingsView.as_view()


def _compliance_urls():
    from privacy import admin_compliance

    return [
        path(
            "privacy/compliance/", admin_compliance.ComplianceExportView.as_view(), name="privacy_compliance"
        ),
        path(
            "privacy/compliance/<str:token>/status/",
            admin_compliance.status,
            name="privacy_compliance_status",
        ),
        path(
            "privacy/compliance/<str:token>/download/",
            admin_compliance.download,
            name="privacy_compliance_download",
        ),
    ]


urlpatterns = [
    path("privacy/retention/", _retention_settings_view(), name="privacy_retention_settings"),
    *_compliance_urls(),
    path("privacy/chat/", ChatRetentionView.as_view(), name="privacy_chat_retention"),
    path("privacy/chat/<int:room_id>/package/", records_package, name="privacy_records_package"),
    path("privacy/audit/", AuditTrailView.as_view(), name="privacy_audit"),
    path("privacy/people/", PersonalDataView.as_view(), name="privacy_person"),
    path("privacy/people/<int:user_id>/erase/", EraseView.as_view(), name="privacy_erase"),
]


def audit_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Audit trail"),
        reverse("privacy_audit"),
        icon_name="history",
        order=900,
        permission=AUDIT_VIEW,
    )


def chat_retention_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Chat retention"),
        reverse("privacy_chat_retention"),
        icon_name="time",
        order=920,
        permission=PERSONAL_DATA,
    )


def personal_data_menu_item():
    return PermissionMenuItem(
        gettext_lazy("A person's data"),
        reverse("privacy_person"),
        icon_name="user",
        order=910,
        permission=PERSONAL_DATA,
    )
