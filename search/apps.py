from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search. Elasticsearch documents and indexing arrive with the search issue."""

    name = "search"
    verbose_name = "Haku"
