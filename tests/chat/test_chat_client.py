"""The Python chat client of the process tests (tests/chat/servers.py) counts what a person would see as
a duplicate, and only that: a message stored twice, not a message that arrived twice and was placed once."""

from tests.chat.servers import ChatClient


def message(seq, client_id, author=1):
    return {"seq": seq, "client_id": client_id, "author": {"id": author}, "body": f"viesti {seq}"}


def test_a_message_stored_twice_is_a_duplicate():
    client = ChatClient("aino", "", 1, lambda: "http://127.0.0.1:1")
    client._show(message(1, "aino-1"))
    client._show(message(2, "aino-1"))  # the server stored the resend again
    assert client.duplicates == 1
    assert len(client.shown) == 2


def test_a_seq_delivered_twice_is_placed_once_and_is_no_duplicate():
    """A resync can fetch a message whose broadcast arrives later (two Daphnes broadcasting one room)."""
    client = ChatClient("aino", "", 1, lambda: "http://127.0.0.1:1")
    client._show(message(1, "aino-1"))
    client._show(message(1, "aino-1"))
    client._show(message(2, "bertil-1", author=2))
    client._show(message(3, "", author=2))  # sent without a client id (the HTTP form)
    client._show(message(4, "", author=2))
    assert client.duplicates == 0
    assert client.redelivered == 1
    assert sorted(client.shown) == [1, 2, 3, 4]
