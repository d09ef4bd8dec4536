"""Finding people by name as people type names: without å/ä/ö, best match first.

``folded(field)`` is a database expression (PostgreSQL and SQLite alike, no
extension) that lowercases a column and replaces the accented letters of
Nordic and common European names by their base letters, so that a query
folded in Python (:func:`search.analysis.folding.fold`) matches "Mäkelä" as
"makela". ``match_rank`` orders a queryset best match first;
``rank_people`` orders a short list for the pickers (the @mention lists and
the direct-message picker): best match, then the viewer's recent contacts
and team-mates, then everyone else.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, Func, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Lower, Replace

from search.analysis.folding import fold, name_match_rank

# Letters folded in the database: PostgreSQL translates all of them in one call; SQLite (tests, one-machine
# installs) replaces the Nordic ones one by one (its SQL parser overflows on a deeper nesting, and its
# lower() only knows ASCII, so upper case is listed too).
FOLDS = {
    "a": "äåáàâãÄÅÁÀÂÃ",
    "o": "öøóòôõÖØÓÒÔÕ",
    "e": "éèêëÉÈÊË",
    "u": "üúùûÜÚÙÛ",
    "i": "íìîïÍÌÎÏ",
    "c": "čçČÇ",
    "s": "šśŠŚ",
    "z": "žŽ",
    "n": "ñńÑŃ",
    "y": "ýÝ",
}
SQLITE_FOLDS = {"a": "äåÄÅ", "o": "öøÖØ", "u": "üÜ", "e": "éÉ"}
# The pickers rank at most this many matching people in Python (a name shared by more is rare).
CANDIDATES = 300


class Folded(Func):
    """lower(column) with diacritics removed (see FOLDS)."""

    output_field = CharField()

    def __init__(self, field: str):
        super().__init__(Lower(F(field)))

    def as_postgresql(self, compiler, connection, **extra_context):
        source = "".join(FOLDS.values())
        target = "".join(base * len(letters) for base, letters in FOLDS.items())
        sql, params = compiler.compile(self.source_expressions[0])
        return f"translate({sql}, %s, %s)", [*params, source, target]

    def as_sql(self, compiler, connection, **extra_context):
        expression = self.source_expressions[0]
        for base, letters in SQLITE_FOLDS.items():
            for letter in letters:
                expression = Replace(expression, Value(letter), Value(base))
        return compiler.compile(expression)


def folded(field: str):
    return Folded(field)


def name_filter(term: str) -> Q:
    """People whose first name, last name or job title contains ``term`` (diacritics and case ignored); needs
    ``annotate_names``."""
    term = fold(term)
    return Q(_first_folded__contains=term) | Q(_last_folded__contains=term) | Q(_title_folded__contains=term)


def annotate_names(people: QuerySet) -> QuerySet:
    return people.annotate(
        _first_folded=folded("user__first_name"),
        _last_folded=folded("user__last_name"),
        _title_folded=folded("title"),
    )


def match_rank(people: QuerySet, query: str) -> QuerySet:
    """Best match first: a whole name part, then a name starting with the first word, then the rest."""
    words = fold(query).split()
    if not words:
        return people
    first = words[0]
    rank = Case(
        When(Q(_last_folded=first) | Q(_first_folded=first), then=Value(0)),
        When(Q(_last_folded__startswith=first) | Q(_first_folded__startswith=first), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return people.annotate(_name_rank=rank).order_by(
        "_name_rank", "user__last_name", "user__first_name", "pk"
    )


def rank_people(people, *, query: str, close_ids=frozenset(), limit: int = 8) -> list:
    """People (already filtered) ordered: best name match, then the viewer's close people (recent contacts,
    team-mates: ``close_ids`` of Person pks, best first), then by name."""
    order = {pk: i for i, pk in enumerate(close_ids)}

    def key(person):
        user = person.user
        rank = name_match_rank(query, user.first_name, user.last_name)
        if rank == 9 and user.username.lower().startswith(query.lower().lstrip("@")):
            rank = 2
        return (
            rank,
            order.get(person.pk, len(order)),
            user.last_name.lower(),
            user.first_name.lower(),
            person.pk,
        )

    return sorted(people, key=key)[:limit]


def team_mate_ids(*, user) -> list[int]:
    """Person pks of the people who share a team with ``user`` (not the user)."""
    from teams.models import TeamMembership

    teams = TeamMembership.objects.filter(person__user=user).values("team_id")
    return list(
        TeamMembership.objects.filter(team_id__in=teams)
        .exclude(person__user=user)
        .values_list("person_id", flat=True)
        .distinct()
    )
