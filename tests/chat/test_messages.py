"""Messages: sequence numbers, idempotent resend, edits, deletes, reactions, read markers, mentions, history."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chat import messages, rooms
from chat.errors import ChatError
from chat.frames import message_dict
from chat.models import Message, MessageMention
from realtime.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def post(user, room, body, **kwargs):
    message, _created = messages.post_message(user=user, room_id=room.pk, body=body, **kwargs)
    return message


def test_messages_get_consecutive_numbers_per_room_and_keep_text_exactly(chat, users, group_room):
    _org, team_room, _vaasa = chat
    text = "Hyvää huomenta! Åland, älä, öljy 👍🏽 — «quote» <b>not html</b>"
    first = post(users["aino"], team_room, text)
    second = post(users["matti"], team_room, "Kiitos")
    other_room = post(users["aino"], group_room, "Toinen huone")
    assert (first.seq, second.seq, other_room.seq) == (1, 2, 1)
    assert Message.objects.get(pk=first.pk).body == text
    team_room.refresh_from_db()
    assert team_room.last_seq == 2


def test_resend_with_the_same_client_id_stores_once(chat, users):
    _org, team_room, _vaasa = chat
    one, created_one = messages.post_message(
        user=users["aino"], room_id=team_room.pk, body="Kerran", client_id="c-123"
    )
    two, created_two = messages.post_message(
        user=users["aino"], room_id=team_room.pk, body="Kerran", client_id="c-123"
    )
    assert created_one and not created_two and one.pk == two.pk
    assert Message.objects.filter(room=team_room).count() == 1
    # Another author may use the same client id (ids are per author).
    three, created = messages.post_message(
        user=users["matti"], room_id=team_room.pk, body="x", client_id="c-123"
    )
    assert created and three.seq == 2


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("x" * 4001, "too_long"),
        ("a\x00b", "invalid_body"),
        (["list"], "invalid_body"),
    ],
)
def test_bad_bodies_get_clear_errors_and_store_nothing(chat, users, body, code):
    _org, team_room, _vaasa = chat
    with pytest.raises(ChatError) as refused:
        post(users["aino"], team_room, body)
    assert refused.value.code == code and refused.value.message
    assert not Message.objects.exists()
    team_room.refresh_from_db()
    assert team_room.last_seq == 0


def test_non_member_cannot_post_or_read(chat, users):
    _org, team_room, _vaasa = chat
    for call in (
        lambda: post(users["sanna"], team_room, "Hei"),
        lambda: messages.history(user=users["sanna"], room_id=team_room.pk),
        lambda: messages.since(user=users["sanna"], room_id=team_room.pk, after=0),
    ):
        with pytest.raises(ChatError) as refused:
            call()
        assert refused.value.code == "not_member"


def test_rate_limit(chat, users):
    _org, team_room, _vaasa = chat
    for number in range(messages.RATE_LIMIT_MESSAGES):
        post(users["aino"], team_room, f"viesti {number}")
    with pytest.raises(ChatError) as refused:
        post(users["aino"], team_room, "yksi liikaa")
    assert refused.value.code == "rate_limited" and refused.value.status == 429
    post(users["matti"], team_room, "Muut saavat yhä kirjoittaa")


def test_edit_keeps_history_and_only_the_author_edits(chat, users):
    _org, team_room, _vaasa = chat
    message = post(users["aino"], team_room, "Palaveri klo 10")
    with pytest.raises(ChatError) as refused:
        messages.edit_message(user=users["pekka"], message_id=message.pk, body="Peruttu")
    assert refused.value.code == "not_author"
    edited = messages.edit_message(user=users["aino"], message_id=message.pk, body="Palaveri klo 11")
    assert edited.edited_at and edited.body == "Palaveri klo 11"
    current, edits = messages.edit_history(user=users["matti"], message_id=message.pk)
    assert [e.body for e in edits] == ["Palaveri klo 10"]
    assert message_dict(edited)["edited"]


def test_delete_by_author_or_room_owner_blanks_the_text(group_room, users):
    mine = post(users["matti"], group_room, "Salainen")
    with pytest.raises(ChatError):
        messages.delete_message(user=users["sanna"], message_id=mine.pk)  # not even a member
    rooms.add_member(user=users["aino"], room_id=group_room.pk, member_id=users["sanna"].pk)
    with pytest.raises(ChatError) as refused:
        messages.delete_message(user=users["sanna"], message_id=mine.pk)  # member, not owner
    assert refused.value.code == "not_author"
    deleted = messages.delete_message(user=users["aino"], message_id=mine.pk)  # the owner moderates
    data = message_dict(deleted)
    assert data["deleted"] and data["body"] == "" and data["parts"] == [] and data["seq"] == 1
    with pytest.raises(ChatError):
        messages.edit_message(user=users["matti"], message_id=mine.pk, body="takaisin")


def test_reactions_are_idempotent_and_emoji_only(chat, users):
    _org, team_room, _vaasa = chat
    message = post(users["aino"], team_room, "Valmista!")
    for _ in range(2):
        messages.react(user=users["matti"], message_id=message.pk, emoji="🎉")
    messages.react(user=users["pekka"], message_id=message.pk, emoji="👍🏽")
    data = message_dict(messages.react(user=users["pekka"], message_id=message.pk, emoji="🎉"))
    assert {r["emoji"]: sorted(r["users"]) for r in data["reactions"]} == {
        "🎉": sorted([users["matti"].pk, users["pekka"].pk]),
        "👍🏽": [users["pekka"].pk],
    }
    data = message_dict(messages.react(user=users["pekka"], message_id=message.pk, emoji="🎉", add=False))
    assert {r["emoji"]: r["users"] for r in data["reactions"]}["🎉"] == [users["matti"].pk]
    for bad in ("<script>", "abc", "", "🎉" * 20, 5):
        with pytest.raises(ChatError):
            messages.react(user=users["matti"], message_id=message.pk, emoji=bad)
    with pytest.raises(ChatError):
        messages.react(user=users["sanna"], message_id=message.pk, emoji="👍")


def test_replies_quote_their_parent_from_the_same_room_only(chat, users, group_room):
    _org, team_room, _vaasa = chat
    parent = post(users["aino"], team_room, "Kuka hoitaa raportin?")
    reply = post(users["matti"], team_room, "Minä", reply_to=parent.pk)
    assert message_dict(reply)["reply_to"]["excerpt"] == "Kuka hoitaa raportin?"
    elsewhere = post(users["aino"], group_room, "Toinen")
    with pytest.raises(ChatError) as refused:
        post(users["matti"], team_room, "x", reply_to=elsewhere.pk)
    assert refused.value.code == "invalid_reply"


def test_unread_counts_read_markers_and_mark_unread(chat, users):
    _org, team_room, _vaasa = chat
    for number in range(3):
        post(users["aino"], team_room, f"Uutinen {number}")
    deleted = post(users["aino"], team_room, "poistetaan")
    messages.delete_message(user=users["aino"], message_id=deleted.pk)
    counts = {m.room_id: m.unread for m in rooms.memberships_for(user=users["matti"])}
    assert counts[team_room.pk] == 3  # deleted ones do not count
    assert rooms.unread_total(user=users["matti"]) == 3
    assert {m.room_id: m.unread for m in rooms.memberships_for(user=users["aino"])}[team_room.pk] == 0
    messages.mark_read(user=users["matti"], room_id=team_room.pk, seq=99)  # clamped to the last message
    assert rooms.unread_total(user=users["matti"]) == 0
    messages.mark_read(user=users["matti"], room_id=team_room.pk, seq=1)  # never backwards by reading
    messages.mark_unread(user=users["matti"], room_id=team_room.pk, seq=2)
    assert {m.room_id: m.unread for m in rooms.memberships_for(user=users["matti"])}[team_room.pk] == 2
    # Posting marks the room read up to one's own message.
    post(users["matti"], team_room, "Luin kaiken")
    assert rooms.unread_total(user=users["matti"]) == 0


def test_mentions_notify_members_once_also_when_added_by_edit(chat, users):
    _org, team_room, _vaasa = chat
    message = post(
        users["aino"], team_room, "@matti.aijala katsotko? @sanna.lehtola ei ole jäsen, @aino.virtanen"
    )
    assert set(MessageMention.objects.filter(message=message).values_list("user__username", flat=True)) == {
        "matti.aijala"
    }
    messages.edit_message(
        user=users["aino"], message_id=message.pk, body="@matti.aijala ja @pekka.ohman katsokaa"
    )
    messages.edit_message(
        user=users["aino"], message_id=message.pk, body="@matti.aijala ja @Pekka.Ohman katsokaa!"
    )
    notified = Notification.objects.filter(kind="mention").values_list("recipient__username", flat=True)
    assert sorted(notified) == ["matti.aijala", "pekka.ohman"]
    parts = message_dict(Message.objects.get(pk=message.pk))["parts"]
    assert ["mention", "matti.aijala"] in parts


def test_room_mention_notifies_everyone_but_the_author(chat, users):
    _org, team_room, _vaasa = chat
    post(users["pekka"], team_room, "@room palaveri siirtyy")
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "aino.virtanen",
        "matti.aijala",
    ]


def test_links_are_parts_not_html(chat, users):
    _org, team_room, _vaasa = chat
    message = post(users["aino"], team_room, 'Katso https://keha.fi/ohje?a=1&b=2. <img src=x onerror="x">')
    parts = message_dict(message)["parts"]
    assert ["url", "https://keha.fi/ohje?a=1&b=2", "https://keha.fi/ohje?a=1&b=2"] in parts
    assert any(kind == "text" and "<img" in value for kind, value, *_ in parts)  # shown as text by the client


def test_history_pages_newest_first_and_resync_after_seq(django_assert_max_num_queries, chat, users):
    _org, team_room, _vaasa = chat
    for number in range(1, 121):
        author = users["aino"] if number % 2 else users["matti"]
        message = post(author, team_room, f"Viesti {number} @matti.aijala") if number % 10 == 0 else None
        if message is None:
            cache.clear()
            message = post(author, team_room, f"Viesti {number}")
        if number % 7 == 0:
            messages.react(user=users["pekka"], message_id=message.pk, emoji="👍")
    with CaptureQueriesContext(connection) as queries:
        page, more = messages.history(user=users["pekka"], room_id=team_room.pk)
        [message_dict(m) for m in page]
    assert [m.seq for m in page] == list(range(71, 121)) and more
    first_count = len(queries)
    assert first_count <= 6
    with django_assert_max_num_queries(first_count):
        older, more = messages.history(user=users["pekka"], room_id=team_room.pk, before=21)
        [message_dict(m) for m in older]
    assert [m.seq for m in older] == list(range(1, 21)) and not more
    missed, more = messages.since(user=users["pekka"], room_id=team_room.pk, after=115)
    assert [m.seq for m in missed] == [116, 117, 118, 119, 120] and not more


def test_search_finds_only_my_rooms(chat, users, group_room):
    _org, team_room, _vaasa = chat
    post(users["aino"], team_room, "Palkkatuen takaisinperintä etenee")
    post(users["aino"], group_room, "Takaisinperintä lounaalla?")
    found = messages.search(user=users["matti"], query="TAKAISINPERINTÄ")
    assert len(found.messages) == 2 and not found.degraded  # no engine configured: the database, not degraded
    assert len(messages.search(user=users["pekka"], query="takaisinperintä").messages) == 1
    assert messages.search(user=users["sanna"], query="takaisinperintä").messages == []
    assert (
        len(messages.search(user=users["matti"], query="takaisinperintä", room_id=group_room.pk).messages)
        == 1
    )


def _statements(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].upper().startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))
    ]


def test_posting_is_four_statements_and_no_select(chat, users):
    """The hot path: one UPDATE checks the membership and the archive and allocates the sequence number,
    one INSERT stores, one UPDATE moves the author's read marker, one INSERT queues the search indexing;
    the broadcast needs no re-query."""
    _org, team_room, _vaasa = chat
    post(users["aino"], team_room, "Lämmitys")  # warm-up (first use builds the statements)
    with CaptureQueriesContext(connection) as queries:
        message = post(users["aino"], team_room, "Huomenta kaikille ☕", client_id="q-1")
    statements = _statements(queries)
    # The fourth statement is the search outbox row (search/signals.py), written in the same transaction.
    assert [s.split()[0].upper() for s in statements] == ["UPDATE", "INSERT", "UPDATE", "INSERT"], statements
    assert "search_indexoutbox" in statements[3].lower(), statements
    assert message_dict(message)["body"] == "Huomenta kaikille ☕"
    stored = Message.objects.get(pk=message.pk)
    assert (stored.seq, stored.client_id, stored.author_id) == (2, "q-1", users["aino"].pk)
    assert stored.created_at == message.created_at  # the broadcast's timestamps are the stored ones


def test_refused_posts_change_nothing(chat, users):
    """A non-member's or an archived room's post allocates no sequence number and stores nothing."""
    from chat.models import Room

    _org, team_room, _vaasa = chat
    post(users["aino"], team_room, "Yksi")
    with pytest.raises(ChatError) as refused:
        post(users["sanna"], team_room, "Kaksi")
    assert refused.value.code == "not_member"
    Room.objects.filter(pk=team_room.pk).update(archived_at=timezone.now())
    with pytest.raises(ChatError) as refused:
        post(users["aino"], team_room, "Kolme")
    assert refused.value.code == "archived"
    team_room.refresh_from_db()
    assert team_room.last_seq == 1
    assert list(Message.objects.filter(room=team_room).values_list("body", flat=True)) == ["Yksi"]
