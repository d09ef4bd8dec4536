"""The strategy team's facilitation view and the follow-up of actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from strategy import facilitation, results, roles, steering
from strategy.models import Element, Round, RoundExport


def facilitation_view(request, slug):
    if not request.user.has_perm(roles.FACILITATE):
        raise PermissionDenied
    round = get_object_or_404(Round, slug=slug)
    timeline = facilitation.over_time(round=round)
    return render(
        request,
        "strategy/facilitation.html",
        {
            "round": round,
            "counts": results.public_counts(round=round),
            "groups": [
                (_("Agency"), facilitation.by_group(round=round, dimension="agency")),
                (_("Unit"), facilitation.by_group(round=round, dimension="unit")),
                (_("Location"), facilitation.by_group(round=round, dimension="location")),
            ],
            "timeline": timeline,
            "chart": facilitation.chart_svg(timeline, title=_("Participants over time")),
            "min_group": results.MIN_GROUP,
            "exports": RoundExport.objects.filter(round=round, requested_by=request.user)[:5],
            "export_hours": settings.STRATEGY_EXPORT_HOURS,
        },
    )


def action_view(request, key):
    action = get_object_or_404(
        Element.objects.select_related("owner_unit", "responsible", "parent"),
        key=key,
        kind=Element.Kind.ACTION,
    )
    can_update = steering.can_update(user=request.user, action=action)
    if request.method == "POST":
        if not can_update:
            raise PermissionDenied
        status, text = request.POST.get("status", ""), request.POST.get("text", "").strip()
        if status not in Element.Status.values or not text:
            messages.error(request, _("Choose a status and write the update."))
        else:
            steering.add_update(action=action, user=request.user, status=status, text=text)
            messages.success(request, _("Status update saved."))
            return redirect("strategy:action", key=action.key)
    return render(
        request,
        "strategy/action.html",
        {
            "action": action,
            "updates": action.updates.select_related("author"),
            "related": action.related_pages.live().specific(),
            "can_update": can_update,
            "statuses": Element.Status.choices,
            "posted": request.POST if request.method == "POST" else {},
        },
    )


def actions_list(request):
    actions = Element.objects.filter(kind=Element.Kind.ACTION).select_related(
        "owner_unit", "responsible", "parent"
    )
    return render(request, "strategy/actions.html", {"actions": actions})
