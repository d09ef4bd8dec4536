"""Chat pages and the JSON API the chat script uses. Thin: every view calls chat services, which check
membership; a ChatError becomes a JSON error (API) or a message and a redirect (forms)."""

import datetime
import json
from functools import wraps

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chat import attachments, messages, people, rooms
from chat.errors import ChatError
from chat.frames import attachment_dict, message_dict, person

User = get_user_model()


def api(view):
    """JSON in and out; ChatError -> {"error": {code, message}} with its status."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ChatError as error:
            return JsonResponse({"error": error.as_dict()}, status=error.status)

    return wrapper


def _json_body(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except (
        ValueError,
        UnicodeDecodeError,
        RecursionError,
    ):  # RecursionError: nesting deeper than the parser allows
        raise ChatError("invalid_json", "Invalid JSON.") from None
    if not isinstance(data, dict):
        raise ChatError("invalid_json", "Invalid JSON.")
    return data


def _query_datetime(request, name: str):
    """An ISO 8601 date and time from the query string, in UTC; None when absent. Anything that is not a real
    moment (30 February, an offset of +99:00, a year so early or late it leaves the calendar in UTC) is a
    400 with a message, never a 500."""
    value = request.GET.get(name) or ""
    if not value:
        return None
    try:
        parsed = parse_datetime(value[:64]) if len(value) <= 64 else None
        if parsed is not None:
            if timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed)
            parsed = parsed.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise ChatError(
            "invalid_datetime",
            _("“%(name)s” must be a date and time such as %(example)s.")
            % {"name": name, "example": "2026-12-06T14:30:00+02:00"},
        )
    return parsed


def room_entry(membership) -> dict:
    room = membership.room
    return {
        "id": room.pk,
        "kind": room.kind,
        "title": rooms.room_title(membership),
        "topic": room.topic,
        "last_seq": room.last_seq,
        "read_seq": membership.last_read_seq,
        "unread": membership.unread,
        "role": membership.role,
        "partner": getattr(membership, "partner_username", None) if room.kind == room.Kind.DIRECT else None,
        "partner_id": getattr(membership, "partner_id", None) if room.kind == room.Kind.DIRECT else None,
    }


_ID_SENTINEL = 987654321987


def _url_for_ids(name: str, *rest):
    """A function of a room id giving the URL ``reverse(name, args=[id, *rest])`` with one reverse()."""
    pattern = reverse(name, args=[_ID_SENTINEL, *rest])
    return lambda pk: pattern.replace(str(_ID_SENTINEL), str(int(pk)))


# --- Pages -------------------------------------------------------------------------------------


@require_GET
def chat_page(request, room_id=None):
    memberships = list(rooms.memberships_for(user=request.user))
    current = None
    if room_id is not None:
        try:
            current = rooms.require_member(user=request.user, room_id=room_id)
        except ChatError:
            raise Http404("No such room.") from None
        current = next((m for m in memberships if m.room_id == current.room_id), current)
    entries = [room_entry(m) for m in memberships]
    # One reverse() per list, not one {% url %} per room (a reader may be in dozens of rooms).
    room_url = _url_for_ids("chat:room")
    for entry, membership in zip(entries, memberships, strict=True):
        entry["membership"] = membership
        entry["url"] = room_url(entry["id"])
    open_rooms = list(rooms.open_rooms(user=request.user)[:50])
    join_url = _url_for_ids("chat:room_action", "join")
    for room in open_rooms:
        room.join_url = join_url(room.pk)
    return render(
        request,
        "chat/chat.html",
        {
            "rooms": entries,
            "current": current,
            "current_title": rooms.room_title(current) if current else "",
            "unread_total": sum(e["unread"] for e in entries),
            "open_rooms": open_rooms,
            "config": {
                "user": person(request.user),
                "room": current.room_id if current else None,
                "rooms": [{k: v for k, v in e.items() if k not in ("membership", "url")} for e in entries],
            },
        },
    )


@require_POST
def create_room(request):
    try:
        room = rooms.create_room(
            user=request.user,
            name=request.POST.get("name"),
            kind=request.POST.get("kind") or "group",
            topic=request.POST.get("topic", ""),
            member_ids=_user_ids(request.POST.get("members", "")),
        )
    except ChatError as error:
        flash.error(request, error.message)
        return redirect("chat:index")
    return redirect("chat:room", room_id=room.pk)


def _user_ids(text: str) -> list[int]:
    """Active users named in a comma-separated list of user names (what the people picker fills in)."""
    names = [n.strip().lstrip("@") for n in text.replace(";", ",").split(",") if n.strip()][:100]
    return list(User.objects.filter(username__in=names, is_active=True).values_list("pk", flat=True))


@require_POST
def direct(request, username):
    other = User.objects.filter(username=username, is_active=True).first()
    if other is None:
        raise Http404("No such person.")
    try:
        room = rooms.direct_room(user=request.user, other_id=other.pk)
    except ChatError as error:
        flash.error(request, error.message)
        return redirect("chat:index")
    return redirect("chat:room", room_id=room.pk)


@require_POST
def direct_form(request):
    """The "new direct message" form: the picker's chosen person, or what was typed (a user name, with or
    without @, or a name that matches exactly one person)."""
    typed = (request.POST.get("username") or "").strip().lstrip("@")
    username = (request.POST.get("person") or "").strip() or typed
    if not User.objects.filter(username=username, is_active=True).exists():
        found = people.lookup(user=request.user, query=typed, limit=2) if typed else []
        if len(found) != 1:
            flash.error(
                request,
                _(
                    "No one matches %(name)s. Type a few letters of the name and pick the "
                    "person from the list."
                )
                % {"name": typed[:150]},
            )
            return redirect("chat:index")
        username = found[0]["username"]
    return direct(request, username)


@require_POST
def room_action(request, room_id, action):
    """Join, leave, rename, archive, add and remove members (owners; membership checked by the services)."""
    try:
        if action == "join":
            rooms.join(user=request.user, room_id=room_id)
        elif action == "leave":
            rooms.leave(user=request.user, room_id=room_id)
            return redirect("chat:index")
        elif action == "rename":
            rooms.rename(
                user=request.user,
                room_id=room_id,
                name=request.POST.get("name"),
                topic=request.POST.get("topic"),
            )
        elif action == "archive":
            rooms.archive(user=request.user, room_id=room_id)
            return redirect("chat:index")
        elif action == "add":
            for user_id in _user_ids(request.POST.get("members", "")):
                rooms.add_member(user=request.user, room_id=room_id, member_id=user_id)
        elif action == "remove":
            rooms.remove_member(user=request.user, room_id=room_id, member_id=request.POST.get("user"))
        else:
            raise Http404("Unknown action.")
    except ChatError as error:
        if error.status == 403 and error.code == "not_member":
            raise Http404("No such room.") from None
        flash.error(request, error.message)
    return redirect("chat:room", room_id=room_id)


def _language() -> str:
    return "sv" if (get_language() or "fi").startswith("sv") else "fi"


@require_GET
def search_page(request):
    query = request.GET.get("q", "")
    room_id = request.GET.get("room") or None
    try:
        found = messages.search(user=request.user, query=query, room_id=room_id, language=_language())
    except ChatError:
        raise Http404("No such room.") from None
    for message in found.messages:
        message.room_title = rooms.plain_title(message.room)
    return render(
        request,
        "chat/search.html",
        {"query": query, "results": found.messages, "room_id": room_id, "degraded": found.degraded},
    )


# --- JSON API ----------------------------------------------------------------------------------


@api
@require_GET
def api_rooms(request):
    entries = [room_entry(m) for m in rooms.memberships_for(user=request.user)]
    return JsonResponse({"rooms": entries, "unread_total": sum(e["unread"] for e in entries)})


@api
def api_messages(request, room_id):
    if request.method == "POST":
        data = _json_body(request)
        message, created = messages.post_message(
            user=request.user,
            room_id=room_id,
            body=data.get("body"),
            client_id=data.get("client_id", ""),
            reply_to=data.get("reply_to"),
            attachment_ids=data.get("attachments"),
        )
        return JsonResponse(
            {"message": message_dict(message), "created": created}, status=201 if created else 200
        )
    if "after" in request.GET:
        changed = _query_datetime(request, "changed_since")
        page, more = messages.since(
            user=request.user, room_id=room_id, after=request.GET["after"], changed_since=changed
        )
        return JsonResponse({"messages": [message_dict(m) for m in page], "more_after": more})
    page, more = messages.history(
        user=request.user, room_id=room_id, before=request.GET.get("before") or None
    )
    return JsonResponse({"messages": [message_dict(m) for m in page], "more_before": more})


@api
@require_POST
def api_message_action(request, message_id, action):
    data = _json_body(request)
    if action == "edit":
        message = messages.edit_message(user=request.user, message_id=message_id, body=data.get("body"))
    elif action == "delete":
        message = messages.delete_message(user=request.user, message_id=message_id)
    elif action in ("react", "unreact"):
        message = messages.react(
            user=request.user, message_id=message_id, emoji=data.get("emoji"), add=action == "react"
        )
    else:
        raise Http404("Unknown action.")
    return JsonResponse({"message": message_dict(message)})


@api
@require_GET
def api_edit_history(request, message_id):
    message, edits = messages.edit_history(user=request.user, message_id=message_id)
    return JsonResponse(
        {
            "current": "" if message.deleted_at else message.body,
            "edits": [{"body": e.body, "edited": e.edited_at.isoformat()} for e in edits],
        }
    )


@api
@require_POST
def api_read(request, room_id, action):
    if action not in ("read", "unread"):
        raise Http404("Unknown action.")
    data = _json_body(request)
    service = messages.mark_read if action == "read" else messages.mark_unread
    membership = service(user=request.user, room_id=room_id, seq=data.get("seq"))
    return JsonResponse({"room": membership.room_id, "read_seq": membership.last_read_seq})


@api
@require_GET
def api_members(request, room_id):
    """The room's members; with ``q``, the @mention list: best name match first (diacritics ignored), then
    team-mates, at most eight."""
    found = people.mention_candidates(user=request.user, room_id=room_id, query=request.GET.get("q") or "")
    return JsonResponse({"members": found})


@api
@require_GET
def api_people(request):
    """The people picker (new direct message, new room, add members): ``{"people": [{id, username, name,
    title, unit, agency}]}``, best match first, recent contacts and team-mates first among equals."""
    return JsonResponse({"people": people.lookup(user=request.user, query=request.GET.get("q") or "")})


@api
@require_POST
def api_upload(request, room_id):
    attachment = attachments.store_upload(
        user=request.user, room_id=room_id, upload=request.FILES.get("file")
    )
    return JsonResponse({"attachment": attachment_dict(attachment)}, status=201)


@api
@require_GET
def api_search(request):
    found = messages.search(
        user=request.user,
        query=request.GET.get("q", ""),
        room_id=request.GET.get("room"),
        language=_language(),
    )
    return JsonResponse(
        {
            "results": [
                {
                    "room": m.room_id,
                    "seq": m.seq,
                    "author": person(m.author),
                    "body": m.body[:300],
                    "snippet_html": m.snippet_html,
                    "created": m.created_at.isoformat(),
                }
                for m in found.messages
            ],
            "degraded": found.degraded,
        }
    )


def _serve(request, attachment_id, thumbnail=False):
    try:
        attachment = attachments.readable_attachment(user=request.user, attachment_id=attachment_id)
    except ChatError:
        raise Http404("No such attachment.") from None
    field = attachment.thumbnail if thumbnail else attachment.file
    if not field:
        raise Http404("No such attachment.")
    inline = attachment.kind == attachment.Kind.IMAGE
    response = FileResponse(
        field.open("rb"),
        as_attachment=not inline,
        filename=attachment.original_name,
        content_type="image/jpeg" if thumbnail else attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=86400"
    return response


@require_GET
def attachment(request, attachment_id):
    return _serve(request, attachment_id)


@require_GET
def attachment_thumb(request, attachment_id):
    return _serve(request, attachment_id, thumbnail=True)
