from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    """Websocket consumers, presence and chat (the protocol is in docs/realtime.md)."""

    name = "realtime"
    verbose_name = "Reaaliaika"
