from django.apps import AppConfig


class PresenceConfig(AppConfig):
    """Who is online, their status and today's work location (docs/realtime.md, docs/teams.md)."""

    name = "presence"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Presence"

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from presence import personal_data

        personal_data.register_all()
        from presence import (
            handlers,  # noqa: F401  (registers the presence.* frames and topic rules)
            services,
            worklocation,
        )
        from teams import services as directory

        # The directory's filters and the presence shown beside each listed person (teams.services).
        directory.PEOPLE_FILTERS["here_today"] = lambda people, location: people.filter(
            pk__in=worklocation.people_here(location=location).values("pk")
        )
        directory.PEOPLE_FILTERS["available"] = lambda people: people.filter(
            user_id__in=services.available_user_ids()
        )
        directory.PEOPLE_EXTENSIONS.append(lambda people: services.attach(worklocation.attach_where(people)))
        # The header's presence menu reads the settings from the person's own row (presence.services.setting_for).
        if "user__presence_setting" not in directory.OWN_PERSON_RELATED:
            directory.OWN_PERSON_RELATED.append("user__presence_setting")
        from presence import actions
        from realtime import frames

        frames.register(actions.FRAMES)
