"""The strategy's pages: the map, versions, rounds, answers and moderation (thin: strategy.services et al.)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategy import diagram, draft, opinion_view, results, roles, services, voting
from strategy.models import Comment, Element, Poll, Proposal, ReminderOptOut, Round, Statement, Version
from strategy.models.participation import Answer

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
    elements = draft.current_elements()
    comments = list(
        Comment.objects.filter(round=round, hidden=False, parent__isnull=True)
        .select_related("author", "answered_by")
        .prefetch_related(Prefetch("replies", Comment.objects.select_related("author").order_by("pk")))
        .order_by("pk")
    )
    by_anchor: dict[str, list] = {}
    for comment in comments:
        by_anchor.setdefault(comment.anchor, []).append(comment)
    sections = [
        {
            "element": element,
            "comments": by_anchor.get(element.key, []),
            "paragraphs": [
                {
                    "anchor": f"{element.key}-p{i}",
                    "text": text,
                    "comments": by_anchor.get(f"{element.key}-p{i}", []),
                }
                for i, text in enumerate(draft.paragraphs(element.body), start=1)
            ],
        }
        for element in elements
    ]
    polls = [{"poll": poll, "results": results.poll_results(poll=poll)} for poll in round.polls.all()]
    voted_polls = set(round.polls.filter(participations__user=request.user).values_list("pk", flat=True))
    statements = list(Statement.objects.filter(round=round, state=Statement.State.APPROVED))
    voted_statements = set(
        Statement.objects.filter(round=round, participations__user=request.user).values_list("pk", flat=True)
    )
    context = {
        "round": round,
        "sections": sections,
        "polls": polls,
        "voted_polls": voted_polls,
        "statements": [s for s in statements if s.pk not in voted_statements],
        "statements_voted": len(voted_statements),
        "statement_results": results.statement_results(round=round),
        "opinion": opinion_view.context(round=round, statements=statements),
        "proposals": Proposal.objects.filter(round=round, hidden=False).select_related("answered_by"),
        "pending": Statement.objects.filter(round=round, state=Statement.State.PENDING)
        if request.user.has_perm(roles.MODERATE)
        else [],
        "counts": results.public_counts(round=round),
        "can_answer": request.user.has_perm(roles.ANSWER),
        "can_moderate": request.user.has_perm(roles.MODERATE),
        "can_facilitate": request.user.has_perm(roles.FACILITATE),
        "answers": Answer.choices,
        "is_open": round.is_open(),
    }
    return render(request, "strategy/round.html", context)


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


@require_POST
def vote_poll(request, poll_id):
    poll = get_object_or_404(Poll.objects.select_related("round"), pk=poll_id)
    try:
        choices = [int(value) for value in request.POST.getlist("choice")]
        voting.vote_poll(poll=poll, user=request.user, choices=choices)
    except ValueError:
        messages.error(request, _("Choose an option."))
    except voting.VoteRefused as refused:
        messages.error(request, refused.message)
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


def export(request, slug, fmt):
    from strategy import exports

    if not request.user.has_perm(roles.FACILITATE):
        raise PermissionDenied
    round = get_object_or_404(Round, slug=slug)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(round=round), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(round=round),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="strategia-{round.slug}.{fmt}"'
    return response
