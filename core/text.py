"""The one text renderer for what people type (comments, chat): escaped text, http(s) links, @mentions.

One tokenizer for storing and rendering, so a mention that is linked is exactly a mention that notified:
:func:`mentioned_usernames` finds who to notify, :func:`render_text` makes safe HTML (news comments) and
:func:`tokens` gives the pieces for clients that build their own nodes (chat frames).
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# One tokenizer for storing and rendering, so a mention that is linked is
# exactly a mention that notified. URLs come first: "https://x.example/@aino"
# is a link, not a mention. A mention starts the text or follows a space or an
# opening bracket or quote (so "aino@example.com" is not one).
_TOKENS = re.compile(
    r"(?P<url>\b(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>\"'`]+)"
    r"|(?<![^\s(\[{\"'«“‘])@(?P<name>[\w][\w.-]*)"
)
_URL_START = re.compile(r"(?:https?://|www\.)(.*)", re.IGNORECASE | re.DOTALL)
# Characters that end a sentence rather than a URL or a user name.
_TRAILING = ".,:;!?*'\"»”’"


def _split_url(url: str) -> tuple[str, str]:
    """Separate sentence punctuation and unbalanced closing brackets from the end of a URL."""
    trail = ""
    while url:
        last = url[-1]
        if (
            last in _TRAILING
            or (last == ")" and url.count("(") < url.count(")"))
            or (last == "]" and url.count("[") < url.count("]"))
        ):
            trail = last + trail
            url = url[:-1]
        else:
            break
    return url, trail


def tokens(text: str):
    """Yield ("text", s), ("url", s) and ("mention", username) in order; together they make up the text."""
    position = 0
    for match in _TOKENS.finditer(text):
        if match.start() > position:
            yield "text", text[position : match.start()]
        if match.group("url"):
            url, trail = _split_url(match.group("url"))
            address = _URL_START.match(url)
            if address and address.group(1)[:1].isalnum():
                yield "url", url
            elif url:
                yield "text", url
        else:
            name = match.group("name").rstrip(".-")
            trail = match.group("name")[len(name) :]
            yield "mention", name
        if trail:
            yield "text", trail
        position = match.end()
    if position < len(text):
        yield "text", text[position:]


def mentioned_usernames(text: str) -> list[str]:
    """The @user names in a text, lower-cased, in order, each once (URLs and e-mail addresses excluded)."""
    names = []
    for kind, value in tokens(text):
        if kind == "mention" and value.lower() not in names:
            names.append(value.lower())
    return names


def _escaped_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return escape(value).replace("\n", "<br>")


def render_text(text: str, mentions: dict[str, str] | None = None) -> SafeString:
    """Comment text as safe HTML: escaped, line breaks kept, http(s) links and known mentions clickable.

    ``mentions`` maps lower-cased user names to profile URLs; an @name that is
    not in it stays text. No other markup and no other link scheme can appear:
    a link's address is always http(s), written out by us, attribute-escaped.
    """
    mentions = mentions or {}
    parts = []
    for kind, value in tokens(text):
        if kind == "url":
            href = value if value.lower().startswith(("http://", "https://")) else f"https://{value}"
            parts.append(str(format_html('<a href="{}" rel="nofollow noopener">{}</a>', href, value)))
        elif kind == "mention" and value.lower() in mentions:
            parts.append(
                str(format_html('<a class="mention" href="{}">@{}</a>', mentions[value.lower()], value))
            )
        elif kind == "mention":
            parts.append(_escaped_text("@" + value))
        else:
            parts.append(_escaped_text(value))
    # Safe: every piece above is escaped or built with format_html.
    return mark_safe("".join(parts))
