"""Onboarding paths: the reader's own progress, ticking steps, and a supervisor's view of direct reports.

A person's path is counted in one place, :func:`progress_for`: the steps whose
instruction is live, still valid and offered to the person's organisation (the
audience, :mod:`instructions.access`), and of those the ones they have
ticked. The person's own pages and their supervisor's table both show that
figure, so "2/3" is the same number wherever it appears. A step outside the
person's audience is left out of *their* path (they could not read it), and a
tick on a step that has since expired or been unpublished no longer counts.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
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


def _steps_for_kinds(kinds) -> QuerySet[OnboardingStep]:
    """Steps whose instruction is live, valid and offered to any of ``kinds`` (or to everyone)."""
    readable = access.originals().filter(access.audience_q(kinds)).filter(access.valid_q())
    return (
        OnboardingStep.objects.filter(instruction__translation_key__in=readable.values("translation_key"))
        .select_related("instruction")
        .order_by("sort_order", "pk")
    )


def progress_for(*, people: dict, paths=None) -> dict:
    """Each person's progress on every path (or on ``paths``): ``{user: [PathProgress, …]}``.

    ``people`` maps each user to the agency kinds they read
    (:func:`access.audience_kinds_for`). The one count behind every onboarding
    figure; one query per distinct audience plus two.
    """
    paths = list(OnboardingPath.objects.all() if paths is None else paths)
    steps_by_kinds = {}
    for kinds in {tuple(sorted(kinds)) for kinds in people.values()}:
        steps = {}
        for step in _steps_for_kinds(kinds).filter(path__in=paths):
            steps.setdefault(step.path_id, []).append(step)
        steps_by_kinds[kinds] = steps
    done = {}
    for user_id, step_id, done_at in OnboardingProgress.objects.filter(
        user__in=list(people), step__path__in=paths
    ).values_list("user_id", "step_id", "done_at"):
        done[(user_id, step_id)] = done_at
    result = {}
    for user, kinds in people.items():
        steps = steps_by_kinds[tuple(sorted(kinds))]
        result[user] = [
            PathProgress(
                path=path,
                steps=[
                    {"step": step, "instruction": step.instruction, "done_at": done.get((user.pk, step.pk))}
                    for step in steps.get(path.pk, [])
                ],
            )
            for path in paths
        ]
    return result


def paths_for(*, user, slug: str | None = None) -> list[PathProgress]:
    """Every path (or one) with the user's own progress (:func:`progress_for`)."""
    paths = OnboardingPath.objects.all()
    if slug is not None:
        paths = paths.filter(slug=slug)
    return progress_for(people={user: access.audience_kinds_for(user)}, paths=paths)[user]


def set_done(*, user, step_id: int, done: bool) -> bool:
    """Tick a step done (or undo it). Only steps of instructions the user may read; returns False otherwise."""
    step = _steps_for_kinds(access.audience_kinds_for(user)).filter(pk=step_id).first()
    if step is None:
        return False
    if done:
        OnboardingProgress.objects.get_or_create(user=user, step=step, defaults={"done_at": timezone.now()})
    else:
        OnboardingProgress.objects.filter(user=user, step=step).delete()
    return True


def direct_reports_progress(*, user) -> dict:
    """The progress of the user's direct reports on every path, as each of them sees it (fixed queries)."""
    from teams.models import Person

    me = Person.objects.filter(user=user).first()
    if me is None:
        return {"reports": [], "paths": []}
    reports = list(
        Person.objects.filter(manager=me, user__is_active=True)
        .select_related("user", "agency")
        .prefetch_related("user__groups")
        .order_by("user__last_name", "user__first_name")
    )
    paths = list(OnboardingPath.objects.all())
    progress = progress_for(
        people={person.user: access.audience_kinds_of(person) for person in reports}, paths=paths
    )
    rows = [{"person": person, "cells": progress[person.user]} for person in reports]
    return {"reports": rows, "paths": paths}
