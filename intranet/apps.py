from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IntranetConfig(AppConfig):
    """Site shell: home and content pages, access control, roles and i18n."""

    name = "intranet"
    verbose_name = "Intranet"

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from intranet import personal_data

        personal_data.register_all()
        from core import roles
        from intranet import sqlite  # noqa: F401  (installs Unicode LIKE)

        # Groups and their permissions are code, kept in step after every migrate.
        post_migrate.connect(roles.sync_groups_after_migrate, dispatch_uid="intranet.sync_groups")
        # The home page's cached figures and sections (intranet.home).
        from intranet import home

        home.connect_signals()
        # Content pages in search.
        from intranet.search import ContentPageAdapter
        from search import adapters

        adapters.register(ContentPageAdapter(), order=30)
        # Chat deliveries for /metrics: one per chat message and subscribed socket of this process.
        from core.metrics import CHAT_DELIVERIES
        from realtime import hub

        hub.add_tap(
            "chat.room.",
            '{"type":"chat.message"',
            lambda topic, text, subscribers: CHAT_DELIVERIES.inc(len(subscribers)),
        )
