"""Anonymous rounds: what the database holds after anonymous answers, and what nobody can see before close."""

import re
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from realtime.models import Notification
from strategy import exports, notifications, voting
from strategy.models import PollAnswer, PollParticipation, StatementParticipation, StatementVote
from tests.strategy.conftest import close

pytestmark = pytest.mark.django_db

# SQLite's full-text index keeps its tokens in binary shadow tables that cannot be read as text (a LIKE on
# them raises); what they index is the search entries' own table, which the scan reads.
SQLITE_FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def _columns(model):
    return {field.column for field in model._meta.concrete_fields}


def test_anonymous_answers_hold_no_person_no_time_no_order(poll_round, people):
    poll_round["round"]
    for user in people[:3]:
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[1])
        voting.vote_poll(poll=poll_round["ranking"], user=user, values={0: 2, 1: 1, 2: 3})
        voting.vote_poll(poll=poll_round["dots"], user=user, values={0: 4, 2: 6})
        voting.vote_statement(
            statement=poll_round["statement"], user=user, voter=voting.new_voter_token(), choice=1
        )
    # The answer tables have no column for a person or a moment at all...
    for model in (PollAnswer, StatementVote):
        columns = _columns(model)
        assert not any("time" in c or c.endswith("_at") or c in ("day", "created", "date") for c in columns)
    # ...and the rows of an anonymous round leave the one that exists empty.
    answers = list(PollAnswer.objects.filter(poll=poll_round["single"]).values())
    assert len(answers) == 3 and all(row["user_id"] is None for row in answers)
    # A ranking or dot vote is one row per option, with nothing that ties the rows of one ballot together.
    for kind, rows in (("ranking", 9), ("dots", 6)):
        stored = list(PollAnswer.objects.filter(poll=poll_round[kind]).values())
        assert len(stored) == rows and all(row["user_id"] is None for row in stored)
        assert set(stored[0]) == {"id", "poll_id", "choice", "value", "user_id"}
        answers += stored[:1]  # one key of each kind in the whole-database search below (each costs a scan)
    # Keys are random UUIDs: no sequence to line up with the participation rows.
    assert all(isinstance(row["id"], uuid.UUID) and row["id"].version == 4 for row in answers)
    votes = list(StatementVote.objects.values())
    assert all(row["user_id"] is None for row in votes)
    user_ids = {str(user.pk) for user in people}
    assert not any(row["voter"] in user_ids or row["voter"].startswith("user:") for row in votes)
    # The has-taken-part rows carry who and the day only, no answer.
    assert _columns(PollParticipation) == {"id", "poll_id", "user_id", "day"}
    assert _columns(StatementParticipation) == {"id", "statement_id", "user_id", "day"}
    # No table in the whole database joins an answer's key to a person.
    with connection.cursor() as cursor:
        for row in answers:
            for table in connection.introspection.table_names():
                if table in (PollAnswer._meta.db_table,) or SQLITE_FTS_SHADOW.search(table):
                    continue
                columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
                text_columns = [c for c in columns if c not in ("id",)]
                if not text_columns:
                    continue
                where = " OR ".join(
                    f"CAST({connection.ops.quote_name(c)} AS TEXT) LIKE %s" for c in text_columns
                )
                key = str(row["id"])
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} WHERE {where}",
                    [f"%{key}%", *[f"%{key}%"] * (len(text_columns) - 1)],
                )
                assert cursor.fetchone()[0] == 0, table


def test_named_round_keeps_the_person(db, people):
    from strategy.models import Poll
    from tests.strategy.conftest import make_round

    round = make_round(slug="nimellinen", anonymous=False)
    poll = Poll.objects.create(round=round, kind="single", question_fi="?", options_fi="A\nB")
    voting.vote_poll(poll=poll, user=people[0], choices=[0])
    assert PollAnswer.objects.get(poll=poll).user_id == people[0].pk


def test_anonymity_cannot_be_switched_after_opening(poll_round):
    from django.core.exceptions import ValidationError

    round = poll_round["round"]
    round.anonymous = False
    with pytest.raises(ValidationError):
        round.full_clean()


def test_second_vote_is_refused_and_changes_nothing(poll_round, people):
    poll = poll_round["single"]
    voting.vote_poll(poll=poll, user=people[0], choices=[0])
    with pytest.raises(voting.VoteRefused):
        voting.vote_poll(poll=poll, user=people[0], choices=[2])
    assert list(PollAnswer.objects.filter(poll=poll).values_list("choice", flat=True)) == [0]


def _vote_everyone(poll_round, people):
    for n, user in enumerate(people):
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[n % 3])
        voting.vote_poll(poll=poll_round["multiple"], user=user, choices=[0, 2])
        voting.vote_poll(poll=poll_round["scale"], user=user, choices=[4])
        voting.vote_poll(poll=poll_round["ranking"], user=user, values={0: 3, 1: 1, 2: 2})
        voting.vote_poll(poll=poll_round["dots"], user=user, values={0: 2, 1: 8})
        voting.vote_statement(
            statement=poll_round["statement"], user=user, voter=voting.new_voter_token(), choice=-1
        )


