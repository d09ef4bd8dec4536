"""The notification list behind the bell. Thin: realtime.services does the work."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from realtime import services
from realtime.models import Notification


def notification_list(request):
    page = Paginator(
        services.notifications_for(user=request.user), services.NOTIFICATIONS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "realtime/notifications.html", {"page": page})


@require_POST
def notification_open(request, notification_id):
    try:
        notification = services.open_notification(user=request.user, notification_id=notification_id)
    except Notification.DoesNotExist:
        raise Http404(_("No such notification.")) from None
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "realtime:notifications"
    return redirect(target)


@require_POST
def notifications_mark_read(request):
    count = services.mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications marked as read."))
    return redirect("realtime:notifications")
