from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: adapters, the durable outbox, the engines (Elasticsearch or embedded) and /haku/."""

    name = "search"
    verbose_name = "Haku"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import best_bets, signals

        signals.connect()
        best_bets.connect()
        from search import readiness

        readiness.register()  # /readyz: the engine answers, the outbox drains
