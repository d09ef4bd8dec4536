"""Comments, reactions and mentions on news articles (services; views in news.comment_views).

Everything points at the *original* article (news.services.original_of), so the
Finnish and Swedish versions share one discussion.

* Comments: one level of replies (a reply to a reply joins the same thread),
  edits keep the earlier text (:class:`news.models.CommentEdit`) and show an
  "edited" mark, the author deletes softly, editors of the article hide with a
  reason that the author sees. Commenting, editing and reacting to comments
  need ``allow_comments``; deleting and hiding work even after comments are
  turned off, so nobody is stuck with words they want gone.
* Reactions: one per kind per person on an article or a comment, toggled.
* Mentions: ``@username`` in a comment notifies that person once per comment
  (one :class:`news.models.Mention` row, and the notification key), also when
  the mention is added by an edit, through news.actions.mention_created.

Text is stored as typed (only line endings are normalised) and rendered by
:func:`render_text`: everything escaped, http(s) links and known mentions made
clickable, line breaks kept. Reading and rendering a discussion (and its cache)
is news.discussion.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import ratelimit
from core.text import mentioned_usernames, render_text  # noqa: F401  (news.discussion, tests)
from news import services
from news.models import Comment, CommentEdit, Mention, NewsArticlePage, Reaction
from news.permissions import can_edit_for_agency

# --- Limits ----------------------------------------------------------------------------------
# 2000 characters is a long paragraph or three: room for a real answer, while a
# wall of text belongs in an article or a document. Counted in characters
# (code points), so "ä" and an emoji each count as one.
MAX_COMMENT_LENGTH = 2000
# A moderation reason is a sentence, shown to the author; the model allows 300.
MAX_REASON_LENGTH = 300
# Five comments a minute lets a lively discussion flow (nobody writes a
# considered comment every ten seconds) and stops a script or a stuck key from
# flooding a thread. A hundred a day is far beyond any real person and still
# caps the damage of a compromised account. The minute's rate is core.ratelimit's
# (deleting a comment does not give the attempt back); the day's quota is counted
# in the database, deleted comments included.
COMMENTS_PER_MINUTE = 5
COMMENTS_PER_DAY = 100
# People notified by one comment: enough for a meeting's worth of names,
# too few to page a whole unit by pasting a list of user names.
MAX_MENTIONS = 10
# Suggestions in the @mention autocomplete: a short list fits a phone screen.
PEOPLE_SUGGESTIONS = 8

# The reaction kinds with their emoji (the label comes from Reaction.Kind).
REACTION_EMOJI = {
    Reaction.Kind.LIKE: "👍",
    Reaction.Kind.THANKS: "🙏",
    Reaction.Kind.INSIGHTFUL: "💡",
    Reaction.Kind.CELEBRATE: "🎉",
}

# --- Who may do what -------------------------------------------------------------------------


def comments_open(article: NewsArticlePage) -> bool:
    return bool(article.allow_comments and article.live)


def can_moderate(*, user, article: NewsArticlePage) -> bool:
    """National editors, and regional editors of the agency that published the article."""
    return bool(user.is_authenticated and can_edit_for_agency(user, article.publisher_id))


# --- Text ------------------------------------------------------------------------------------


def clean_text(text: str | None) -> str:
    """The text as typed, with Windows and old Mac line endings made "\\n" and outer blank space removed.

    Raises ValidationError with a message for the reader when the text is empty, too long or has NUL
    characters (PostgreSQL cannot store them; nobody types them).
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in text:
        raise ValidationError(_("The text contains a character that cannot be saved (NUL)."), code="null")
    if not text:
        raise ValidationError(_("Write something before sending."), code="empty")
    if len(text) > MAX_COMMENT_LENGTH:
        raise ValidationError(
            _(
                "A comment can be at most %(max)d characters long; this one has %(length)d. Shorten it and send again."
            )
            % {"max": MAX_COMMENT_LENGTH, "length": len(text)},
            code="too_long",
        )
    return text


def profile_url(username: str) -> str:
    return reverse("teams:person", kwargs={"username": username})


