from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    """The organisation: agencies, units, locations, teams and people."""

    name = "teams"
    verbose_name = _("Organisation")
