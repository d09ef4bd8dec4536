"""Onboarding paths: the reader's own progress, ticking steps, and a supervisor's view of direct reports.

A step whose instruction the reader may not read (another organisation's
audience) or that is no longer live or valid is left out of *their* path, so
progress is counted over the steps they can actually do.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from instructions import access
from instructions.models import OnboardingPath, OnboardingProgress, OnboardingStep


@dataclass
class PathProgress:
    path: OnboardingPath
    steps: list = field(default_factory=list)  # [{"step", "instruction", "done_at"}]

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def done(self) -> int:
        return sum(1 for item in self.steps if item["done_at"])

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def next_step(self):
        return next((item for item in self.steps if not item["done_at"]), None)


def _visible_steps(*, user):
    visible = access.visible_instructions(user=user).values("translation_key")
    return OnboardingStep.objects.filter(instruction__translation_key__in=visible).select_related("instruction")


def paths_for(*, user, slug: str | None = None) -> list[PathProgress]:
    """Every path (or one) with the user's progress on the steps they may read. Three queries."""
    paths = OnboardingPath.objects.prefetch_related(
        Prefetch("steps", queryset=_visible_steps(user=user).order_by("sort_order", "pk"), to_attr="visible_steps")
    )
    if slug is not None:
        paths = paths.filter(slug=slug)
    paths = list(paths)
    done = dict(OnboardingProgress.objects.filter(
        user=user, step__path__in=paths).values_list("step_id", "done_at"))
    return [
        PathProgress(path=path, steps=[
            {"step": step, "instruction": step.instruction, "done_at": done.get(step.pk)}
            for step in path.visible_steps
        ])
        for path in paths
    ]


def set_done(*, user, step_id: int, done: bool) -> bool:
    """Tick a step done (or undo it). Only steps of instructions the user may read; returns False otherwise."""
    step = _visible_steps(user=user).filter(pk=step_id).first()
    if step is None:
        return False
    if done:
        OnboardingProgress.objects.get_or_create(user=user, step=step, defaults={"done_at": timezone.now()})
    else:
        OnboardingProgress.objects.filter(user=user, step=step).delete()
    return True


def direct_reports_progress(*, user) -> dict:
    """The progress of the user's direct reports on every path (a fixed number of queries).

    Counted over all the path's live steps (a supervisor compares people, so
    everyone is measured against the same list).
    """
    from teams.models import Person

    me = Person.objects.filter(user=user).first()
    if me is None:
        return {"reports": [], "paths": []}
    reports = list(Person.objects.filter(manager=me, user__is_active=True).select_related("user")
                   .order_by("user__last_name", "user__first_name"))
    paths = list(OnboardingPath.objects.prefetch_related(
        Prefetch("steps", queryset=OnboardingStep.objects.filter(instruction__live=True).only("id", "path_id"),
                 to_attr="live_steps")))
    step_path = {step.pk: path.pk for path in paths for step in path.live_steps}
    done = {}
    for user_id, step_id in OnboardingProgress.objects.filter(
            user_id__in=[person.user_id for person in reports], step_id__in=step_path).values_list("user_id",
                                                                                                 "step_id"):
        key = (user_id, step_path[step_id])
        done[key] = done.get(key, 0) + 1
    rows = []
    for person in reports:
        cells = []
        for path in paths:
            total = len(path.live_steps)
            count = done.get((person.user_id, path.pk), 0)
            cells.append({"path": path, "done": count, "total": total,
                          "percent": round(100 * count / total) if total else 0})
        rows.append({"person": person, "cells": cells})
    return {"reports": rows, "paths": paths}
