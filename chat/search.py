"""Chat messages (chat, label ``chat``): one document per message that has text ("chat:<message pk>").

Access is part of the document: its audience is the message's room
(``room:<id>``), never "everyone" or an agency kind, so the general search
(/haku/, the header autocomplete) can never return a message: its readers'
audiences never contain a room. The chat search (search.chat) asks with the
rooms the reader belongs to *now* as the audience, inside the engine query, so
leaving a room takes its messages out of one's results at once without any
re-indexing.

Soft-deleted messages and messages without text (attachments only) yield no
document: the drain deletes their key. An archived room stays readable, so its
messages stay searchable; a deleted room takes its messages out
(search.signals). Display data (room, sequence number, author) travels in
``extra`` (the author is not searched: a name in the query matches messages
that mention the person); the chat app renders results from its own rows.
"""

from __future__ import annotations

import re

from search.adapters import Adapter
from search.chat import room_audience
from search.engines.base import SearchDocument

# Short, frequent words that tell Swedish from Finnish in a chat message; a
# message is analysed with the Swedish chain only when it has more of these
# than of the Finnish ones (most messages are Finnish; queries are analysed
# with both chains anyway, so a wrong guess costs little).
SWEDISH_WORDS = frozenset(
    "och att det är för på med som inte jag vi har av till om kan ska den har vad".split()
)
FINNISH_WORDS = frozenset("ja on ei että se ole kun mutta myös voi olen oli tämä minä me te nyt vai".split())
WORD = re.compile(r"\w+")


def guess_language(text: str) -> str:
    words = WORD.findall(text.lower())
    swedish = sum(word in SWEDISH_WORDS for word in words)
    finnish = sum(word in FINNISH_WORDS for word in words)
    return "sv" if swedish > finnish else "fi"


class ChatMessageAdapter(Adapter):
    type = "chat"
    CHUNK = 500

    def queryset(self):
        from chat.models import Message

        return (
            Message.objects.filter(deleted_at__isnull=True)
            .exclude(body="")
            .select_related("author")
            .only(
                "id",
                "room_id",
                "seq",
                "body",
                "created_at",
                "author__username",
                "author__first_name",
                "author__last_name",
            )
        )

    def to_documents(self, message) -> list[SearchDocument]:
        author = message.author
        name = (author.get_full_name() or author.get_username()) if author else ""
        return [
            SearchDocument(
                key=f"chat:{message.pk}",
                type="chat",
                language=guess_language(message.body),
                title="",
                url="",
                body=message.body,  # the only searched text: snippets always come from it
                published_at=message.created_at,
                audience=(room_audience(message.room_id),),
                extra={"room": str(message.room_id), "seq": str(message.seq), "author": name},
            )
        ]
