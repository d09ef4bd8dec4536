from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    """Websocket consumer, hub, presence and the notification bell (docs/realtime.md)."""

    name = "realtime"
    verbose_name = "Reaaliaika"

    def ready(self):
        # Frame handlers and topic rules register themselves in realtime.dispatch.
        from realtime import handlers  # noqa: F401
        from presence import handlers as presence_handlers  # noqa: F401

