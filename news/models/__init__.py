"""News models, one module per subject (relationships: docs/news.md and news.models.pages).

* pages: NewsCategory, NewsIndexPage, NewsArticlePage
* supplements: RegionalSupplement
* reading: ArticleOpened, FeedToken
* engagement: Acknowledgement, ArticleView, Comment, CommentEdit, Reaction, Mention
"""

from news.models.engagement import Acknowledgement, ArticleView, Comment, CommentEdit, Mention, Reaction
from news.models.pages import NewsArticlePage, NewsCategory, NewsIndexPage
from news.models.reading import ArticleOpened, FeedToken, new_feed_token
from news.models.supplements import SUPPLEMENT_FEATURES, RegionalSupplement

__all__ = [
    "SUPPLEMENT_FEATURES",
    "Acknowledgement",
    "ArticleView",
    "Comment",
    "CommentEdit",
    "Mention",
    "Reaction",
    "ArticleOpened",
    "FeedToken",
    "NewsArticlePage",
    "NewsCategory",
    "NewsIndexPage",
    "RegionalSupplement",
    "new_feed_token",
]
