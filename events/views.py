"""Events views: registration, attendees, .ics, the month, my events and the calendar feed.

The event pages themselves are Wagtail pages (events.page_context). Every view
needs a login except the feed, whose secret token is the credential; organiser
views check events.permissions.can_organise.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events import feed as feed_module
from events import fragments, ics, mustwatch, recurrence, registration, services
from events.forms_public import FilterForm, RegistrationForm
from events.models import EventPage, Registration
from events.permissions import can_organise


def _event(page_id: int) -> EventPage:
    page = get_object_or_404(EventPage.objects.live().select_related("organiser_agency"), pk=page_id)
    return registration.original_of(page)


def _back(event: EventPage):
    return redirect(event.url or "/")


@require_POST
def register(request, page_id):
    event = _event(page_id)
    rooms = list(event.rooms.select_related("location")) if event.is_hybrid else []
    dates = []
    if event.recurrence:
        now = timezone.now()
        dates = recurrence.occurrences(event, start=now, end=now + datetime.timedelta(days=366))
    form = RegistrationForm(request.POST, event=event, rooms=rooms, occurrences=dates)
    if not form.is_valid():
        messages.error(request, _("Check your choices."))
        return _back(event)
    try:
        mine = registration.register(
            user=request.user,
            event=event,
            room_id=form.room_id(),
            answers=form.answers(),
            occurrence=form.occurrence(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(event)
    text = {
        Registration.Status.CONFIRMED: _(
            "You are registered. The confirmation and a calendar file come by e-mail."
        ),
        Registration.Status.WAITING: _("The event is full: you are on the waiting list."),
        Registration.Status.PENDING: _("Your registration waits for the organiser's approval."),
    }.get(mine.status, "")
    messages.success(request, text)
    return _back(event)


@require_POST
def cancel(request, page_id):
    event = _event(page_id)
    registration.cancel(user=request.user, event=event, occurrence=request.POST.get("kerta", ""))
    messages.success(request, _("Your registration is cancelled."))
    return _back(event)


@require_POST
def reminders(request, page_id):
    event = _event(page_id)
    wanted = request.POST.get("reminders") == "on"
    Registration.objects.filter(event=event, user=request.user).update(reminders=wanted)
    messages.success(request, _("Reminders on.") if wanted else _("Reminders off."))
    return _back(event)


@require_GET
def event_ics(request, page_id):
    event = _event(page_id)
    mine = registration.registration_for(user=request.user, event=event)
    links = {event.pk} if services.may_see_link(user=request.user, event=event, registration=mine) else set()
    body = ics.calendar(
        recurrence.occurrences(event),
        base_url=request.build_absolute_uri("/").rstrip("/"),
        name=event.title,
        links_for=links,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _organised(request, page_id) -> EventPage:
    event = _event(page_id)
    if not can_organise(request.user, event):
        raise PermissionDenied
    return event


@require_GET
def attendees(request, page_id):
    event = _organised(request, page_id)
    rows = registration.attendees(organiser=request.user, event=event)
    labels = registration.occurrence_labels(event) if event.recurrence else {}
    for row in rows:
        row.date_label = labels.get(row.occurrence, "")
    return render(
        request,
        "events/attendees.html",
        {
            "event": event,
            "rows": rows,
            "questions": event.question_list(),
            "seats": registration.seats(event=event) if not event.recurrence else None,
            "series": bool(event.recurrence),
        },
    )


@require_GET
def attendees_csv(request, page_id):
    event = _organised(request, page_id)
    response = HttpResponse(
        "\ufeff" + registration.attendees_csv(organiser=request.user, event=event),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-osallistujat.csv"'
    return response


@require_POST
def attendance(request, page_id):
    event = _organised(request, page_id)
    ids = [int(value) for value in request.POST.getlist("registration") if value.isdigit()]
    present = [int(value) for value in request.POST.getlist("present") if value.isdigit()]
    registration.mark_attendance(organiser=request.user, event=event, attended_ids=ids, present_ids=present)
    messages.success(request, _("Attendance saved."))
    return redirect("events:attendees", page_id=event.pk)


@require_POST
def decide(request, page_id, registration_id):
    event = _organised(request, page_id)
    row = get_object_or_404(Registration, pk=registration_id, event=event)
    registration.decide(organiser=request.user, registration=row, approve=request.POST.get("approve") == "1")
    return redirect("events:attendees", page_id=event.pk)


@require_POST
def acknowledge_recording(request, page_id):
    event = _event(page_id)
    if not mustwatch.applies(event):
        raise Http404
    mustwatch.acknowledge(user=request.user, event=event)
    messages.success(request, _("Thank you: your acknowledgement is saved."))
    return _back(event)


@require_GET
def month(request, year=None, month=None):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form = FilterForm(request.GET or None)
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    query = ("?" + urlencode({k: v for k, v in request.GET.items() if v})) if request.GET else ""
    grid = fragments.month_grid(request=request, year=year, month=month, filters=form.filters(), today=today)
    return render(
        request,
        "events/month.html",
        {
            "grid_html": grid,
            "filters_html": fragments.filter_form(request=request, form=form),
            "first": first,
            "previous": previous,
            "following": following,
            "filter_form": form,
            "query": query,
        },
    )


@require_GET
def mine(request):
    return render(
        request,
        "events/mine.html",
        {
            "pairs": services.my_registrations(user=request.user),
            "recordings": mustwatch.pending_for(user=request.user),
        },
    )


@require_GET
def feed_settings(request):
    token = services.calendar_token(user=request.user)
    feed_url = request.build_absolute_uri(reverse("events:feed", args=[token.token])) if token else None
    webcal = feed_url.replace("https://", "webcal://").replace("http://", "webcal://") if feed_url else None
    return render(
        request,
        "events/feed_settings.html",
        {
            "feed_url": feed_url,
            "outlook_url": (
                "https://outlook.office.com/calendar/0/addfromweb?"
                + urlencode({"url": feed_url, "name": "Taimi"})
            )
            if feed_url
            else None,
            "google_url": ("https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}))
            if webcal
            else None,
        },
    )


@require_POST
def feed_renew(request):
    services.renew_calendar_token(user=request.user)
    messages.success(request, _("Your calendar address is ready. Any earlier address no longer works."))
    return redirect("events:feed_settings")


@require_POST
def feed_revoke(request):
    services.revoke_calendar_token(user=request.user)
    messages.success(request, _("Your calendar address is removed."))
    return redirect("events:feed_settings")


@login_not_required  # the secret token in the address is the credential
@require_GET
def feed(request, token):
    user = services.user_for_token(token=token)
    if user is None:
        raise Http404
    base_url = request.build_absolute_uri("/").rstrip("/")

    body = fragments.feed(
        user=user,
        token=token,
        base_url=base_url,
        build=lambda: feed_module.build(user=user, base_url=base_url, name=_("Taimi events")),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
