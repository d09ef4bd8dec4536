"""The strategy's roles, kept in code like the others (core.roles).

* Strategy team ("Strategiatiimi"): edits the map, rounds, polls and statements, publishes versions,
  moderates, sees the facilitation view and the exports.
* Leadership ("Johtoryhmä"): gives the official answers to proposals and comment threads.
* Strategy moderators ("Strategian moderointi"): approve or reject statements, hide comments.
"""

from core import roles as core_roles

STRATEGY_TEAM = "Strategiatiimi"
LEADERSHIP = "Johtoryhmä"
MODERATORS = "Strategian moderointi"

EDIT = "strategy.edit_strategy"
ANSWER = "strategy.answer_proposals"
MODERATE = "strategy.moderate_strategy"
FACILITATE = "strategy.facilitate_strategy"

SNIPPETS = [
    f"strategy.{action}_{model}"
    for model in ["element", "round", "poll", "statement"]
    for action in core_roles.CRUD
]


def register() -> None:
    core_roles.register_role(
        STRATEGY_TEAM,
        core_roles.Role(model_permissions=[core_roles.ADMIN_ACCESS, EDIT, MODERATE, FACILITATE, *SNIPPETS]),
    )
    core_roles.register_role(LEADERSHIP, core_roles.Role(model_permissions=[ANSWER]))
    core_roles.register_role(MODERATORS, core_roles.Role(model_permissions=[MODERATE]))
