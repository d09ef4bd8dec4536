from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Staff events with registration, hybrid rooms and calendar feeds (docs/events.md)."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from events import actions, home_cache, tasks
        from events.search import EventAdapter
        from realtime import frames
        from search import adapters

        page_published.connect(tasks.on_page_published, dispatch_uid="events.published")
        home_cache.connect_signals()
        frames.register(actions.FRAMES)
        adapters.register(EventAdapter(), order=25)
        self._register_roles()
        self._register_jobs()
        self._register_personal_data()
        self._register_location_hook()

    def _register_roles(self):
        """The events section, the unit organisers' role, and the events section for the existing editors."""
        from core import roles
        from events import permissions, setup

        roles.register_section(
            permissions.EVENTS, lambda: list(apps.get_model("events", "EventIndexPage").objects.all())
        )
        roles.register_role(permissions.UNIT_ORGANISERS, permissions.UNIT_ORGANISER_ROLE)
        # The communication unit organises nationally, regional editors for their agency (narrowed in
        # events.permissions): the events section and the kinds are added to their roles here.
        grants = {
            roles.COMMUNICATION: ["add", "change", "publish", "lock", "unlock"],
            roles.COMMUNICATION_APPROVERS: ["add", "change", "publish", "lock", "unlock"],
            roles.ADMINISTRATORS: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
        }
        for name, kinds in grants.items():
            role = roles.ROLES[name]
            role.page_permissions.setdefault(permissions.EVENTS, kinds)
            for permission in permissions.EVENT_SNIPPETS:
                if permission not in role.model_permissions:
                    role.model_permissions.append(permission)
        roles.REGIONAL_EDITOR.page_permissions.setdefault(permissions.EVENTS, ["add", "change", "publish"])
        roles.register_setup(order=20, before=setup.ensure_sections)

    def _register_jobs(self):
        import datetime

        from core import jobs

        wanted = [
            jobs.Periodic("event_reminders", "events.tasks.send_reminders", datetime.timedelta(minutes=5)),
            jobs.Periodic(
                "event_live_states", "events.tasks.publish_live_states", datetime.timedelta(minutes=1)
            ),
            jobs.Periodic(
                "event_answers_deletion", "events.tasks.delete_old_answers", datetime.timedelta(hours=6)
            ),
        ]
        names = {job.name for job in jobs.PERIODIC_JOBS}
        jobs.PERIODIC_JOBS.extend(job for job in wanted if job.name not in names)

    def _register_personal_data(self):
        from core.personal_data import DELETE, Declaration, register

        register(
            Declaration(
                model="events.Registration",
                person_fields=("user",),
                purpose="Registration for an event: seat or waiting list, viewing room, answers to the "
                "organiser's questions, attendance, reminders.",
                legal_basis="Organising the agency's staff events (the employer's duties).",
                retention="Answers are deleted the set number of days after the event (default 14); the "
                "registration and attendance stay with the event.",
                erase=DELETE,
            ),
            Declaration(
                model="events.RecordingAcknowledgement",
                person_fields=("user",),
                purpose="Confirmation of having watched the recording of a compulsory event.",
                legal_basis="The employer's duty to inform staff.",
                retention="As long as the event page exists.",
                erase=DELETE,
            ),
            Declaration(
                model="events.CalendarToken",
                person_fields=("user",),
                purpose="The secret address of the person's calendar subscription.",
                legal_basis="The person's own request (creating the address).",
                retention="Until the person removes or renews it.",
                erase=DELETE,
            ),
        )

    def _register_location_hook(self):
        """Location pages (teams, below this app) list the events watched there through teams' hook list."""
        from events import location_panel
        from teams import services as team_services

        hooks = getattr(team_services, "LOCATION_PANELS", None)
        if hooks is not None and location_panel.panel not in hooks:
            hooks.append(location_panel.panel)
