"""People, teams and places for readers. Views parse, call teams.services, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teams import cards, services
from teams.forms import (
    DirectoryFilterForm,
    PhotoForm,
    ProfileForm,
)
from teams.models import Location, Person, Team


def _page(request, queryset, per_page=services.DIRECTORY_PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    # The expertise tags are fetched for the cards that are not in the cache only (teams.cards).
    people = services.search_people(**form.filters()).prefetch_related(None)
    page = _page(request, people)
    page.object_list = services.with_presence(page.object_list)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "teams/directory.html",
        {
            "form": form,
            "filter_form": cards.render_filter_form(form, request=request),
            "page": page,
            "cards": cards.render_cards(page.object_list, request=request),
            "query_string": query_string.urlencode(),
        },
    )


def person_detail(request, username):
    try:
        person = services.person_profile(username=username)
    except Person.DoesNotExist:
        raise Http404(_("No such person.")) from None
    services.with_presence([person])
    return render(
        request, "teams/person_detail.html", {"person": person, "is_me": person.user_id == request.user.pk}
    )


def own_person(request) -> Person:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404(_("Your account has no profile yet. Ask an administrator to create one."))
    return person


@require_http_methods(["GET", "POST"])
def profile_edit(request):
    person = own_person(request)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.update_own_profile(person=person, **form.cleaned_data)
            messages.success(request, _("Your profile was saved."))
            return redirect(person.get_absolute_url())
    else:
        form = ProfileForm(
            initial={
                "phone": person.phone,
                "languages": person.languages,
                # Tag objects, as taggit's TagField expects (a list of names is
                # not): its widget writes them out with multi-word tags quoted
                # ("sisäinen viestintä"), so saving the form back keeps each one.
                "expertise": list(person.expertise.all()),
            }
        )
    return render(
        request, "teams/profile_edit.html", {"person": person, "form": form, "photo_form": PhotoForm()}
    )


@require_http_methods(["GET", "POST"])
def photo_edit(request):
    person = own_person(request)
    if request.method == "POST" and request.POST.get("remove"):
        services.remove_profile_photo(person=person)
        messages.success(request, _("Your photo was removed."))
        return redirect("teams:profile_edit")
    form = PhotoForm(request.POST, request.FILES) if request.method == "POST" else PhotoForm()
    if form.is_bound:
        if form.is_valid():
            try:
                services.set_profile_photo(person=person, upload=form.cleaned_data["photo"])
            except ValidationError as error:
                form.add_error("photo", error)
            else:
                messages.success(request, _("Your photo was updated."))
                return redirect("teams:profile_edit")
    status = 400 if form.errors else 200
    return render(request, "teams/photo_edit.html", {"person": person, "photo_form": form}, status=status)


def team_list(request):
    return render(request, "teams/team_list.html", {"teams": services.team_list()})


def team_detail(request, slug):
    try:
        team = services.team_detail(slug=slug)
    except Team.DoesNotExist:
        raise Http404(_("No such team.")) from None
    memberships = list(team.memberships.all())
    services.with_presence([membership.person for membership in memberships])
    return render(request, "teams/team_detail.html", {"team": team, "memberships": memberships})


def location_list(request):
    return render(request, "teams/location_list.html", {"locations": services.location_list()})


def location_detail(request, slug):
    location = get_object_or_404(Location, slug=slug)
    everyone_here = services.search_people(here_today=location)
    here = services.with_presence(everyone_here[: services.HERE_TODAY_LIMIT])
    # Counted only when the list is capped: the usual office day costs no extra query.
    here_total = everyone_here.count() if len(here) >= services.HERE_TODAY_LIMIT else len(here)
    page = _page(request, services.search_people(location=location))
    page.object_list = services.with_presence(page.object_list)
    return render(
        request,
        "teams/location_detail.html",
        {
            "location": location,
            "page": page,
            "here_today": here,
            "here_total": here_total,
            "here_more": here_total - len(here),
            "panels": services.location_panels(request=request, location=location),
        },
    )
