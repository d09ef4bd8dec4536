"""recall@5 and MRR of the judged queries, per category and overall."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from search.engines.base import SearchQuery
from search.relevance.corpus import NOW
from search.relevance.judgments import JUDGMENTS

TOP = 5


@dataclass
class Score:
    recall: float
    mrr: float
    queries: int


def run(search_fn) -> tuple[dict[str, Score], list[dict]]:
    """``search_fn(query) -> list of keys``. Returns per-category scores ("all" included) and per-query rows."""
    per_category: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rows = []
    for category, language, text, expected in JUDGMENTS:
        keys = search_fn(SearchQuery(text=text, audience="keha", language=language, now=NOW, page_size=10,
                                     facets=(), highlight=False))
        top = keys[:TOP]
        recall = sum(1 for key in expected if key in top) / len(expected)
        rank = next((i + 1 for i, key in enumerate(keys) if key in expected), None)
        reciprocal = 1 / rank if rank else 0.0
        per_category[category].append((recall, reciprocal))
        per_category["all"].append((recall, reciprocal))
        rows.append({"category": category, "query": text, "recall": recall, "rr": reciprocal, "top": top})
    scores = {
        name: Score(recall=sum(r for r, _ in values) / len(values), mrr=sum(m for _, m in values) / len(values),
                    queries=len(values))
        for name, values in per_category.items()
    }
    return scores, rows


def verdict(ours: Score, baseline: Score) -> str:
    """"better" on recall@5 (or on MRR when recall ties), "perfect tie" when both are perfect, else "WORSE"/"tie"."""
    if ours.recall > baseline.recall or (ours.recall == baseline.recall and ours.mrr > baseline.mrr):
        return "better"
    if ours.recall == baseline.recall == 1.0 and ours.mrr == baseline.mrr == 1.0:
        return "perfect tie"  # nothing left to beat
    return "tie" if (ours.recall, ours.mrr) == (baseline.recall, baseline.mrr) else "WORSE"
