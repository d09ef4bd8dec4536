"""What chat holds about a person (core.personal_data, docs/privacy.md).

Messages stay in the conversations of the others when their writer leaves: the author link goes and the
room shows “former employee”. How long messages are kept is the room's retention (chat.retention).
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import ANONYMISE, DELETE, EMPLOYMENT, Declaration, register, user_rows

ROOM_RETENTION = _(
    "The room's retention: the organisation's default (CHAT_RETENTION_DAYS), casual rooms "
    "(CHAT_CASUAL_RETENTION_DAYS) or kept as records; removed messages wait in the archive "
    "(CHAT_ARCHIVE_DAYS)"
)


def _messages(*, user):
    from chat.models import Message

    fields = ["id", "room_id", "seq", "body", "reply_to_id", "created_at", "edited_at", "deleted_at"]
    return Message.objects.filter(author=user).order_by("pk").values(*fields)


def _attachments(*, user):
    from chat.models import Attachment

    for attachment in Attachment.objects.filter(uploaded_by=user).order_by("pk"):
        yield attachment.file


def register_all() -> None:
    register(
        Declaration(
            model="chat.Room",
            person_fields=("created_by",),
            purpose=_("Who created a chat room"),
            legal_basis=EMPLOYMENT,
            retention=_("With the room; the link to the person goes after leaving"),
            erase=ANONYMISE,
        ),
        user_rows("chat.Membership", _("Chat rooms a person is in, and how far they have read")),
        Declaration(
            model="chat.Message",
            person_fields=("author",),
            purpose=_("Chat messages a person wrote"),
            legal_basis=EMPLOYMENT,
            retention=ROOM_RETENTION,
            retention_setting="CHAT_RETENTION_DAYS",
            erase=ANONYMISE,
            export=_messages,
            extra={"other_people": ("deleted_by",)},
        ),
        user_rows(
            "chat.Reaction",
            _("Reactions to chat messages"),
            retention=ROOM_RETENTION,
            retention_setting="CHAT_RETENTION_DAYS",
        ),
        user_rows(
            "chat.MessageMention",
            _("Mentions of a person in chat (to notify them once)"),
            retention=ROOM_RETENTION,
            retention_setting="CHAT_RETENTION_DAYS",
        ),
        Declaration(
            model="chat.ArchivedMessage",
            person_fields=("author",),
            purpose=_("Chat messages removed by retention or deleted, before their final deletion"),
            legal_basis=EMPLOYMENT,
            retention=_("CHAT_ARCHIVE_DAYS after removal"),
            retention_setting="CHAT_ARCHIVE_DAYS",
            erase=DELETE,
        ),
        Declaration(
            model="chat.Attachment",
            person_fields=("uploaded_by",),
            purpose=_("Files and images a person shared in chat"),
            legal_basis=EMPLOYMENT,
            retention=ROOM_RETENTION,
            retention_setting="CHAT_RETENTION_DAYS",
            erase=ANONYMISE,
            files=_attachments,
        ),
    )
