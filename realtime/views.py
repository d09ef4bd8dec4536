"""The notification list behind the bell. Thin: realtime.services does the work."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from realtime import services
from realtime.models import Notification


def notification_list(request):
    page = Paginator(services.notifications_for(user=request.user), services.NOTIFICATIONS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
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


# The "My status" form a person sent but that was refused: kept for the page to show again with its errors.
STATUS_DRAFT_KEY = "presence_status_draft"
STATUS_DRAFT_FIELDS = ("manual", "emoji", "text", "duration", "hidden")


@require_POST
def presence_set(request):
    """Set my status: one button of the header menu (``manual`` only) or the whole form of "My status".

    A refused form goes back to "My status" with what was typed and each field's error (nothing is saved)."""
    from django.core.exceptions import ValidationError

    from realtime.forms import StatusForm
    from realtime.presence import services as presence

    menu = set(request.POST) <= {"manual", "next", "csrfmiddlewaretoken"}
    form = StatusForm({"manual": request.POST.get("manual", "")} if menu else request.POST)
    changes = {}
    error = None
    if form.is_valid():
        changes = {"manual": form.cleaned_data["manual"]}
        if not menu:
            current = presence.setting_for(user=request.user).custom_until
            changes.update(text=form.cleaned_data["text"], emoji=form.cleaned_data["emoji"],
                           hidden=form.cleaned_data["hidden"], until=form.until(current))
        try:
            presence.set_status(user=request.user, **changes)
        except ValidationError as refused:
            error = " ".join(refused.messages)
    elif menu:
        error = _("Unknown status.")
    else:
        error = " ".join(f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
                         for name, errors in form.errors.items())
    if error is not None:
        messages.error(request, error)
        if not menu:
            request.session[STATUS_DRAFT_KEY] = {name: request.POST.get(name, "")[:1000]
                                                 for name in STATUS_DRAFT_FIELDS if name in request.POST}
            return redirect("teams:my_status")
    else:
        messages.success(request, _("Your status was saved."))
    target = request.POST.get("next") or ""
    # A path on this site only; redirect() would take "0" or "home" for a view name and fail.
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect("teams:my_status")
