"""The reader pages of the demo data, by name: the pages that bench/reader_pages.py times and
tests/intranet/test_reader_page_queries.py counts the queries of (one list for both)."""

from instructions.models import InstructionPage
from news.models import NewsArticlePage
from teams.models import Person

# The demo staff member who reads them (docs/benchmarks.md, "Reader pages").
READER = "henkilo"


def reader_urls(reader: str = READER) -> dict[str, str]:
    """Home, news list, the newest article for everyone, the library, an instruction for everyone, the
    directory, a colleague's profile, chat and a search, as URLs."""
    article = (
        NewsArticlePage.objects.live()
        .filter(locale__language_code="fi", for_everyone=True)
        .order_by("-first_published_at")
        .first()
    )
    instruction = (
        InstructionPage.objects.live()
        .filter(locale__language_code="fi", for_everyone=True)
        .order_by("pk")
        .first()
    )
    colleague = (
        Person.objects.filter(user__is_active=True).exclude(user__username=reader).order_by("pk").first()
    )
    return {
        "home": "/",
        "news list": "/uutiset/",
        "article": article.url,
        "instruction library": "/ohjeet/",
        "instruction": instruction.url,
        "directory": "/ihmiset/",
        "profile": f"/ihmiset/{colleague.user.username}/",
        "chat": "/chat/",
        "search": "/haku/?q=palkkatuki",
    }
