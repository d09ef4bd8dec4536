"""Business logic for the organisation; views call these with keyword arguments only."""

from urllib.parse import quote

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

from teams import name_search, photos
from teams.models import Agency, Location, Person, TaggedExpertise, Team, TeamMembership, Unit

# A directory page of 48 cards fills four rows of twelve on wide screens and
# keeps the page light on a phone; more would slow first paint over VPN links.
DIRECTORY_PAGE_SIZE = 48
# A location page lists at most this many people "here today" (Helsinki has
# about a hundred on a busy day); the directory filter shows them all, paged.
HERE_TODAY_LIMIT = 120
# Longer queries are truncated, not rejected: nobody's name is 200 characters.
MAX_QUERY_LENGTH = 200
# At most this many words are matched (each word must match the person).
MAX_QUERY_TERMS = 6


def clean_query(text: str) -> str:
    """Printable characters only (PostgreSQL rejects NUL; control characters match nothing anyway)."""
    return "".join(ch if ch.isprintable() else " " for ch in text[:MAX_QUERY_LENGTH]).strip()


def search_people(
    *,
    query: str = "",
    agency: Agency | None = None,
    unit: Unit | None = None,
    location: Location | None = None,
    team: Team | None = None,
    here_today: Location | None = None,
    available: bool = False,
) -> QuerySet[Person]:
    """Active people matching every word of ``query`` and every given filter.

    A word matches a first name, last name, job title or expertise tag.
    Matching is case-insensitive, and names ignore diacritics ("makela" finds
    Mäkelä). With a query, the best name match comes first
    (teams.name_search.match_rank), else the order is by name.
    """
    people = Person.objects.active().for_listing().prefetch_related("expertise")
    terms = clean_query(query).split()[:MAX_QUERY_TERMS]
    if terms:
        people = name_search.annotate_names(people)
    for term in terms:
        expertise = TaggedExpertise.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=term)
        people = people.filter(name_search.name_filter(term) | Exists(expertise))
    if terms:
        people = name_search.match_rank(people, " ".join(terms))
    if agency is not None:
        people = people.filter(agency=agency)
    if unit is not None:
        people = people.filter(unit=unit)
    if location is not None:
        people = people.filter(home_location=location)
    if team is not None:
        people = people.filter(Exists(TeamMembership.objects.filter(team=team, person=OuterRef("pk"))))
    if here_today is not None:
        people = PEOPLE_FILTERS["here_today"](people, here_today)
    if available:
        people = PEOPLE_FILTERS["available"](people)
    return people


# What other apps add to the directory, registered in their AppConfig.ready() so that teams imports none
# of them (presence: the "here today" and "available" filters, and each listed person's presence and
# today's work location). A filter takes and returns a queryset; an extension takes and returns a list.
PEOPLE_FILTERS: dict = {}
PEOPLE_EXTENSIONS: list = []
# Sections other apps add to a location page (events: the events watched there and who is coming). Each is
# called as ``panel(request=, location=)`` and returns HTML (already escaped) or "".
LOCATION_PANELS: list = []
# Relations other apps fetch with the signed-in person's own row (person_of), each a select_related path
# (presence: the user's presence settings, which the header's presence menu shows on every page).
OWN_PERSON_RELATED: list[str] = []


def location_panels(*, request, location) -> list:
    from django.utils.safestring import mark_safe

    return [
        mark_safe(html) for panel in LOCATION_PANELS if (html := panel(request=request, location=location))
    ]


def with_presence(people) -> list:
    """Attach what the registered extensions add to listed people (presence: status and today's place)."""
    people = list(people)
    for extend in PEOPLE_EXTENSIONS:
        people = extend(people)
    return people


def person_of(*, user) -> Person | None:
    """The signed-in user's own person (with user and home location), looked up once per request.

    Kept on the user object, which lives as long as the request: the site
    shell (header, presence menu) and the news targeting both need it.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_teams_person"):
        user._teams_person = (
            Person.objects.select_related("user", "home_location", *OWN_PERSON_RELATED)
            .filter(user=user)
            .first()
        )
    return user._teams_person


def team_ids_of(person: Person) -> tuple[int, ...]:
    """The ids of the person's teams, looked up once per request for the signed-in person (news targeting
    and the home page's "My team today" both need them; kept on the person object like person_of)."""
    if not hasattr(person, "_teams_team_ids"):
        person._teams_team_ids = tuple(
            TeamMembership.objects.filter(person_id=person.pk).order_by().values_list("team_id", flat=True)
        )
    return person._teams_team_ids


_USERNAME_SLOT = "taimi-username-slot"


