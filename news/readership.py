"""Readership: views and unique readers per article (the five-minute rule) and the editors' report."""


def record_view(*, user, article) -> None:
    """Count a view (at most one per person per article per five minutes). Filled in by the readership feature."""


def article_context(request, article) -> dict:
    """Readership figures for editors on the article page."""
    return {}
