from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    """The organisation: agencies, units, locations, teams and people."""

    name = "teams"
    verbose_name = _("Organisation")

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from teams import personal_data

        personal_data.register_all()
        from realtime import dispatch
        from teams import live

        # Who a connecting user is (person, agency, home location, unit, teams), for the websocket transport.
        dispatch.people_loader(live.load_people)
        self._register_search()
        from teams import cards

        cards.connect()

        # One regional editors group per client agency (core.roles), after the role groups.
        from core import roles

        roles.register_setup(order=20, after=_regional_editor_groups)

    def _register_search(self):
        """People, teams and locations in search: their adapters, and outbox rows when they change."""
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from search import adapters, signals
        from search import services as search_services
        from teams.models import Agency, Location, Person, TaggedExpertise, Team, TeamMembership, Unit
        from teams.search import LocationAdapter, PersonAdapter, TeamAdapter

        # The reader's agency kind, when no finer rule (the instruction library's) is registered.
        search_services.AUDIENCE_RULES[50] = _agency_kind
        for order, adapter in [(40, PersonAdapter()), (50, TeamAdapter()), (60, LocationAdapter())]:
            adapters.register(adapter, order=order)
        for model, receiver in [
            (Person, signals.on_person),
            (Team, signals.on_team),
            (Location, signals.on_location),
            (TeamMembership, signals.on_membership),
            (TaggedExpertise, signals.on_expertise),
        ]:
            post_save.connect(receiver, sender=model, dispatch_uid=f"search.save.{model.__name__}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"search.delete.{model.__name__}")
        post_save.connect(signals.on_user, sender=get_user_model(), dispatch_uid="search.user")
        for model in (Unit, Agency):
            post_save.connect(
                signals.on_unit_or_agency, sender=model, dispatch_uid=f"search.save.{model.__name__}"
            )


def _regional_editor_groups(*, groups, sections) -> None:
    from core import roles
    from teams.models import Agency

    for agency in Agency.objects.exclude(kind=Agency.Kind.KEHA).select_related("editor_group"):
        roles.ensure_regional_editor_group(agency=agency, sections=sections)


def _agency_kind(user) -> list[str]:
    from teams.models import Person

    kind = Person.objects.filter(user=user).values_list("agency__kind", flat=True).first() if user else None
    return [kind] if kind else []