# --- Writing ---------------------------------------------------------------------------------


def _check_rate(user) -> None:
    if not ratelimit.allow(key=f"comment:{user.pk}", limit=COMMENTS_PER_MINUTE, window=60):
        raise ValidationError(
            ngettext(
                "You can send at most %(count)d comment a minute. Wait a moment and send again; your text is kept.",
                "You can send at most %(count)d comments a minute. Wait a moment and send again; your text is kept.",
                COMMENTS_PER_MINUTE,
            )
            % {"count": COMMENTS_PER_MINUTE},
            code="rate_minute",
        )
    # The daily quota is counted from the stored rows (deleted comments included): it must outlive a cache flush.
    since = timezone.now() - datetime.timedelta(days=1)
    if Comment.objects.filter(author=user, created_at__gte=since).count() >= COMMENTS_PER_DAY:
        raise ValidationError(
            _(
                "You have sent %(count)d comments in the last 24 hours, the most allowed. "
                "Please continue tomorrow; copy your text if you want to keep it."
            )
            % {"count": COMMENTS_PER_DAY},
            code="rate_day",
        )


def _record_mentions(comment: Comment) -> list[Mention]:
    """Store a Mention for each newly @mentioned active person and notify them (never the author, never twice)."""
    from news import actions

    names = mentioned_usernames(comment.text)[:MAX_MENTIONS]
    if not names:
        return []
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(lower_username=Lower("username"))
        .filter(lower_username__in=names)
        .exclude(pk=comment.author_id)
        .only("pk", "username")
    )
    already = set(Mention.objects.filter(comment=comment).values_list("user_id", flat=True))
    # At most MAX_MENTIONS people per comment in all, so editing in new names cannot page a whole unit.
    room = MAX_MENTIONS - len(already)
    found = sorted(
        (user for user in users if user.pk not in already),
        key=lambda user: names.index(user.username.lower()),
    )
    new = [Mention(comment=comment, user=user) for user in found[: max(room, 0)]]
    if not new:
        return []
    Mention.objects.bulk_create(new, ignore_conflicts=True)
    for mention in new:
        actions.mention_created(mention=mention)
    return new


@transaction.atomic
def post_comment(*, user, article: NewsArticlePage, text: str, parent: Comment | None = None) -> Comment:
    """Publish a comment (or a reply to ``parent``). PermissionDenied where comments are off;
    ValidationError with a message for the reader for bad text, a gone parent or a rate limit."""
    article = services.original_of(article)
    if not comments_open(article):
        raise PermissionDenied(_("Comments are turned off for this article."))
    text = clean_text(text)
    if parent is not None:
        if parent.article_id != article.pk:
            raise ValidationError(_("That comment belongs to another article."), code="parent")
        if parent.parent_id is not None:  # one level of replies: a reply to a reply joins the thread
            parent = Comment.objects.get(pk=parent.parent_id)
        if not parent.is_visible:
            raise ValidationError(
                _(
                    "The comment you replied to is no longer shown, so your reply was not sent. "
                    "You can send it as a new comment."
                ),
                code="parent_gone",
            )
    _check_rate(user)
    comment = Comment.objects.create(article=article, author=user, parent=parent, text=text)
    _record_mentions(comment)
    return comment


@transaction.atomic
def edit_comment(*, user, comment: Comment, text: str) -> Comment:
    """The author changes the text; the earlier text is kept and new mentions notify."""
    comment = Comment.objects.select_for_update().select_related("article").get(pk=comment.pk)
    if comment.author_id != user.pk:
        raise PermissionDenied(_("Only the author can edit a comment."))
    if not comments_open(comment.article):
        raise PermissionDenied(_("Comments are turned off for this article."))
    if comment.deleted_at is not None:
        raise ValidationError(_("This comment was deleted."), code="deleted")
    if comment.hidden_at is not None:
        raise ValidationError(_("An editor has hidden this comment, so it cannot be edited."), code="hidden")
    text = clean_text(text)
    if text == comment.text:
        return comment
    now = timezone.now()
    CommentEdit.objects.create(comment=comment, text=comment.text, replaced_at=now)
    comment.text = text
    comment.edited_at = now
    comment.save(update_fields=["text", "edited_at"])
    _record_mentions(comment)
    return comment


