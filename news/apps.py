from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """National news, regional supplements, audiences and the personalised feed (docs/news.md)."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        from wagtail.signals import page_published

        from news import tasks

        page_published.connect(tasks.on_page_published, dispatch_uid="news.announce")
