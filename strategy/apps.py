from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    """The living strategy: the map, its versions, participation rounds and follow-up (docs/strategy.md)."""

    name = "strategy"
    verbose_name = _("Strategy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from realtime import frames
        from search import adapters
        from strategy import actions, personal_data, roles, signals
        from strategy.search import StrategyAdapter

        roles.register()
        personal_data.register()
        adapters.register(StrategyAdapter(), order=60)
        frames.register(actions.FRAMES)
        signals.connect()
