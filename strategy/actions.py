"""Strategy broadcasts: live participation counts, notifications to supporters and commenters.

Built here, sent through realtime.actions (notify, publish), which knows no domain. A count frame
never carries a result while the round hides its results (only how many have taken part).
"""

from django.db import transaction

from realtime import actions, groups
from realtime.frames import schema

FRAMES = {
    "strategy.counts": schema("round", "counts"),
}


def counts_changed(*, round) -> None:
    """Tell open round pages the new participation counts (figures only, never answers)."""
    from strategy import results

    frame = {"type": "strategy.counts", "round": round.slug, "counts": results.public_counts(round=round)}
    transaction.on_commit(lambda: actions.publish([groups.EVERYONE], frame))
