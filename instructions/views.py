"""Reader views of the instruction library. Thin: parse with a form, call a service, render.

Every view that shows or acts on an instruction checks the audience first
(instructions.access.can_read); one the reader may not read answers 403 with
a page that does not name it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.atom import PlainTextAtomFeed
from instructions import access, feedback, governance, library, onboarding
from instructions.models import (
    ChangeLogEntry,
    InstructionPage,
)
from instructions.page_context import ErrorReportForm, FeedbackForm, original_of

# The recent-changes list and the Atom feed show this many entries.
RECENT_CHANGES = 40


def _readable_page_or_404(request, page_id: int) -> tuple[InstructionPage, InstructionPage]:
    page = InstructionPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("No such instruction."))
    original = original_of(page)
    if not access.can_read(user=request.user, page=original) or original.is_expired:
        raise Http404(_("No such instruction."))
    return page, original


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


# --- Feedback ----------------------------------------------------------------------------


@require_POST
def vote(request, page_id):
    page, _original = _readable_page_or_404(request, page_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose yes or no."))
        return redirect(page.url + "#palaute")
    _vote, created = feedback.vote(
        user=request.user,
        page=page,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    if created:
        messages.success(request, _("Thank you for your feedback."))
    else:
        messages.info(request, _("You have already given feedback on this version."))
    return redirect(page.url + "#palaute")


@require_POST
def report_error(request, page_id):
    page, original = _readable_page_or_404(request, page_id)
    form = ErrorReportForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["text"].strip():
        return render(
            request, "instructions/report_error.html", {"page": page, "error_form": form}, status=400
        )
    feedback.report_error(user=request.user, page=page, text=form.cleaned_data["text"])
    messages.success(request, _("Thank you. The instruction's owners have been told."))
    return redirect(page.url + "#palaute")


# --- Governance --------------------------------------------------------------------------


@require_POST
def confirm_valid(request, page_id):
    page = InstructionPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("No such instruction."))
    original = original_of(page)
    if not original.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden(render_to_string("403.html", request=request))
    new_date = governance.confirm_still_valid(user=request.user, page=original)
    messages.success(
        request,
        _("Confirmed as still valid. Next review: %(date)s.")
        % {"date": date_format(new_date, "SHORT_DATE_FORMAT")},
    )
    return redirect(_back(request, page.url or "/ohjeet/"))


# --- Onboarding --------------------------------------------------------------------------


@require_GET
def onboarding_index(request):
    paths = onboarding.paths_for(user=request.user)
    for item in paths:
        item.steps = library_items(item.steps)
    has_reports = _has_direct_reports(request.user)
    return render(request, "instructions/onboarding_index.html", {"paths": paths, "has_reports": has_reports})


@require_GET
def onboarding_path(request, slug):
    found = onboarding.paths_for(user=request.user, slug=slug)
    if not found:
        raise Http404(_("No such onboarding path."))
    path = found[0]
    path.steps = library_items(path.steps)
    return render(request, "instructions/onboarding_path.html", {"progress": path})


def library_items(steps: list[dict]) -> list[dict]:
    """Add each step's instruction in the reader's language (one query)."""
    items = library.in_reader_language([step["instruction"] for step in steps])
    for step, item in zip(steps, items):
        step["text"] = item.text
    return steps


@require_POST
def onboarding_step(request, step_id):
    done = request.POST.get("done") == "1"
    if not onboarding.set_done(user=request.user, step_id=step_id, done=done):
        raise Http404(_("No such step."))
    return redirect(_back(request, reverse("instructions:onboarding")))


def _has_direct_reports(user) -> bool:
    from teams.models import Person

    return Person.objects.filter(manager__user=user, user__is_active=True).exists()


@require_GET
def onboarding_reports(request):
    return render(
        request, "instructions/onboarding_reports.html", onboarding.direct_reports_progress(user=request.user)
    )


# --- Recent changes and the Atom feed ----------------------------------------------------


def recent_changes(*, user, limit: int = RECENT_CHANGES) -> list[ChangeLogEntry]:
    """The newest change-log entries of instructions the user may read (originals' entries)."""
    visible = access.visible_instructions(user=user)
    return list(
        ChangeLogEntry.objects.filter(page__in=visible)
        .select_related("page")
        .order_by("-published_at", "-pk")[:limit]
    )


@require_GET
def changes(request):
    entries = recent_changes(user=request.user)
    items = library.in_reader_language([entry.page for entry in entries])
    for entry, item in zip(entries, items):
        entry.text = item.text
    atom_url = None
    from news.models import FeedToken

    token = FeedToken.objects.filter(user=request.user).first()
    if token is not None:
        atom_url = request.build_absolute_uri(reverse("instructions:atom", args=[token.token]))
    return render(request, "instructions/changes.html", {"entries": entries, "atom_url": atom_url})


@login_not_required  # the secret token in the address is the credential (the news feed's token)
@require_http_methods(["GET", "HEAD"])
def atom(request, token):
    from news.services import users_by_feed_token

    user = users_by_feed_token(token=token)
    if user is None:
        raise Http404(_("No such feed."))
    feed = PlainTextAtomFeed(
        title=_("Taimi – changed instructions"),
        link=request.build_absolute_uri("/ohjeet/"),
        description=_("Changes to the instructions offered to you"),
        language="fi",
        feed_url=request.build_absolute_uri(),
    )
    for entry in recent_changes(user=user):
        feed.add_item(
            title=f"{entry.page.title}: {entry.note}",
            link=request.build_absolute_uri(entry.page.url or "/ohjeet/"),
            description=entry.note,
            unique_id=f"urn:taimi:instruction-change:{entry.pk}",
            pubdate=entry.published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
