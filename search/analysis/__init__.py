"""Finnish and Swedish text analysis, defined once for every engine.

``data/`` holds what editors' requests grow (compound parts, gradation
overrides, synonyms, multi-word phrases); :mod:`search.analysis.data` loads it
and :mod:`search.analysis.elastic` renders it into Elasticsearch analyzers.
The chain is described in docs/search.md.
"""

LANGUAGES = ("fi", "sv")