def delete_comment(*, user, comment: Comment) -> Comment:
    """The author removes their comment (kept in the database; a thread with replies shows "Deleted")."""
    if comment.author_id != user.pk:
        raise PermissionDenied(_("Only the author can delete a comment."))
    if comment.deleted_at is None:
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["deleted_at"])
    return comment


def clean_reason(reason: str | None) -> str:
    reason = " ".join((reason or "").replace("\x00", "").split())
    if not reason:
        raise ValidationError(_("Tell the author why the comment is hidden."), code="empty")
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            _("The reason can be at most %(max)d characters long.") % {"max": MAX_REASON_LENGTH},
            code="too_long",
        )
    return reason


def hide_comment(*, user, comment: Comment, reason: str) -> Comment:
    """An editor of the article hides a comment from readers; the author sees the reason."""
    if not can_moderate(user=user, article=comment.article):
        raise PermissionDenied(_("Only the article's editors can hide comments."))
    reason = clean_reason(reason)
    if comment.deleted_at is not None:
        raise ValidationError(_("This comment was deleted."), code="deleted")
    comment.hidden_at = timezone.now()
    comment.hidden_by = user
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment


def unhide_comment(*, user, comment: Comment) -> Comment:
    """An editor shows a hidden comment again."""
    if not can_moderate(user=user, article=comment.article):
        raise PermissionDenied(_("Only the article's editors can show hidden comments."))
    comment.hidden_at = None
    comment.hidden_by = None
    comment.hidden_reason = ""
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment


def toggle_reaction(
    *, user, kind: str, article: NewsArticlePage | None = None, comment: Comment | None = None
) -> tuple[bool, int]:
    """Add the user's reaction of this kind, or remove it if it was there. Returns (active, count of this kind)."""
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Unknown reaction."), code="kind")
    if (article is None) == (comment is None):
        raise ValueError("React to an article or a comment, not both.")
    if comment is not None:
        if not comment.is_visible or not comments_open(comment.article):
            raise PermissionDenied(_("You cannot react to this comment."))
        target = {"comment": comment}
    else:
        article = services.original_of(article)
        if not article.live:
            raise PermissionDenied(_("You cannot react to this article."))
        target = {"article": article}
    with transaction.atomic():
        removed, _details = Reaction.objects.filter(user=user, kind=kind, **target).delete()
        active = not removed
        if active:
            try:
                with transaction.atomic():
                    Reaction.objects.create(user=user, kind=kind, **target)
            except IntegrityError:  # a double click: the other request added it
                pass
    return active, Reaction.objects.filter(kind=kind, **target).count()


def people_suggestions(*, query: str, limit: int = PEOPLE_SUGGESTIONS, user=None) -> list[dict]:
    """Active people for the @mention autocomplete: by name (diacritics ignored), title or expertise words, or
    user name start. Best name match first, then the viewer's team-mates, then the others."""
    from teams.models import Person
    from teams.name_search import CANDIDATES, rank_people, team_mate_ids
    from teams.services import clean_query, search_people

    query = clean_query(query or "").lstrip("@").strip()
    if not query:
        return []
    by_words = search_people(query=query.replace(".", " ").replace("_", " ")).order_by()
    people = list(
        Person.objects.active()
        .select_related("user")
        .filter(Q(pk__in=Subquery(by_words.values("pk"))) | Q(user__username__istartswith=query))
        .order_by("user__last_name", "user__first_name", "pk")[:CANDIDATES]
    )
    close = team_mate_ids(user=user) if user is not None and user.is_authenticated else []
    words = query.replace(".", " ").replace("_", " ")
    people = rank_people(people, query=words, close_ids=close, limit=limit)
    return [
        {"username": person.user.username, "name": person.full_name, "title": person.title}
        for person in people
    ]