def _export_through_the_worker(client, round, fmt) -> bytes:
    """Ask for an export as the signed-in team member; the tests' immediate job backend builds it."""
    from core.models import AuditEvent
    from strategy.models import RoundExport

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(reverse("strategy:export", args=[round.slug]), {"format": fmt}).status_code == 302
    export = RoundExport.objects.filter(round=round, format=fmt).first()
    export.refresh_from_db()
    assert export.status == RoundExport.Status.READY
    assert AuditEvent.objects.filter(action="strategy_export", details__export=export.pk).exists()
    status = client.get(reverse("strategy:export_status", args=[export.token])).json()
    assert status["progress"] == 100 and status["url"]
    download = client.get(status["url"])
    assert download.status_code == 200
    return b"".join(download.streaming_content)


RESULT_WORDS = ["Luotettavuus", "Rohkeus", "Average", "Keskiarvo"]


def test_results_hidden_until_close_everywhere(client, poll_round, people, team_user, leader_user):
    round = poll_round["round"]
    _vote_everyone(poll_round, people)
    client.force_login(team_user)
    # HTML: no result table, no counts per option, no per-statement votes.
    html = client.get(reverse("strategy:round", args=[round.slug])).content.decode()
    assert "Votes per statement" not in html and "Äänet väitteittäin" not in html
    assert '<caption class="visually-hidden">' not in html  # the results table's caption
    assert "8 people have taken part" in html or "8 henkilöä" in html
    # JSON: no results, only that 8 took part.
    data = client.get(reverse("strategy:round_json", args=[round.slug])).json()
    assert data["results_visible"] is False
    assert all(poll["results"] is None for poll in data["polls"]) and data["statements"] is None
    assert data["counts"] == {"participants": 8}
    # Exports: only "hidden until close".
    csv = exports.as_csv(round=round).decode("utf-8-sig")
    assert "hidden until close" in csv and "Rohkeus" not in csv
    xlsx = _export_through_the_worker(client, round, "xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(BytesIO(xlsx)).active.iter_rows() for c in row]
    assert "hidden until close" in cells and "Rohkeus" not in cells
    assert "Rohkeus" not in _export_through_the_worker(client, round, "csv").decode("utf-8-sig")
    # Notifications and e-mails (reminders to those who have not taken part).
    mail.outbox.clear()
    notifications.participation_reminders()
    texts = [n.title + n.title_sv for n in Notification.objects.all()] + [
        m.subject + m.body for m in mail.outbox
    ]
    assert texts, "someone who has not taken part is reminded"
    for text in texts:
        assert not any(word in text for word in RESULT_WORDS)
        assert "%" not in text
    # After close the same page and JSON show the results.
    close(round)
    data = client.get(reverse("strategy:round_json", args=[round.slug])).json()
    single = next(p for p in data["polls"] if p["id"] == poll_round["single"].pk)
    assert [row["count"] for row in single["results"]["rows"]] == [3, 3, 2]
    ranking = next(p for p in data["polls"] if p["id"] == poll_round["ranking"].pk)["results"]
    assert [(row["label"], row["points"]) for row in ranking["rows"]] == [
        ("Luotettavuus", 16),
        ("Rohkeus", 8),
        ("Avoimuus", 0),
    ]
    dots = next(p for p in data["polls"] if p["id"] == poll_round["dots"].pk)["results"]
    assert [row["count"] for row in dots["rows"]] == [16, 64, 0]
    assert "Rohkeus" in exports.as_csv(round=round).decode("utf-8-sig")
    assert "Rohkeus" in _export_through_the_worker(client, round, "csv").decode("utf-8-sig")


def test_the_live_count_frame_carries_no_result(
    poll_round, people, monkeypatch, django_capture_on_commit_callbacks
):
    from realtime import actions as transport
    from strategy import actions

    sent = []
    monkeypatch.setattr(transport, "publish", lambda topics, frame: sent.append(frame))
    _vote_everyone(poll_round, people[:6])
    with django_capture_on_commit_callbacks(execute=True):
        actions.counts_changed(round=poll_round["round"])
    assert sent == [{"type": "strategy.counts", "round": "arvot", "counts": {"participants": 6}}]


def test_group_of_five_rule(poll_round, people, org):
    from strategy import facilitation, results

    round = poll_round["round"]
    for user in people[:4]:
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[0])
    assert results.public_counts(round=round) == {"participants": None}
    assert facilitation.by_group(round=round, dimension="agency") == []
    voting.vote_poll(poll=poll_round["single"], user=people[4], choices=[0])
    assert results.public_counts(round=round) == {"participants": 5}
    # The five are in five different agencies (the factory's): no agency reaches five.
    assert facilitation.by_group(round=round, dimension="agency") == []
    # Five in one unit are shown; four in another are not.
    for user in people[:5]:
        user.person.unit = org.payments
        user.person.save()
    rows = facilitation.by_group(round=round, dimension="unit")
    assert rows == [{"name": "Maksatusyksikkö", "count": 5}]
    for user in people[5:]:
        user.person.unit = org.ict
        user.person.save()
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[0])
    assert facilitation.by_group(round=round, dimension="unit") == [{"name": "Maksatusyksikkö", "count": 5}]
    assert len(facilitation.over_time(round=round)) == 1  # 8 people on one day: one row


def test_mixing_rewrites_answers_in_one_transaction(poll_round, people):
    for user in people[:4]:
        voting.vote_poll(poll=poll_round["single"], user=user, choices=[0])
    before = set(PollAnswer.objects.values_list("id", "choice"))
    assert voting.mix_anonymous_answers() == 4
    assert set(PollAnswer.objects.values_list("id", "choice")) == before
