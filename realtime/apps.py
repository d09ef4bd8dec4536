from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    """Websocket consumer, hub and the notification bell: the transport, knowing no domain (docs/realtime.md)."""

    name = "realtime"
    verbose_name = "Reaaliaika"

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from realtime import personal_data

        personal_data.register_all()
        # Frame handlers and topic rules register themselves in realtime.dispatch.
        from realtime import handlers  # noqa: F401
        from realtime.session_signals import connect as connect_session_signals

        # Sockets follow the session: logout, password, deactivation and roles end them (docs/access.md).
        connect_session_signals()
        from realtime import readiness

        readiness.register()  # /readyz: a message through the channel layer and back