def profile_urls():
    """A function of a username giving ``Person.get_absolute_url()``, with one reverse() for a whole list
    (a reverse() per person was a millisecond of the home page's team panel)."""
    before, after = reverse("teams:person", kwargs={"username": _USERNAME_SLOT}).split(_USERNAME_SLOT)

    def url(username: str) -> str:
        if not username or "/" in username:
            return reverse("teams:person", kwargs={"username": username})
        # As reverse() quotes a path argument (django.urls.resolvers).
        return before + quote(username, safe=RFC3986_SUBDELIMS + "/~:@") + after

    return url


def person_profile(*, username: str) -> Person:
    """One person with everything the profile page shows (a fixed number of queries)."""
    return (
        Person.objects.select_related("user", "agency", "unit", "home_location", "manager__user")
        .prefetch_related(
            "expertise",
            Prefetch(
                "memberships", queryset=TeamMembership.objects.select_related("team").order_by("team__name")
            ),
            Prefetch(
                "direct_reports", queryset=Person.objects.active().for_listing().prefetch_related("expertise")
            ),
        )
        .get(user__username=username, user__is_active=True)
    )


def team_list() -> QuerySet[Team]:
    return Team.objects.select_related("unit", "parent").annotate(
        member_count=Count("memberships", filter=Q(memberships__person__user__is_active=True))
    )


def team_detail(*, slug: str) -> Team:
    """One team with its sub-teams and members (leads first), in a fixed number of queries."""
    members = (
        TeamMembership.objects.filter(person__user__is_active=True)
        .select_related("person__user", "person__agency", "person__unit", "person__home_location")
        .prefetch_related("person__expertise")
        .order_by("role", "person__user__last_name", "person__user__first_name")
    )
    return (
        Team.objects.select_related("unit", "parent")
        .prefetch_related(Prefetch("memberships", queryset=members), "children")
        .get(slug=slug)
    )


ACTIVE_PEOPLE = Count("people", filter=Q(people__user__is_active=True))


def location_list() -> QuerySet[Location]:
    """Locations with ``people_count`` (active people whose home location it is), by name."""
    return Location.objects.annotate(people_count=ACTIVE_PEOPLE).order_by("name_fi")


def unit_head_counts() -> QuerySet[Unit]:
    """Units with ``people_count``, largest first."""
    return Unit.objects.annotate(people_count=ACTIVE_PEOPLE).order_by("-people_count", "name_fi")


def organisation_summary() -> dict:
    """Figures for the home page: units with head counts and the size of the organisation."""
    units = list(unit_head_counts())
    return {
        "units": units,
        "largest_unit": max((unit.people_count for unit in units), default=0),
        "people_count": Person.objects.active().count(),
        "location_count": Location.objects.count(),
        "team_count": Team.objects.count(),
        "agency_count": Agency.objects.count(),
    }


@transaction.atomic
def set_profile_photo(*, person: Person, upload) -> Person:
    """Validate ``upload`` and store it as the person's photo and thumbnail.

    Raises ValidationError (and stores nothing) when the upload is not a usable
    image. The previous photo files are deleted only after the new ones exist.
    """
    photo, thumbnail = photos.render_photo(upload)
    old_names = [f.name for f in (person.photo, person.photo_thumbnail) if f]
    person.photo.save("photo.jpg", photo, save=False)
    person.photo_thumbnail.save("thumbnail.jpg", thumbnail, save=False)
    person.save(update_fields=["photo", "photo_thumbnail"])
    storage = person.photo.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
    return person


@transaction.atomic
def remove_profile_photo(*, person: Person) -> Person:
    old_names = [f.name for f in (person.photo, person.photo_thumbnail) if f]
    storage = person.photo.storage
    person.photo = ""
    person.photo_thumbnail = ""
    person.save(update_fields=["photo", "photo_thumbnail"])
    transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
    return person


@transaction.atomic
def update_own_profile(*, person: Person, phone: str, languages: list[str], expertise: list[str]) -> Person:
    """The fields people keep up to date themselves; the rest is the administrators'."""
    person.phone = phone
    person.languages = languages
    person.save(update_fields=["phone", "languages"])
    person.expertise.set(expertise, clear=False)
    return person


def mail_language(user) -> str:
    """The language a person reads the site in, for what is sent to them (e-mails from the worker).

    The FI/SV/EN switch stores it in Wagtail's user profile (intranet.views.set_language),
    where Wagtail's own e-mails and admin read it too; Finnish until the person chooses.
    """
    from django.conf import settings
    from wagtail.users.models import UserProfile

    stored = UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    return stored if stored in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
