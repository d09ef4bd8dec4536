from django.apps import AppConfig


class PresenceConfig(AppConfig):
    """Who is online, their status and today's work location (docs/realtime.md, docs/teams.md)."""

    name = "presence"
    verbose_name = "Presence"
