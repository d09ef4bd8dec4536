"""Comments, reactions and the @mention people search. Thin: parse, call news.comments, redirect or re-render.

Every view is POST-only except the people search; signing in is required by
the middleware. A refused action answers 403 (PermissionDenied), a missing
article or comment 404. A comment form with bad input (too long, empty, rate
limit) renders the article again with status 400, the typed text and the
message in place, so nothing typed is lost.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from news import comments, discussion, services
from news.models import Comment, NewsArticlePage, Reaction


class CommentForm(forms.Form):
    # Length and emptiness are checked by news.comments.clean_text (one message for every entry point).
    text = forms.CharField(required=False, strip=False)
    parent = forms.IntegerField(required=False, min_value=1)


class ReasonForm(forms.Form):
    reason = forms.CharField(required=False)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


def _article(page_id: int) -> NewsArticlePage:
    page = NewsArticlePage.objects.live().filter(pk=page_id).select_related("publisher").first()
    if page is None:
        raise Http404(_("No such article."))
    return services.original_of(page)


def _comment(comment_id: int) -> Comment:
    comment = Comment.objects.filter(pk=comment_id).select_related("article").first()
    if comment is None or not comment.article.live:
        raise Http404(_("No such comment."))
    return comment


def _article_url(article: NewsArticlePage, anchor: str = "") -> str:
    return f"{article.url or '/'}{'#' + anchor if anchor else ''}"


def _render_with_error(request, article: NewsArticlePage, error: discussion.FormError, status: int = 400):
    """The article page again (in the reader's language), with the failed form filled in and its message."""
    page = article.localized.specific
    request.comment_form_error = error
    return TemplateResponse(request, page.get_template(request), page.get_context(request), status=status)


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _form_errors(form: forms.Form) -> list[str]:
    return [str(message) for errors in form.errors.values() for message in errors]


def _write(request, article, *, kind: str, text: str, comment_id, action):
    """Run a comment write; refused input comes back on the article page with the typed text kept.

    Returns ``(result, None)``, or ``(None, response)`` when the text was refused
    or commenting was turned off while the reader was typing (403, the text
    shown to copy). Any other PermissionDenied propagates.
    """
    try:
        return action(), None
    except ValidationError as error:
        return None, _render_with_error(
            request, article, discussion.FormError(kind, text, _messages(error), comment_id)
        )
    except PermissionDenied:
        if not comments.comments_open(article):
            return None, _render_with_error(
                request,
                article,
                discussion.FormError(
                    kind, text, [_("Comments are turned off for this article.")], comment_id
                ),
                status=403,
            )
        raise


def _save_text(request, article, *, kind: str, comment_id: int | None, action, done: str):
    """Post or edit a comment's text: the form, the write (``action(form)`` returns the comment), message, redirect.

    Bad input re-renders the article with the typed text in the form it came
    from (``kind`` and ``comment_id``, as in news.discussion.FormError).
    """
    text = request.POST.get("text", "")
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_with_error(
            request, article, discussion.FormError(kind, text, _form_errors(form), comment_id)
        )
    comment, refused = _write(
        request, article, kind=kind, text=text, comment_id=comment_id, action=lambda: action(form)
    )
    if refused:
        return refused
    messages.success(request, done)
    return redirect(_article_url(article, f"comment-{comment.pk}"))


@require_POST
def comment_post(request, page_id):
    article = _article(page_id)
    parent_id = discussion.comment_id_from(request.POST.get("parent"))

    def post(form):
        parent = None
        if form.cleaned_data["parent"]:
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"], article=article).first()
            if parent is None:
                raise Http404(_("No such comment."))
        return comments.post_comment(
            user=request.user, article=article, text=request.POST.get("text", ""), parent=parent
        )

    return _save_text(
        request,
        article,
        kind="reply" if request.POST.get("parent") else "new",
        comment_id=parent_id,
        action=post,
        done=_("Your comment was published."),
    )


@require_POST
def comment_edit(request, comment_id):
    comment = _comment(comment_id)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    return _save_text(
        request,
        comment.article,
        kind="edit",
        comment_id=comment.pk,
        done=_("Your comment was saved."),
        action=lambda form: comments.edit_comment(
            user=request.user, comment=comment, text=request.POST.get("text", "")
        ),
    )


@require_POST
def comment_delete(request, comment_id):
    comment = _comment(comment_id)
    comments.delete_comment(user=request.user, comment=comment)
    messages.success(request, _("Your comment was deleted."))
    return redirect(_article_url(comment.article, "comments"))


@require_POST
def comment_hide(request, comment_id):
    comment = _comment(comment_id)
    if not comments.can_moderate(user=request.user, article=comment.article):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    reason = request.POST.get("reason", "")
    try:
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        comments.hide_comment(user=request.user, comment=comment, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        return _render_with_error(
            request, comment.article, discussion.FormError("hide", reason, _messages(error), comment.pk)
        )
    messages.success(request, _("The comment is hidden. Its author sees your reason."))
    return redirect(_article_url(comment.article, f"comment-{comment.pk}"))


@require_POST
def comment_unhide(request, comment_id):
    comment = _comment(comment_id)
    comments.unhide_comment(user=request.user, comment=comment)
    messages.success(request, _("The comment is shown again."))
    return redirect(_article_url(comment.article, f"comment-{comment.pk}"))


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _react(request, *, article, comment=None):
    form = ReactionForm(request.POST)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"error": _("Unknown reaction.")}, status=400)
        messages.error(request, _("Unknown reaction."))
        return redirect(_article_url(article, f"comment-{comment.pk}" if comment else "reactions"))
    kind = form.cleaned_data["kind"]
    if comment is not None:
        active, count = comments.toggle_reaction(user=request.user, kind=kind, comment=comment)
    else:
        active, count = comments.toggle_reaction(user=request.user, kind=kind, article=article)
    if _wants_json(request):
        return JsonResponse({"kind": kind, "active": active, "count": count})
    return redirect(_article_url(article, f"comment-{comment.pk}" if comment else "reactions"))


@require_POST
def react_article(request, page_id):
    return _react(request, article=_article(page_id))


@require_POST
def react_comment(request, comment_id):
    comment = _comment(comment_id)
    return _react(request, article=comment.article, comment=comment)


@require_GET
def people(request):
    """Up to eight active people for the @mention autocomplete: ``{"results": [{username, name, title}]}``."""
    results = comments.people_suggestions(query=request.GET.get("q", ""), user=request.user)
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "private, max-age=60"
    return response
