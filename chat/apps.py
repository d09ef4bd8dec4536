from django.apps import AppConfig


class ChatConfig(AppConfig):
    """Team, location, network and group rooms and direct messages (docs/chat.md).

    ``ready`` connects the membership sync (team and location rooms follow the
    organisation) and registers the websocket frame handlers.
    """

    name = "chat"
    label = "chat"
    verbose_name = "Chat"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chat import signals  # noqa: F401

        from chat import handlers  # noqa: F401
