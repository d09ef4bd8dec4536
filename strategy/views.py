"""The strategy's pages: the map, versions, rounds, answers and moderation (thin: strategy.services et al.)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategy import diagram, draft, results, roles, round_view, services, voting
from strategy.models import (
    Comment,
    Element,
    Poll,
    Proposal,
    ReminderOptOut,
    Round,
    RoundExport,
    Statement,
    Version,
)

VOTER_COOKIE = "strategy_voter_{}"


def _language() -> str:
    return "sv" if (get_language() or "fi")[:2] == "sv" else "fi"


def index(request):
    """The map as last published (a version); before the first version, the current draft."""
    latest = draft.latest_version()
    elements = draft.published_elements(latest, language=_language()) if latest else draft.current_elements()
    titles = {element.key: element.title for element in elements}
    grouped = draft.by_kind(elements)
    labels = dict(Element.Kind.choices)
    labels = {k: str(v) for k, v in labels.items()}
    context = {
        "grouped": [
            (kind, labels[kind], [(item, titles.get(item.parent_key, "")) for item in items])
            for kind, items in grouped.items()
        ],
        "svg": diagram.render(grouped, labels, title=_("The strategy map")),
        "latest": latest,
        "titles": titles,
        "changes": draft.changes_since_last_visit(user=request.user, language=_language()),
        "rounds": services.rounds_with_state(),
        "can_edit": request.user.has_perm(roles.EDIT),
    }
    return render(request, "strategy/index.html", context)


@require_POST
def publish(request):
    if not request.user.has_perm(roles.EDIT):
        raise PermissionDenied
    note_fi = request.POST.get("change_note_fi", "").strip()
    if not note_fi:
        messages.error(request, _("Write a change note."))
        return redirect("strategy:index")
    round = (
        Round.objects.filter(pk=request.POST.get("round") or None).first()
        if request.POST.get("round", "").isdigit()
        else None
    )
    version = draft.publish_version(
        user=request.user,
        change_note_fi=note_fi,
        change_note_sv=request.POST.get("change_note_sv", ""),
        round=round,
    )
    messages.success(request, _("Version %(number)s published.") % {"number": version.number})
    return redirect("strategy:version", number=version.number)


def versions(request):
    return render(request, "strategy/versions.html", {"versions": Version.objects.select_related("round")})


def version(request, number):
    found = get_object_or_404(Version.objects.select_related("round"), number=number)
    return render(
        request,
        "strategy/version.html",
        {"version": found, "lines": draft.version_diff(found, language=_language())},
    )


def round_page(request, slug):
    round = get_object_or_404(Round, slug=slug)
    return render(request, "strategy/round.html", round_view.context(request, round))


def round_json(request, slug):
    round = get_object_or_404(Round, slug=slug)
    polls = []
    for poll in round.polls.all():
        found = results.poll_results(poll=poll)
        polls.append({"id": poll.pk, "question": poll.question, "results": found})
    statements = results.statement_results(round=round)
    return JsonResponse(
        {
            "round": round.slug,
            "open": round.is_open(),
            "results_visible": round.results_visible(),
            "counts": results.public_counts(round=round),
            "polls": polls,
            "statements": None
            if statements is None
            else [{k: (v if k != "statement" else v.text) for k, v in row.items()} for row in statements],
        }
    )


def _back(round, anchor=""):
    response = redirect("strategy:round", slug=round.slug)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


@require_POST
def comment(request, slug):
    round = get_object_or_404(Round, slug=slug)
    parent = (
        Comment.objects.filter(pk=request.POST.get("parent"), round=round).first()
        if request.POST.get("parent", "").isdigit()
        else None
    )
    anchor = parent.anchor if parent else request.POST.get("anchor", "")
    try:
        services.add_comment(
            round=round, user=request.user, anchor=anchor, text=request.POST.get("text", ""), parent=parent
        )
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Comment saved."))
    return _back(round, anchor)


def _typed(request, poll: Poll) -> dict[int, str]:
    """A ranking's positions (``rank-<i>``) or a dot vote's dots (``dots-<i>``) as typed."""
    prefix = "rank" if poll.kind == Poll.Kind.RANKING else "dots"
    return {i: request.POST.get(f"{prefix}-{i}", "").strip() for i in range(len(poll.options()))}


def _values(poll: Poll, typed: dict[int, str]) -> dict[int, int]:
    """As numbers: an empty ranking field is a missing position, an empty dots field no dots (ValueError else)."""
    if poll.kind == Poll.Kind.DOTS:
        return {i: int(text) if text else 0 for i, text in typed.items()}
    return {i: int(text) for i, text in typed.items() if text}


@require_POST
def vote_poll(request, poll_id):
    poll = get_object_or_404(Poll.objects.select_related("round"), pk=poll_id)
    structured = poll.kind in (Poll.Kind.RANKING, Poll.Kind.DOTS)
    typed: dict[int, str] = {}
    try:
        if structured:
            typed = _typed(request, poll)
            voting.vote_poll(poll=poll, user=request.user, values=_values(poll, typed))
        else:
            choices = [int(value) for value in request.POST.getlist("choice")]
            voting.vote_poll(poll=poll, user=request.user, choices=choices)
    except (ValueError, voting.VoteRefused) as refused:
        if isinstance(refused, ValueError):
            message = (
                _("Write the number of dots as a whole number.")
                if poll.kind == Poll.Kind.DOTS
                else _("Choose a position for each option.")
                if structured
                else _("Choose an option.")
            )
        else:
            message = refused.message
        if structured and poll.round.is_open() and not poll.participations.filter(user=request.user).exists():
            # The page again with what was typed and the error next to the form (nothing stored).
            context = round_view.context(
                request, poll.round, failed_poll=poll, posted=typed, error=str(message)
            )
            return render(request, "strategy/round.html", context, status=400)
        messages.error(request, message)
    else:
        from strategy import actions

        actions.counts_changed(round=poll.round)
        messages.success(request, _("Thank you, your answer was saved."))
    return _back(poll.round, f"poll-{poll.pk}")


@require_POST
def vote_statement(request, statement_id):
    statement = get_object_or_404(Statement.objects.select_related("round"), pk=statement_id)
    round = statement.round
    cookie = VOTER_COOKIE.format(round.pk)
    token = request.get_signed_cookie(cookie, default="", salt="strategy") or voting.new_voter_token()
    try:
        voting.vote_statement(
            statement=statement,
            user=request.user,
            voter=voting.voter_key(round=round, user=request.user, token=token),
            choice=int(request.POST.get("choice", "x")),
        )
    except ValueError:
        messages.error(request, _("Choose agree, disagree or pass."))
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    response = _back(round, "statements")
    if round.anonymous:
        response.set_signed_cookie(
            cookie,
            token,
            salt="strategy",
            max_age=60 * 60 * 24 * 120,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@require_POST
def add_statement(request, slug):
    round = get_object_or_404(Round, slug=slug)
    try:
        voting.add_statement(round=round, user=request.user, text=request.POST.get("text", ""))
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Thank you. Your statement is shown once a moderator has approved it."))
    return _back(round, "statements")


@require_POST
def moderate(request, statement_id):
    if not request.user.has_perm(roles.MODERATE):
        raise PermissionDenied
    statement = get_object_or_404(Statement, pk=statement_id)
    voting.moderate_statement(statement=statement, approve=request.POST.get("decision") == "approve")
    return _back(statement.round, "moderation")


@require_POST
def hide_comment(request, comment_id):
    if not request.user.has_perm(roles.MODERATE):
        raise PermissionDenied
    found = get_object_or_404(Comment, pk=comment_id)
    services.hide_comment(comment=found)
    return _back(found.round)


@require_POST
def proposal(request, slug):
    round = get_object_or_404(Round, slug=slug)
    try:
        services.add_proposal(
            round=round,
            user=request.user,
            title=request.POST.get("title", ""),
            text=request.POST.get("text", ""),
        )
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    return _back(round, "proposals")


@require_POST
def proposal_edit(request, proposal_id):
    found = get_object_or_404(Proposal.objects.select_related("round"), pk=proposal_id)
    if found.author_id != request.user.pk:
        raise PermissionDenied
    services.edit_proposal(
        proposal=found,
        user=request.user,
        title=request.POST.get("title", ""),
        text=request.POST.get("text", ""),
    )
    return _back(found.round, f"proposal-{found.pk}")


@require_POST
def support(request, proposal_id):
    found = get_object_or_404(Proposal.objects.select_related("round"), pk=proposal_id)
    try:
        services.support(proposal=found, user=request.user)
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    return _back(found.round, f"proposal-{found.pk}")


@require_POST
def answer(request, kind, pk):
    if not request.user.has_perm(roles.ANSWER):
        raise PermissionDenied
    model = {"ehdotus": Proposal, "kommentti": Comment}.get(kind)
    if model is None:
        raise Http404
    target = get_object_or_404(model.objects.select_related("round"), pk=pk)
    try:
        services.answer(
            target=target,
            user=request.user,
            answer=request.POST.get("answer", ""),
            text=request.POST.get("text", ""),
        )
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
    return _back(target.round, f"{'proposal' if model is Proposal else 'comment'}-{target.pk}")


def reminders(request):
    opted_out = ReminderOptOut.objects.filter(user=request.user).exists()
    if request.method == "POST":
        if request.POST.get("remind") == "no":
            ReminderOptOut.objects.get_or_create(user=request.user)
        else:
            ReminderOptOut.objects.filter(user=request.user).delete()
        messages.success(request, _("Your choice was saved."))
        return redirect("strategy:reminders")
    return render(request, "strategy/reminders.html", {"opted_out": opted_out})


@require_POST
def export(request, slug):
    """The strategy team asks for an export; the worker builds it (strategy.exports)."""
    from strategy import exports

    if not request.user.has_perm(roles.FACILITATE):
        raise PermissionDenied
    round = get_object_or_404(Round, slug=slug)
    fmt = request.POST.get("format", "")
    if fmt not in RoundExport.Format.values:
        messages.error(request, _("Choose CSV or XLSX."))
    else:
        exports.request_export(round=round, user=request.user, fmt=fmt)
        messages.success(request, _("The export is being prepared. This page shows when it is ready."))
    response = redirect("strategy:facilitation", slug=round.slug)
    response["Location"] += "#exports"
    return response


def _own_export(request, token) -> RoundExport:
    """Only the person who asked, while still in the strategy team, sees or downloads an export."""
    found = get_object_or_404(RoundExport.objects.select_related("round"), token=token)
    if found.requested_by_id != request.user.pk or not request.user.has_perm(roles.FACILITATE):
        raise Http404
    return found


def export_status(request, token):
    found = _own_export(request, token)
    return JsonResponse(found.status_json(url=reverse("strategy:export_download", args=[found.token])))


def export_download(request, token):
    found = _own_export(request, token)
    if not found.is_downloadable:
        raise PermissionDenied(_("This download link has expired. Ask for the export again."))
    content_type = (
        "text/csv; charset=utf-8"
        if found.format == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=f"strategia-{found.round.slug}-{found.finished_at:%Y-%m-%d}.{found.format}",
        content_type=content_type,
    )
