"""What the strategy holds about a person (core.personal_data).

Anonymous answers are not here because no row links them to anyone: PollAnswer and StatementVote
rows of an anonymous round have no ``user`` (docs/strategy.md#anonymity). In a named round the same
rows carry the person and are declared below.
"""

from core.personal_data import ANONYMISE, DELETE, Declaration
from core.personal_data import register as register_declaration

PURPOSE = "Staff participation in the strategy work"
BASIS = "Public task (the agency's strategy work); participation is voluntary"
WHILE = "While the strategy process runs, then with the strategy's records"


def _anonymise_authors(model_label: str):
    """Comments and proposals keep their text without the author; the round's cached participation figure
    (which counts authors) is renewed (strategy.results.changed)."""

    def anonymise(*, user) -> int:
        from django.apps import apps

        from strategy import results

        rows = apps.get_model(model_label).objects.filter(author=user)
        rounds = set(rows.values_list("round_id", flat=True))
        changed = rows.update(author=None)
        for round_id in rounds:
            results.changed(round_id)
        return changed

    return anonymise


def register() -> None:
    register_declaration(
        Declaration(
            "strategy.Element",
            ("responsible",),
            "Responsible person of a strategy action",
            BASIS,
            WHILE,
            erase=ANONYMISE,
        ),
        Declaration(
            "strategy.Version",
            ("published_by",),
            "Who published a strategy version",
            BASIS,
            WHILE,
            erase=ANONYMISE,
        ),
        Declaration(
            "strategy.Visit",
            ("user",),
            "The strategy version a reader saw last",
            BASIS,
            "Until the account is removed",
        ),
        # The leadership's answer (``answered_by``) does not make another person's comment or proposal the
        # answerer's: not in their export; the link is emptied when the answerer is erased.
        Declaration(
            "strategy.Comment",
            ("author",),
            PURPOSE,
            BASIS,
            WHILE,
            erase=ANONYMISE,
            anonymise=_anonymise_authors("strategy.Comment"),
            extra={"other_people": ("answered_by",)},
        ),
        Declaration(
            "strategy.Proposal",
            ("author",),
            PURPOSE,
            BASIS,
            WHILE,
            erase=ANONYMISE,
            anonymise=_anonymise_authors("strategy.Proposal"),
            extra={"other_people": ("answered_by",)},
        ),
        Declaration("strategy.Support", ("user",), PURPOSE, BASIS, WHILE),
        Declaration(
            "strategy.ReminderOptOut",
            ("user",),
            "Not to be reminded about rounds",
            BASIS,
            "Until the account is removed",
        ),
        Declaration(
            "strategy.PollParticipation", ("user",), "Has taken part (prevents a second vote)", BASIS, WHILE
        ),
        Declaration(
            "strategy.PollAnswer",
            ("user",),
            "Answers of named polls (anonymous: no link)",
            BASIS,
            WHILE,
            erase=DELETE,
        ),
        Declaration("strategy.Statement", ("author",), PURPOSE, BASIS, WHILE, erase=ANONYMISE),
        Declaration(
            "strategy.StatementVote",
            ("user",),
            "Votes of named statement rounds (anonymous: no link)",
            BASIS,
            WHILE,
        ),
        Declaration("strategy.StatementParticipation", ("user",), "Has voted on a statement", BASIS, WHILE),
        Declaration(
            "strategy.RoundExport",
            ("requested_by",),
            "Facilitation exports asked for (who may download the file)",
            BASIS,
            "Until the download link expires; the row with the account",
        ),
        Declaration(
            "strategy.ActionUpdate",
            ("author",),
            "Status updates of strategy actions",
            BASIS,
            WHILE,
            erase=ANONYMISE,
        ),
    )
