"""My status page and its forms: presence status, today's work location, the weekly plan. Thin views over
presence.services and presence.worklocation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from presence import services, worklocation
from presence.forms import QuickPlaceForm, StatusForm, WeeklyPlanForm, WorkLocationForm
from teams.views import own_person

# The "My status" form a person sent but that was refused: kept for the page to show again with its errors.
STATUS_DRAFT_KEY = "presence_status_draft"
STATUS_DRAFT_FIELDS = ("manual", "emoji", "text", "duration", "hidden")


def my_status(request):
    """My presence, custom status, today's work location and weekly plan, on one page."""
    person = own_person(request)
    setting = services.setting_for(user=request.user)
    where = worklocation.where_today(person_ids=[person.pk]).get(person.pk)
    plan = worklocation.weekly_plan(person=person)
    plan_initial = {}
    for day, row in plan.items():
        plan_initial[f"kind_{day}"] = row.kind
        plan_initial[f"location_{day}"] = row.location
    # A refused status form comes back as typed, with its errors (presence_set below).
    draft = request.session.pop(STATUS_DRAFT_KEY, None)
    status_form = StatusForm(initial=StatusForm.initial_from(setting))
    if isinstance(draft, dict):
        status_form = StatusForm(draft)
        status_form.is_valid()
    context = {
        "person": person,
        "own": services.own_state(user=request.user),
        "status_form": status_form,
        "location_form": WorkLocationForm(
            initial={
                "kind": where.kind if where else "",
                "location": where.location if where else person.home_location,
                "note": where.note if where else "",
            }
        ),
        "plan_form": WeeklyPlanForm(initial=plan_initial),
        "where": where,
    }
    return render(request, "teams/my_status.html", context)


def _back(request, default="presence:my_status"):
    target = request.POST.get("next") or ""
    # A path on this site only; redirect() would take "0" or "home" for a view name and fail.
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect(default)


@require_POST
def worklocation_set(request):
    """Set today's work location: from the header's one-click menu (``place``) or the full form."""
    person = own_person(request)
    if "place" in request.POST:
        form = QuickPlaceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose where you work."))
            return _back(request)
        kind, location = form.cleaned_data["place"]
        if kind == "clear":
            worklocation.clear_today(person=person)
        else:
            worklocation.set_today(person=person, kind=kind, location=location)
    else:
        form = WorkLocationForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
            return _back(request)
        worklocation.set_today(
            person=person,
            kind=form.cleaned_data["kind"],
            location=form.cleaned_data["location"],
            note=form.cleaned_data["note"],
        )
    messages.success(request, _("Your work location for today was saved."))
    return _back(request)


@require_POST
def weekly_plan_set(request):
    person = own_person(request)
    form = WeeklyPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the weekly plan: an office day needs its office."))
        return redirect("presence:my_status")
    worklocation.set_weekly_plan(person=person, days=form.days())
    messages.success(request, _("Your weekly plan was saved."))
    return redirect("presence:my_status")


@require_POST
def presence_set(request):
    """Set my status: one button of the header menu (``manual`` only) or the whole form of "My status".

    A refused form goes back to "My status" with what was typed and each field's error (nothing is saved)."""
    menu = set(request.POST) <= {"manual", "next", "csrfmiddlewaretoken"}
    form = StatusForm({"manual": request.POST.get("manual", "")} if menu else request.POST)
    changes = {}
    error = None
    if form.is_valid():
        changes = {"manual": form.cleaned_data["manual"]}
        if not menu:
            current = services.setting_for(user=request.user).custom_until
            changes.update(
                text=form.cleaned_data["text"],
                emoji=form.cleaned_data["emoji"],
                hidden=form.cleaned_data["hidden"],
                until=form.until(current),
            )
        try:
            services.set_status(user=request.user, **changes)
        except ValidationError as refused:
            error = " ".join(refused.messages)
    elif menu:
        error = _("Unknown status.")
    else:
        error = " ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
            for name, errors in form.errors.items()
        )
    if error is not None:
        messages.error(request, error)
        if not menu:
            request.session[STATUS_DRAFT_KEY] = {
                name: request.POST.get(name, "")[:1000]
                for name in STATUS_DRAFT_FIELDS
                if name in request.POST
            }
            return redirect("presence:my_status")
    else:
        messages.success(request, _("Your status was saved."))
    return _back(request)
