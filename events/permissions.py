"""Who may organise which events (roles as code: events.apps registers them with core.roles).

* The communication unit (and its approvers, administrators) organise events nationally.
* Regional editors organise their own agency's events.
* Unit event organisers ("Yksikön tapahtumajärjestäjät", typically the unit's leads)
  organise their own unit's events (their ``teams.Person.unit``).

:class:`EventPermissionTester` narrows every Wagtail page action to events the
user may organise, and :class:`events.forms.EventPageForm` refuses any other
organiser; the same :func:`can_organise` guards the attendee list, its CSV and
attendance marking (events.views).
"""

from core import roles
from core.page_permissions import ScopedPagePermissionTester
from news.permissions import editor_agency_ids, is_national_editor

UNIT_ORGANISERS = "Yksikön tapahtumajärjestäjät"


def organiser_unit_id(user) -> int | None:
    """The unit a unit event organiser organises for (cached on the user object)."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_events_unit", False)
    if cached is False:
        from teams.models import Person

        cached = None
        if user.groups.filter(name=UNIT_ORGANISERS).exists():
            cached = Person.objects.filter(user_id=user.pk).values_list("unit_id", flat=True).first()
        user._events_unit = cached
    return cached


def can_organise_for(user, *, agency_id: int | None, unit_id: int | None) -> bool:
    if is_national_editor(user):
        return True
    if agency_id is not None and agency_id in editor_agency_ids(user):
        return True
    own_unit = organiser_unit_id(user)
    return own_unit is not None and unit_id == own_unit


def can_organise(user, event) -> bool:
    """May the user manage this event (its registrations, attendees, answers)?"""
    return can_organise_for(user, agency_id=event.organiser_agency_id, unit_id=event.organiser_unit_id)


def is_any_organiser(user) -> bool:
    return bool(is_national_editor(user) or editor_agency_ids(user) or organiser_unit_id(user) is not None)


class EventPermissionTester(ScopedPagePermissionTester):
    def owns_page(self) -> bool:
        return can_organise(self.user, self.page)


# The roles this app brings and the section it adds (events.apps).
EVENTS = "events"
EVENT_SNIPPETS = [f"events.{action}_eventkind" for action in roles.CRUD]
UNIT_ORGANISER_ROLE = roles.Role(
    model_permissions=[roles.ADMIN_ACCESS, *roles.TRANSLATING],
    page_permissions={EVENTS: ["add", "change", "publish"]},
    collection_permissions=["wagtailimages.choose_image", "wagtaildocs.choose_document"],
)
