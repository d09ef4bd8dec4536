from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search. Elasticsearch documents and indexing arrive with the search issue."""

    name = "search"
    label = "sitesearch"
    verbose_name = "Haku"
