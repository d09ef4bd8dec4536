"""Feeds as a feed reader sees them: parsed with feedparser, summaries must carry no markup."""

from html.parser import HTMLParser

import feedparser


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def rendered_tags(text: str) -> list[str]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.tags


def summaries(body: bytes | str) -> list[str]:
    """Each entry's summary as a reader shows it; fails if any summary would render as markup.

    feedparser's sanitiser is off, as in a reader that trusts the feed's declared type: a summary declared
    (X)HTML is markup to the reader, so it must contain no elements; a text summary is shown as typed.
    """
    parsed = feedparser.parse(body, sanitize_html=False)
    assert not parsed.bozo, parsed.bozo_exception
    shown = []
    for entry in parsed.entries:
        detail = entry.get("summary_detail")
        if detail is None:
            continue
        if detail.type != "text/plain":
            assert rendered_tags(detail.value) == [], (
                f"markup survives in a {detail.type} summary: {detail.value!r}"
            )
        shown.append(detail.value)
    return shown
