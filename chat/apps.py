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
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from chat import personal_data

        personal_data.register_all()
        # Messages in search: the adapter, and outbox rows when a message or a room changes.
        from django.db.models.signals import post_save, pre_delete

        from chat import (
            handlers,  # noqa: F401
            signals,  # noqa: F401
        )
        from chat.models import Message, Room
        from chat.search import ChatMessageAdapter
        from search import adapters
        from search import signals as search_signals

        adapters.register(ChatMessageAdapter(), order=70)
        from chat import actions
        from realtime import frames

        frames.register(actions.FRAMES)
        post_save.connect(search_signals.on_chat_message, sender=Message, dispatch_uid="search.chat.message")
        pre_delete.connect(
            search_signals.on_chat_room_delete, sender=Room, dispatch_uid="search.chat.room_deleted"
        )
