"""The candidate segmentations, measured on the judged query set (the choice is written up in
``docs/contributing/search.md``).

Each candidate cuts the indexed text one way and the query another; everything else is the
download's search (``stdcat.search.sqlite``: the same documents, synonyms and ranking), so the
figures differ only by the segmentation:

- ``jieba``: jieba's words (search mode) on both sides: what the SQLite download did before;
- ``jieba+vocabulary``: jieba's words indexed, the query cut into the index's own words (fewest
  unknown characters, then fewest words, then the most frequent), the last word a prefix: what the
  patched offline lunr search did;
- ``pairs``: overlapping pairs of characters on both sides (a single character: the pairs it begins);
- ``characters+pairs``: single characters and pairs indexed, pairs queried (``tokens.py``: chosen);
- ``characters``: single characters indexed, a query's characters as a phrase.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stdcat.bench import relevance
from stdcat.search import documents, synonyms
from stdcat.search import sqlite as search_sqlite
from stdcat.search.tokens import STOPWORDS, index_tokens, is_han, query_tokens, runs
from stdcat.site.i18n import Labels

Groups = list[list[str]]


@functools.cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def _by_runs(han: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """A cut that gives Chinese runs to ``han`` and keeps Latin words as they are."""
    return lambda text: [t for run in runs(text) for t in (han(run) if is_han(run) else [run])]


def _jieba_words(run: str) -> list[str]:
    return [w for w in _jieba().cut_for_search(run) if w.strip()]


def _pairs(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def _latin(text: str, known: list[str], han: Callable[[str], Groups]) -> Groups:
    """A query's groups: Chinese runs by ``han``, English words as the chosen engine expands them."""
    groups: Groups = []
    for run in runs(text):
        if is_han(run):
            groups.extend(han(run))
        elif run not in STOPWORDS:
            groups.append(search_sqlite.expand(run, known))
    return groups


def _vocabulary_cut(run: str, frequency: dict[str, int]) -> list[str]:
    """The run cut into the index's words: fewest unknown characters, fewest words, most frequent."""
    best: list[tuple[int, int, int, int] | None] = [(0, 0, 0, -1)] + [None] * len(run)
    for i in range(len(run)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(run), i + 16) + 1):
            word, prev = run[i:j], best[i]
            known = word in frequency
            if not known and j > i + 1:
                continue
            assert prev is not None
            cut = (prev[0] + (not known), prev[1] + 1, prev[2] - frequency.get(word, 0), i)
            if best[j] is None or cut[:3] < best[j][:3]:  # type: ignore[index]
                best[j] = cut
    words, j = [], len(run)
    while j > 0:
        start = best[j][3]  # type: ignore[index]
        words.insert(0, run[start:j])
        j = start
    return words


def candidates(db_words: Callable[[sqlite3.Connection], dict[str, int]]) -> dict[str, Any]:
    """name → (index cut, query planner given the database)."""
    jieba_cut = _by_runs(_jieba_words)

    def jieba_query(db: sqlite3.Connection) -> search_sqlite.Plan:
        return lambda text, known: _latin(text, known, lambda run: [[w] for w in dict.fromkeys(_jieba_words(run))])

    def vocabulary_query(db: sqlite3.Connection) -> search_sqlite.Plan:
        frequency = db_words(db)

        def cut(run: str) -> Groups:
            words = _vocabulary_cut(run, frequency)
            return [[w + "*" if k == len(words) - 1 else w] for k, w in enumerate(words)]

        return lambda text, known: _latin(text, known, cut)

    def pairs_query(db: sqlite3.Connection) -> search_sqlite.Plan:
        def cut(run: str) -> Groups:
            return [[run + "*"]] if len(run) == 1 else [[p] for p in _pairs(run)]

        return lambda text, known: _latin(text, known, cut)

    def chosen_query(db: sqlite3.Connection) -> search_sqlite.Plan:
        return search_sqlite.plan

    def characters_query(db: sqlite3.Connection) -> search_sqlite.Plan:
        return lambda text, known: _latin(text, known, lambda run: [[" ".join(run)]])

    return {
        "jieba": (jieba_cut, jieba_query),
        "jieba+vocabulary": (jieba_cut, vocabulary_query),
        "pairs": (_by_runs(_pairs), pairs_query),
        "characters+pairs": (index_tokens, chosen_query),
        "characters": (_by_runs(list), characters_query),
    }


def _frequencies(db: sqlite3.Connection) -> dict[str, int]:
    return dict(db.execute("SELECT term, doc FROM search_words"))


def compare(root: Path, catalog: Any, sample: int = 1) -> dict[str, Any]:
    """Each candidate's figures on the judged set and on self-retrieval, with its index's size."""
    labels = Labels(json.loads((root / "schema" / "defs.schema.json").read_text(encoding="utf-8")))
    found = synonyms.load(root)
    docs = [(lang, d) for lang in ("zh", "en") for d in documents.documents(catalog, lang, labels, found)]
    queries = relevance.judged(root, sample)
    out: dict[str, Any] = {}
    for name, (cut, planner) in candidates(_frequencies).items():
        start = time.perf_counter()
        db = sqlite3.connect(":memory:")
        db.executescript(search_sqlite.SCHEMA)
        search_sqlite.fill(db, docs, cut)
        seconds = time.perf_counter() - start
        known, plan = search_sqlite.words(db), planner(db)

        def ask(q: str, known: list[str] = known, plan: Any = plan, db: sqlite3.Connection = db) -> list[str]:
            return search_sqlite.search(db, q, relevance.DEPTH, known, plan)

        scores = relevance.run(ask, queries)
        selves = [relevance.self_retrieval(ask, relevance.titles(catalog, lang, sample)) for lang in ("zh", "en")]
        tokens = db.execute("SELECT sum(cnt) FROM search_words").fetchone()[0]
        out[name] = {
            **scores.figures(),
            "self": round(sum(s["rate"] * s["records"] for s in selves) / sum(s["records"] for s in selves), 4),
            "index_tokens": tokens,
            "index_seconds": round(seconds, 2),
        }
        db.close()
    return out


__all__ = ["compare", "query_tokens"]
