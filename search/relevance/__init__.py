"""Measured relevance: a small judged corpus, judged queries, recall@5 and MRR (search_relevance)."""
