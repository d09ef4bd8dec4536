"""Readers' side of the demo library: feedback, error reports, visits and onboarding progress.

Run by instructions.demo with the instructions it has just created, so a second
run adds nothing.
"""

import datetime
import random

from django.utils import timezone

from demo import instructions_content as content

SEED = 2028


def load_feedback(*, slugs, library, now) -> None:
    """Feedback, error reports, visits and onboarding progress for the instructions just created."""
    from django.contrib.auth import get_user_model

    from instructions.models import ErrorReport, Feedback, InstructionPage, InstructionVisit

    rng = random.Random(SEED)
    User = get_user_model()
    keha_readers = list(
        User.objects.filter(person__agency__kind="keha", is_active=True)
        .order_by("username")
        .values_list("pk", flat=True)[:200]
    )
    if not keha_readers:
        return
    pages = list(
        InstructionPage.objects.child_of(library)
        .filter(slug__in=slugs)
        .only("id", "translation_key", "live_revision_id", "owner_unit_id", "for_everyone", "audience_keha")
        .order_by("pk")
    )
    readable = [page for page in pages if page.for_everyone or page.audience_keha]
    votes, errors = [], []
    for page in rng.sample(readable, k=min(60, len(readable))):
        for user_id in rng.sample(keha_readers, k=rng.randint(1, 6)):
            helpful = rng.random() < 0.75
            votes.append(
                Feedback(
                    page=page,
                    translation_key=page.translation_key,
                    revision_id=page.live_revision_id or 0,
                    user_id=user_id,
                    helpful=helpful,
                    comment=rng.choice(content.FEEDBACK_COMMENTS) if rng.random() < 0.3 else "",
                )
            )
        if rng.random() < 0.25:
            errors.append(
                ErrorReport(
                    page=page,
                    translation_key=page.translation_key,
                    revision_id=page.live_revision_id or 0,
                    user_id=rng.choice(keha_readers),
                    text=rng.choice(content.ERROR_REPORTS),
                )
            )
    Feedback.objects.bulk_create(votes, ignore_conflicts=True)
    ErrorReport.objects.bulk_create(errors)
    # The demo staff member read these instructions a week ago: today's material changes are highlighted for her.
    staff = User.objects.filter(username="henkilo").first()
    if staff is not None:
        InstructionVisit.objects.bulk_create(
            [
                InstructionVisit(
                    user=staff,
                    translation_key=page.translation_key,
                    last_visit_at=now - datetime.timedelta(days=7),
                )
                for page in readable
            ],
            ignore_conflicts=True,
        )


def load_progress() -> int:
    """Onboarding progress of the demo staff member and of her colleagues under the same supervisor."""
    from instructions.models import OnboardingProgress, OnboardingStep
    from teams.models import Person

    staff = Person.objects.filter(user__username="henkilo").select_related("manager").first()
    if staff is None or OnboardingProgress.objects.filter(user_id=staff.user_id).exists():
        return 0
    rng = random.Random(SEED + 1)
    steps = list(OnboardingStep.objects.order_by("path_id", "sort_order").values_list("pk", "path_id"))
    people = [staff.user_id]
    if staff.manager_id:
        people += list(
            Person.objects.filter(manager_id=staff.manager_id)
            .exclude(pk=staff.pk)
            .values_list("user_id", flat=True)[:12]
        )
    now = timezone.now()
    rows = []
    for user_id in people:
        for step_id, _path in steps:
            if rng.random() < 0.45:
                rows.append(
                    OnboardingProgress(
                        user_id=user_id,
                        step_id=step_id,
                        done_at=now - datetime.timedelta(days=rng.randint(1, 60)),
                    )
                )
    OnboardingProgress.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
