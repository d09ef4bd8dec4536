"""recall@5, precision@5, MRR and the irrelevant-top-hit rate of the judged queries, per category and overall.

* recall@5: the share of a query's required keys found in the top five.
* precision@5: the share of the top five that is relevant (required keys and
  ``judgments.RELEVANT``); a query that finds nothing scores 0.
* MRR: the mean of 1 / rank of the first required key (0 when none is in the top ten).
* irrelevant top: the share of queries whose first hit is not relevant (or that find nothing).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from search.engines.base import SearchQuery
from search.relevance.corpus import NOW
from search.relevance.judgments import JUDGMENTS, RELEVANT

TOP = 5


@dataclass
class Score:
    recall: float
    mrr: float
    queries: int
    precision: float = 0.0
    irrelevant_top: float = 0.0


def run(search_fn) -> tuple[dict[str, Score], list[dict]]:
    """``search_fn(query) -> list of keys``. Returns per-category scores ("all" included) and per-query rows."""
    per_category: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
    rows = []
    for category, language, text, expected in JUDGMENTS:
        keys = search_fn(
            SearchQuery(
                text=text,
                audience="keha",
                language=language,
                now=NOW,
                page_size=10,
                facets=(),
                highlight=False,
            )
        )
        top = keys[:TOP]
        relevant = {*expected, *RELEVANT.get(text, ())}
        recall = sum(1 for key in expected if key in top) / len(expected)
        precision = sum(1 for key in top if key in relevant) / len(top) if top else 0.0
        wrong_top = 0.0 if top and top[0] in relevant else 1.0
        rank = next((i + 1 for i, key in enumerate(keys) if key in expected), None)
        reciprocal = 1 / rank if rank else 0.0
        for name in (category, "all"):
            per_category[name].append((recall, reciprocal, precision, wrong_top))
        rows.append(
            {
                "category": category,
                "query": text,
                "recall": recall,
                "rr": reciprocal,
                "precision": precision,
                "top": top,
            }
        )
    scores = {}
    for name, values in per_category.items():
        n = len(values)
        recall, mrr, precision, wrong = (sum(v[i] for v in values) / n for i in range(4))
        scores[name] = Score(recall=recall, mrr=mrr, queries=n, precision=precision, irrelevant_top=wrong)
    return scores, rows


def verdict(ours: Score, baseline: Score) -> str:
    """ "better" on recall@5 (or on MRR when recall ties), "perfect tie" when both are perfect, else "WORSE"/"tie"."""
    if ours.recall > baseline.recall or (ours.recall == baseline.recall and ours.mrr > baseline.mrr):
        return "better"
    if ours.recall == baseline.recall == 1.0 and ours.mrr == baseline.mrr == 1.0:
        return "perfect tie"  # nothing left to beat
    return "tie" if (ours.recall, ours.mrr) == (baseline.recall, baseline.mrr) else "WORSE"
