from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """National news, regional supplements, audiences and the personalised feed (docs/news.md)."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        # What it holds about a person (core.personal_data, docs/privacy.md).
        from news import personal_data

        personal_data.register_all()
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale
        from wagtail.signals import page_published

        from news import services, tasks

        page_published.connect(tasks.on_page_published, dispatch_uid="news.announce")
        # The per-process locale ids (news.services.locale_id).
        post_save.connect(services.forget_locales, sender=Locale, dispatch_uid="news.forget_locales_save")
        post_delete.connect(services.forget_locales, sender=Locale, dispatch_uid="news.forget_locales_delete")
        self._connect_card_generation()
        self._connect_discussion_generation()
        self._register_roles()
        # Its search document and the shapes of its live frames.
        from news import actions
        from news.search import NewsAdapter
        from realtime import frames
        from search import adapters

        adapters.register(NewsAdapter(), order=20)
        frames.register(actions.FRAMES)

    def _register_roles(self):
        """The news sections (created after every migrate) and their approval workflow (core.roles)."""
        from core import roles
        from news import setup

        roles.register_section(
            roles.NEWS, lambda: list(apps.get_model("news", "NewsIndexPage").objects.all())
        )
        roles.register_setup(order=10, before=setup.ensure_sections, after=_news_workflow)

    def _connect_card_generation(self):
        """Shared things the cached cards and article bodies show (news.fragments): any change renews them all."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Site
        from wagtail.signals import page_slug_changed, post_page_move

        from news import fragments
        from news.models import NewsCategory
        from teams.models import Agency

        image = get_image_model()
        for model in (NewsCategory, Agency, image, get_document_model(), Site):
            post_save.connect(
                fragments.new_generation, sender=model, dispatch_uid=f"news.fragments.save.{model.__name__}"
            )
            post_delete.connect(
                fragments.new_generation, sender=model, dispatch_uid=f"news.fragments.delete.{model.__name__}"
            )
        # A deleted rendition's file is gone; a new one leaves existing cards right (they show older, existing files).
        post_delete.connect(
            fragments.new_generation,
            sender=image.get_rendition_model(),
            dispatch_uid="news.fragments.rendition",
        )
        # Moves and slug changes change the URLs of the articles below without publishing them.
        post_page_move.connect(fragments.new_generation, dispatch_uid="news.fragments.move")
        page_slug_changed.connect(fragments.new_generation, dispatch_uid="news.fragments.slug")

    def _connect_discussion_generation(self):
        """What the cached discussions show (news.discussion): an article's comments and reactions, people's names."""
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from news import discussion_cache as discussion
        from news.models import Comment, CommentEdit, Mention, Reaction
        from teams.models import Person

        receivers = [
            (Comment, discussion.comment_changed),
            (CommentEdit, discussion.comment_part_changed),
            (Mention, discussion.comment_part_changed),
            (Reaction, discussion.reaction_changed),
            (Person, discussion.people_changed),
            (get_user_model(), discussion.people_changed),
        ]
        for model, receiver in receivers:
            post_save.connect(receiver, sender=model, dispatch_uid=f"news.discussion.save.{model.__name__}")
            post_delete.connect(
                receiver, sender=model, dispatch_uid=f"news.discussion.delete.{model.__name__}"
            )


def _news_workflow(*, groups, sections) -> None:
    from core import roles
    from news import setup

    if sections.get(roles.NEWS):
        setup.ensure_workflow(
            approver_group=groups[roles.COMMUNICATION_APPROVERS], sections=sections[roles.NEWS]
        )
