from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    """The organisation: agencies, units, locations, teams and people."""

    name = "teams"
    verbose_name = _("Organisation")

    def ready(self):
        from realtime import dispatch
        from teams import live

        # Who a connecting user is (person, agency, home location, unit, teams), for the websocket transport.
        dispatch.people_loader(live.load_people)
