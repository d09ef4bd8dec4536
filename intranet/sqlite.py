"""Unicode-aware LIKE for SQLite.

SQLite's built-in LIKE folds case for ASCII letters only, so a search for
"äijälä" would miss "Äijälä". Django's icontains/contains/startswith lookups
compile to LIKE on SQLite; this replaces LIKE on each new SQLite connection
with a Python function that folds case for all of Unicode, as PostgreSQL's
UPPER(...) LIKE UPPER(...) already does. PostgreSQL is unaffected.
"""

import re
from functools import lru_cache

from django.db.backends.signals import connection_created


@lru_cache(maxsize=512)
def _compile(pattern: str, escape: str | None) -> re.Pattern:
    regex, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if escape and char == escape and index + 1 < len(pattern):
            regex.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        regex.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        index += 1
    return re.compile("".join(regex), re.IGNORECASE | re.DOTALL)


def _like(pattern, value, escape=None):
    if pattern is None or value is None:
        return None
    return _compile(str(pattern), escape).fullmatch(str(value)) is not None


def install_unicode_like(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, _like, deterministic=True)
        connection.connection.create_function("like", 3, _like, deterministic=True)


connection_created.connect(install_unicode_like, dispatch_uid="intranet.sqlite.unicode_like")
