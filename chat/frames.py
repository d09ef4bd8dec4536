"""Messages as JSON: the same dict for the HTTP API and the live frames.

A message's dict has nothing per reader in it, so a broadcast is serialised
once for every member. Text goes out twice: ``body`` as typed (for editing)
and ``parts``, the same text cut by the news comments' tokenizer into
``["text", s]``, ``["url", href]`` and ``["mention", username]``; the browser
builds text nodes and http(s) links from them and never parses HTML.
"""

import json

from core.text import tokens  # one tokenizer for comments and chat: a linked mention is one that notified

# A reply shows this much of the message it answers.
QUOTE_CHARS = 140


def dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def text_parts(body: str, mentioned: set[str]) -> list[list[str]]:
    parts = []
    for kind, value in tokens(body):
        if kind == "url":
            href = value if value.lower().startswith(("http://", "https://")) else f"https://{value}"
            parts.append(["url", href, value])
        elif kind == "mention" and (value.lower() in mentioned or value.lower() == "room"):
            parts.append(["mention", value])
        elif kind == "mention":
            parts.append(["text", "@" + value])
        elif parts and parts[-1][0] == "text":
            parts[-1][1] += value
        else:
            parts.append(["text", value])
    return parts


def person(user) -> dict | None:
    if user is None:
        return None
    return {
        "id": user.pk,
        "username": user.get_username(),
        "name": user.get_full_name() or user.get_username(),
    }


def attachment_dict(attachment) -> dict:
    from django.urls import reverse

    data = {
        "id": attachment.pk,
        "kind": attachment.kind,
        "name": attachment.original_name,
        "size": attachment.size,
        "type": attachment.content_type,
        "url": reverse("chat:attachment", kwargs={"attachment_id": attachment.pk}),
    }
    if attachment.kind == "image":
        data.update(
            width=attachment.width,
            height=attachment.height,
            thumb=reverse("chat:attachment_thumb", kwargs={"attachment_id": attachment.pk}),
        )
    return data


def message_dict(message) -> dict:
    """Expects author, reply_to__author selected and reactions, mentions__user, attachments prefetched
    (chat.messages.message_queryset), so a page of messages costs a fixed number of queries."""
    deleted = message.deleted_at is not None
    data = {
        "id": message.pk,
        "room": message.room_id,
        "seq": message.seq,
        "client_id": message.client_id,
        "author": person(message.author),
        "created": message.created_at.isoformat(),
        "updated": message.updated_at.isoformat(),
        "edited": message.edited_at.isoformat() if message.edited_at else None,
        "deleted": deleted,
        "body": "" if deleted else message.body,
        "parts": []
        if deleted
        else text_parts(message.body, {m.user.get_username().lower() for m in message.mentions.all()}),
        "reactions": [],
        "attachments": [] if deleted else [attachment_dict(a) for a in message.attachments.all()],
        "reply_to": None,
    }
    counts: dict[str, list[int]] = {}
    for reaction in message.reactions.all():
        counts.setdefault(reaction.emoji, []).append(reaction.user_id)
    data["reactions"] = [{"emoji": emoji, "users": users} for emoji, users in counts.items()]
    parent = message.reply_to
    if parent is not None:
        data["reply_to"] = {
            "id": parent.pk,
            "seq": parent.seq,
            "author": person(parent.author),
            "excerpt": "" if parent.deleted_at else parent.body[:QUOTE_CHARS],
            "deleted": parent.deleted_at is not None,
        }
    return data
