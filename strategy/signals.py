"""Counters kept on rows, corrected when the rows they count go (an erased person's supports, an account
removed), and the generation token of a round's cached results renewed when what they show changes."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def recount_supporters(sender, instance, **kwargs) -> None:
    """A support removed: the proposal's ``supporters_count`` counted again (exact, whatever removed it)."""
    from strategy.models import Proposal, Support

    supports = (
        Support.objects.filter(proposal=OuterRef("pk")).order_by().values("proposal").annotate(n=Count("pk"))
    )
    Proposal.objects.filter(pk=instance.proposal_id).update(
        supporters_count=Coalesce(Subquery(supports.values("n")), 0)
    )


def _round_of(instance) -> int | None:
    from strategy.models import Poll, Round, Statement

    if isinstance(instance, Round):
        return instance.pk
    if isinstance(instance, Poll | Statement):
        return instance.round_id
    if hasattr(instance, "poll_id"):
        return Poll.objects.filter(pk=instance.poll_id).values_list("round_id", flat=True).first()
    if hasattr(instance, "statement_id"):
        return Statement.objects.filter(pk=instance.statement_id).values_list("round_id", flat=True).first()
    return None


def results_changed(sender, instance, **kwargs) -> None:
    """An edit in the admin or a row removed (erasure, cascade): the round's cached results are renewed."""
    from strategy import results

    round_id = _round_of(instance)
    if round_id:
        results.changed(round_id)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from strategy.models import Poll, PollParticipation, Round, Statement, StatementParticipation, Support

    post_delete.connect(recount_supporters, sender=Support, dispatch_uid="strategy.recount_supporters")
    for model in (Round, Poll, Statement):
        post_save.connect(
            results_changed, sender=model, dispatch_uid=f"strategy.changed.save.{model.__name__}"
        )
    # Participation rows go only when a person is erased or a round removed: the figures count again.
    for model in (Round, Poll, Statement, PollParticipation, StatementParticipation):
        post_delete.connect(
            results_changed, sender=model, dispatch_uid=f"strategy.changed.delete.{model.__name__}"
        )
