"""Comments, reactions and mentions on news articles (services; views in news.comment_views)."""


def article_context(request, article) -> dict:
    """What the article page needs for its comments and reactions (filled in by the comments feature)."""
    return {}
