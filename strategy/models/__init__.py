"""The strategy's models, one module per kind of content (docs/strategy.md)."""

from strategy.models.exports import RoundExport
from strategy.models.map import Element, Version, Visit
from strategy.models.participation import Comment, Proposal, ReminderOptOut, Support
from strategy.models.polls import Poll, PollAnswer, PollParticipation
from strategy.models.rounds import Round
from strategy.models.statements import OpinionMap, Statement, StatementParticipation, StatementVote
from strategy.models.steering import ActionUpdate

__all__ = [
    "ActionUpdate",
    "Comment",
    "Element",
    "OpinionMap",
    "Poll",
    "PollAnswer",
    "PollParticipation",
    "Proposal",
    "ReminderOptOut",
    "Round",
    "RoundExport",
    "Statement",
    "StatementParticipation",
    "StatementVote",
    "Support",
    "Version",
    "Visit",
]
