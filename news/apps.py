from django.apps import AppConfig


class NewsConfig(AppConfig):
    """National news, regional supplements and must-read acknowledgements (its own issue)."""

    name = "news"
    verbose_name = "Uutiset"
