"""The discussion under an article as a reader sees it: reactions and comments, read and rendered.

Writing (posting, editing, hiding, reacting) is news.comments; this module
reads the discussion in a fixed number of queries (:func:`comments_for`) and
renders it to HTML (:func:`article_context`), which the article page shows as
two pieces: the reactions to the article and the comments section.

**Cached per kind of viewer.** Rendering a busy discussion (a dozen comments
with their reactions, mentions and edit links) was most of an article page's
time. The HTML depends on the article and its discussion, the language, and
on who looks at it in only a few ways, so it is cached per

* article (as published: id and ``last_published_at``, so turning comments
  off, which is a publish, makes a new key), language and time zone;
* **kind of viewer**: a reader, or a moderator of the article (they see hidden
  comments with the reason, earlier versions and the hide buttons); and for
  someone who has commented on the article, that person alone (their own
  comments have edit and delete buttons, their hidden ones the reason);
* generation tokens (news.discussion_cache): the article's own (``renew_article``: any save or
  delete of a comment, comment edit, mention or reaction on it, sent at once
  and again when the transaction commits, so a reader who rendered the old
  state meanwhile cannot keep it under the new token), people's (names and
  photos: saves of people and users other than a login), the cards' (agency
  names, images, page URLs: news.fragments) and the code version.

The per-person bits that are left are put in after the cache, on every
request: the CSRF token of each form and which reactions are the reader's own
(``aria-pressed``). The cached HTML carries markers for them (:data:`CSRF_MARKER`,
``ReactionSummary.pressed``) that user text can never produce, since
everything typed is escaped (``<`` becomes ``&lt;``). A page with a form
opened by the address (``?vastaa=``, ``?muokkaa=``, ``?piilota=``) or a form
that failed is rendered for that request only; a preview is never cached.

A cache hit costs one query (the viewer's own comments and reactions on the
article, :func:`viewer_part`) besides the moderator check; a miss adds the
discussion's five.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from news import fragments
from news.comments import (
    MAX_COMMENT_LENGTH,
    MAX_REASON_LENGTH,
    REACTION_EMOJI,
    can_moderate,
    comments_open,
    profile_url,
    render_text,
)
from news.discussion_cache import DISCUSSION_SECONDS, renew_article, tokens  # noqa: F401 - renew_article: API
from news.models import Comment, CommentEdit, Mention, Reaction

# Markers in the cached HTML, replaced per request by personalise(). Both start with "<", which
# escaped text never contains, so a comment cannot fake one.
CSRF_MARKER = mark_safe("<!--taimi:csrf-->")  # noqa: S308 - a constant
_PRESSED = re.compile(r"<!--taimi:pressed:(a|c\d+):(\w+)-->")


@dataclass(frozen=True)
class ReactionSummary:
    """One reaction kind on an article (``target`` "a") or a comment ("c<id>"), with its count.

    ``pressed`` is a marker in the rendered HTML that personalise() turns into
    "true" or "false" for the reader (aria-pressed).
    """

    kind: str
    label: str
    emoji: str
    count: int
    target: str

    @property
    def pressed(self) -> SafeString:
        return mark_safe(f"<!--taimi:pressed:{self.target}:{self.kind}-->")  # noqa: S308 - kind and target are ours


def _summaries(counts: dict[str, int], target: str) -> list[ReactionSummary]:
    return [
        ReactionSummary(
            kind=kind.value,
            label=str(kind.label),
            emoji=REACTION_EMOJI[kind],
            count=counts.get(kind.value, 0),
            target=target,
        )
        for kind in Reaction.Kind
    ]


def _quote(model, field: str | None = None) -> str:
    meta = model._meta
    return connection.ops.quote_name(meta.get_field(field).column if field else meta.db_table)


def article_reactions(*, article) -> list[ReactionSummary]:
    """Counts per kind on the article (one query; plain SQL, the ORM's GROUP BY took ~1 ms to build)."""
    sql = (
        f"SELECT {_quote(Reaction, 'kind')}, COUNT(*) FROM {_quote(Reaction)}"
        f" WHERE {_quote(Reaction, 'article')} = %s GROUP BY {_quote(Reaction, 'kind')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [article.pk])
        counts = dict(cursor.fetchall())
    return _summaries(counts, "a")


@dataclass(frozen=True)
class ViewerPart:
    """The viewer's own comments on an article and their own reactions (``(target, kind)``, target as in ReactionSummary)."""

    comment_ids: frozenset
    reactions: frozenset


def viewer_part(*, article, user) -> ViewerPart:
    """What of the discussion is the viewer's own: their comments and their reactions (one query)."""
    comment, reaction = _quote(Comment), _quote(Reaction)
    c_article, c_author, c_id = _quote(Comment, "article"), _quote(Comment, "author"), _quote(Comment, "id")
    r_user, r_article, r_comment, r_kind = (
        _quote(Reaction, name) for name in ("user", "article", "comment", "kind")
    )
    sql = (
        f"SELECT 'c', {c_id}, '' FROM {comment} WHERE {c_article} = %s AND {c_author} = %s"
        f" UNION ALL SELECT 'r', {r_comment}, {r_kind} FROM {reaction} WHERE {r_user} = %s AND ({r_article} = %s"
        f" OR {r_comment} IN (SELECT {c_id} FROM {comment} WHERE {c_article} = %s))"
    )
    comment_ids, reactions = set(), set()
    with connection.cursor() as cursor:
        cursor.execute(sql, [article.pk, user.pk, user.pk, article.pk, article.pk])
        for row_kind, pk, kind in cursor.fetchall():
            if row_kind == "c":
                comment_ids.add(pk)
            else:
                reactions.add((f"c{pk}" if pk else "a", kind))
    return ViewerPart(frozenset(comment_ids), frozenset(reactions))


def _display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def comments_for(*, article, user, moderator: bool | None = None) -> list[Comment]:
    """The article's discussion as this user sees it: top-level comments, oldest first, each with ``shown_replies``.

    One light query when there are none; otherwise a fixed number whatever the number of comments: the comments with
    their authors (and profiles), mentions, the edit history the user may see, and reaction counts. Each comment gets:

    * ``state``: "visible", "hidden_notice" (hidden; the author and editors see it with the reason),
      "hidden" (others see "Hidden by an editor") or "deleted" (a placeholder kept for its replies);
    * ``html`` (render_text), ``author_name``, ``author_person``, ``author_url``, ``history`` (earlier texts,
      for the author and editors), ``reaction_summary`` and ``reaction_total``;
    * ``can_edit``, ``can_delete``, ``can_reply``, ``can_hide``, ``can_unhide``, ``can_react``.

    Deleted replies and deleted comments without shown replies are left out.
    """
    # Most articles have no comments: a light check first spares building the joined query below (~2 ms).
    if not Comment.objects.filter(article=article).exists():
        return []
    rows = list(
        Comment.objects.filter(article=article)
        .select_related("author__person", "hidden_by")
        .order_by("created_at", "pk")
    )
    if moderator is None:
        moderator = can_moderate(user=user, article=article)
    is_open = comments_open(article)
    edits = CommentEdit.objects.all() if moderator else CommentEdit.objects.filter(comment__author_id=user.pk)
    prefetch_related_objects(
        rows,
        Prefetch(
            "mentions", queryset=Mention.objects.select_related("user").only("comment_id", "user__username")
        ),
        Prefetch("edits", queryset=edits),
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    reaction_rows = (
        Reaction.objects.filter(comment__article=article)
        .order_by()
        .values("comment_id", "kind")
        .annotate(total=Count("pk"))
    )
    for row in reaction_rows:
        counts[row["comment_id"]][row["kind"]] = row["total"]

    replies: dict[int, list[Comment]] = defaultdict(list)
    top: list[Comment] = []
    for comment in rows:
        own = comment.author_id == user.pk
        if comment.deleted_at is not None:
            comment.state = "deleted"
        elif comment.hidden_at is not None:
            comment.state = "hidden_notice" if (own or moderator) else "hidden"
        else:
            comment.state = "visible"
        readable = comment.state in ("visible", "hidden_notice")
        try:
            comment.author_person = comment.author.person
        except ObjectDoesNotExist:
            comment.author_person = None
        comment.author_name = _display_name(comment.author)
        comment.author_url = profile_url(comment.author.get_username()) if comment.author_person else ""
        comment.hidden_by_name = _display_name(comment.hidden_by) if comment.hidden_by else ""
        if readable:
            links = {m.user.username.lower(): profile_url(m.user.username) for m in comment.mentions.all()}
            comment.html = render_text(comment.text, links)
            comment.history = list(comment.edits.all()) if (own or moderator) else []
        else:
            comment.html = ""
            comment.history = []
        comment.reaction_summary = _summaries(counts.get(comment.pk, {}), f"c{comment.pk}")
        comment.reaction_total = sum(counts.get(comment.pk, {}).values())
        comment.is_reply = comment.parent_id is not None
        comment.can_edit = own and is_open and comment.state == "visible"
        comment.can_delete = own and comment.deleted_at is None
        comment.can_reply = is_open and not comment.is_reply and comment.state == "visible"
        comment.can_hide = moderator and comment.state == "visible"
        comment.can_unhide = moderator and comment.state == "hidden_notice"
        comment.can_react = is_open and comment.state == "visible"
        comment.shown_replies = []
        if comment.is_reply:
            if comment.deleted_at is None:
                replies[comment.parent_id].append(comment)
        else:
            top.append(comment)
    shown = []
    for comment in top:
        comment.shown_replies = replies.get(comment.pk, [])
        if comment.state == "deleted" and not comment.shown_replies:
            continue
        shown.append(comment)
    return shown


# --- The article page ------------------------------------------------------------------------


@dataclass
class FormError:
    """A comment form that failed, to show again with the typed text and the message.

    ``form`` is "new", "reply", "edit" or "hide"; ``comment_id`` is the comment
    the form belongs to (none for "new").
    """

    form: str
    text: str
    errors: list[str]
    comment_id: int | None = None


def comment_id_from(value) -> int | None:
    """A comment id from a form or the query string (?vastaa=, ?muokkaa=, ?piilota=), or None for anything else."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else None


def _count(comments: list[Comment]) -> int:
    return sum(
        (comment.state == "visible") + sum(reply.state == "visible" for reply in comment.shown_replies)
        for comment in comments
    )


def viewer_kind(*, moderator: bool, own: ViewerPart, user) -> str:
    """ "r" (reader) or "m" (moderator), with "-u<id>" for someone who has commented on the article."""
    return ("m" if moderator else "r") + (f"-u{user.pk}" if own.comment_ids else "")


def discussion_key(request, article, *, kind: str) -> str | None:
    """The cache key of the article's rendered discussion for this kind of viewer, or None (never cached)."""
    if getattr(request, "is_preview", False) or not article.live or article.last_published_at is None:
        return None
    language = (get_language() or "fi")[:2]
    stamp = article.last_published_at.timestamp()
    return (
        f"news:discussion:{fragments.code_version()}:{':'.join(tokens(article.pk))}:{language}:"
        f"{get_current_timezone_name()}:{article.pk}@{stamp}:{kind}"
    )


def _render(article, comments: list[Comment], *, context: dict) -> dict[str, str]:
    """The two pieces of the discussion as HTML with markers (no request: nothing per person but the markers)."""
    article.reaction_summary = article_reactions(article=article)
    shared = {"original": article, "csrf_token": CSRF_MARKER, **context, "comments": comments}
    return {
        "reactions": get_template("news/_reactions.html").render(
            {**shared, "target": article, "target_kind": "article"}
        ),
        "comments": get_template("news/_comments.html").render(shared),
    }


def personalise(html: str, *, request, own: ViewerPart) -> SafeString:
    """Put the reader's CSRF token and own reactions into rendered discussion HTML."""
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    mine = own.reactions
    html = _PRESSED.sub(lambda match: "true" if (match[1], match[2]) in mine else "false", html)
    return mark_safe(html)  # noqa: S308 - rendered by autoescaping templates; only our markers were replaced


def article_context(request, article) -> dict:
    """The article page's reactions and comments as ``discussion`` (``reactions`` and ``comments`` HTML).

    ``article`` is the original. Comments stay readable after the editor turns
    commenting off (nobody can add, edit or react then). A failed comment form
    (news.comment_views sets ``request.comment_form_error``) is shown again
    where it was, with the typed text; if that form is gone (the comment was
    hidden or deleted meanwhile) the text goes to the new-comment form, and if
    commenting was turned off it is shown to copy.
    """
    user = request.user
    own = viewer_part(article=article, user=user)
    moderator = can_moderate(user=user, article=article)
    error: FormError | None = getattr(request, "comment_form_error", None)
    reply_to, hide, edit = (
        comment_id_from(request.GET.get(name)) for name in ("vastaa", "piilota", "muokkaa")
    )
    key = None
    if error is None and reply_to is None and hide is None and edit is None:
        key = discussion_key(request, article, kind=viewer_kind(moderator=moderator, own=own, user=user))
    pieces = cache.get(key) if key else None
    if pieces is None:
        comments, context = _comments_context(
            request, article, moderator=moderator, error=error, opened=(reply_to, hide, edit)
        )
        pieces = _render(article, comments, context=context)
        if key:
            cache.set(key, pieces, DISCUSSION_SECONDS)
    return {
        "discussion": {name: personalise(html, request=request, own=own) for name, html in pieces.items()}
    }


def _comments_context(
    request, article, *, moderator: bool, error: FormError | None, opened: tuple
) -> tuple[list[Comment], dict]:
    is_open = comments_open(article)
    comments = comments_for(article=article, user=request.user, moderator=moderator)
    placed = error is None
    reply_to, hide, edit = opened
    for comment in comments:
        for item in [comment, *comment.shown_replies]:
            item.form_error = None
            if error is not None and error.comment_id == item.pk:
                available = {"reply": item.can_reply, "edit": item.can_edit, "hide": item.can_hide}
                if available.get(error.form):
                    item.form_error = error
                    placed = True
            failed = item.form_error.form if item.form_error else ""
            item.reply_open = item.can_reply and (item.pk == reply_to or failed == "reply")
            item.hide_open = item.can_hide and (item.pk == hide or failed == "hide")
            item.edit_open = item.can_edit and (item.pk == edit or failed == "edit")
    context = {
        "comments_open": is_open,
        "article_url": article.url or "",
        "comment_count": _count(comments),
        "comment_max_length": MAX_COMMENT_LENGTH,
        "reason_max_length": MAX_REASON_LENGTH,
        "new_comment_text": "",
        "new_comment_errors": [],
        "comment_leftover": None,
        "comment_error_message": "",
    }
    if not placed:
        if error.form == "hide":
            context["comment_error_message"] = error.errors[0] if error.errors else ""
        elif not is_open:
            context["comment_leftover"] = error
        else:
            context["new_comment_text"] = error.text
            context["new_comment_errors"] = error.errors
    return comments, context
