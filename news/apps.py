from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """National news, regional supplements, audiences and the personalised feed (docs/news.md)."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale
        from wagtail.signals import page_published

        from news import services, tasks

        page_published.connect(tasks.on_page_published, dispatch_uid="news.announce")
        # The per-process locale ids (news.services.locale_id).
        post_save.connect(services.forget_locales, sender=Locale, dispatch_uid="news.forget_locales_save")
        post_delete.connect(services.forget_locales, sender=Locale, dispatch_uid="news.forget_locales_delete")
