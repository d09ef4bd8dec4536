"""The demo strategy's ranking and dot-vote polls: one of each in a closed round (with results) and in the open round."""

from __future__ import annotations

import datetime

VALUES_FI = "Avoimuus\nLuotettavuus\nYhteistyö\nRohkeus"
VALUES_SV = "Öppenhet\nTillförlitlighet\nSamarbete\nMod"
# Leanings of the demo people: the order most of them give (option indexes, most important first).
FAVOURITE_ORDERS = [[1, 2, 0, 3], [2, 1, 3, 0], [0, 1, 2, 3]]
FOCUS_FI = "Asiakaspalvelu\nDigitalisaatio\nOsaaminen\nHyvinvointi\nYhteiset palvelut"
FOCUS_SV = "Kundservice\nDigitalisering\nKompetens\nVälbefinnande\nGemensamma tjänster"


def _ballots(poll, people, rng, day):
    """Participation rows and answers (shuffled, no person in an anonymous round) for ``people``."""
    from strategy.models import PollAnswer, PollParticipation

    participations, answers = [], []
    owner_needed = not poll.round.anonymous
    for n, user in enumerate(people):
        participations.append(PollParticipation(poll=poll, user=user, day=day))
        owner = user if owner_needed else None
        if poll.kind == "ranking":
            order = list(FAVOURITE_ORDERS[n % len(FAVOURITE_ORDERS)])
            if rng.random() < 0.3:
                i = rng.randrange(len(order) - 1)
                order[i], order[i + 1] = order[i + 1], order[i]
            answers += [
                PollAnswer(poll=poll, choice=option, value=position, user=owner)
                for position, option in enumerate(order, start=1)
            ]
        else:
            dots = [0] * 5
            for _ in range(poll.dots):
                dots[rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4])] += 1
            answers += [
                PollAnswer(poll=poll, choice=option, value=n, user=owner)
                for option, n in enumerate(dots)
                if n
            ]
    rng.shuffle(answers)
    PollParticipation.objects.bulk_create(participations, batch_size=1000)
    PollAnswer.objects.bulk_create(answers, batch_size=1000)
    return len(participations)


def add_ranking_and_dot_polls(*, closed_round, open_round, voters, rng, today: datetime.date) -> int:
    """Returns the number of ballots created."""
    from strategy.models import Poll

    created = 0
    for round, order, sample, day in (
        (closed_round, 1, 110, closed_round.opens_at.date()),
        (open_round, 2, 70, today),
    ):
        ranking = Poll.objects.create(
            round=round,
            kind="ranking",
            question_fi="Järjestä arvot tärkeysjärjestykseen",
            question_sv="Ordna värdena efter hur viktiga de är",
            options_fi=VALUES_FI,
            options_sv=VALUES_SV,
            order=order,
        )
        dots = Poll.objects.create(
            round=round,
            kind="dots",
            question_fi="Mihin strategiakauden panostukset?",
            question_sv="Vad ska strategiperioden satsa på?",
            options_fi=FOCUS_FI,
            options_sv=FOCUS_SV,
            dots=10,
            order=order + 1,
        )
        created += _ballots(ranking, rng.sample(voters, sample), rng, day)
        created += _ballots(dots, rng.sample(voters, sample), rng, day)
    return created
