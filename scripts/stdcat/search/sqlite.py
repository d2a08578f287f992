"""Readers' search in the SQLite download: the site's documents and tokens in an FTS5 table, ranked in SQL.

The table ``search`` holds one row per search document of each language (every record, every
paragraph of the plan; see ``documents.py``), its text already cut into the tokens of ``tokens.py``
and joined by spaces, so FTS5's ``unicode61`` tokenizer finds exactly those tokens. A query is cut
the same way: Chinese into overlapping pairs of characters, each required (标准物质 →
``标准 AND 准物 AND 物质``; one character alone stands for itself), English words as they are
(``search_words`` lists the words there are, for completing and correcting them).
``search_docs`` gives each row's key, kind, language, title, URL path and what ranking reads.

``RANKED`` is the ranking of the site (``engine.js``) in SQL: a name that is the query, then every
token in the names, then the rest by BM25; records before the plan's paragraphs; a term before a
department before an area of the framework; a shorter title first. The ``meta`` table carries it,
with how to cut a query, for readers who query the file themselves.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Iterable

from stdcat.search.documents import RANKS, Doc
from stdcat.search.tokens import STOPWORDS, index_tokens, is_han, query_tokens, squash

# search_docs is the FTS table's content (so Datasette offers its search box on search_docs).
SCHEMA = """
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
  url TEXT NOT NULL, names TEXT NOT NULL, body TEXT NOT NULL, names_key TEXT NOT NULL,
  title_length INTEGER NOT NULL, kind_rank INTEGER NOT NULL
);
CREATE VIRTUAL TABLE search USING fts5(
  names, body, content="search_docs", content_rowid="rowid", tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE search_words USING fts5vocab(search, 'row');
"""

# :match is the query cut into tokens (``match``); :name is the query squashed (``squash``).
RANKED = """
SELECT d.key, d.kind, d.lang, d.title, d.url,
  CASE WHEN instr(d.names_key, '|' || :name || '|') > 0 THEN 0
       WHEN s.rowid IN (SELECT rowid FROM search WHERE search MATCH 'names : (' || :match || ')') THEN 1
       ELSE 2 END AS tier
FROM search s JOIN search_docs d ON d.rowid = s.rowid
WHERE search MATCH :match
ORDER BY tier, d.kind_rank >= 9,
  CASE tier WHEN 0 THEN d.kind_rank * 1000 + d.title_length WHEN 1 THEN d.title_length * 16 + d.kind_rank ELSE 0 END,
  bm25(search, 3.0, 1.0), d.kind_rank, d.title_length, d.rowid
"""

PREFIX_MIN, PREFIX_MOST = 3, 40  # as engine.js


Cut = Callable[[str], list[str]]


def row(lang: str, doc: Doc, cut: Cut = index_tokens) -> tuple[object, ...]:
    """The ``search_docs`` values of one document (without the rowid)."""
    names = " ".join(t for name in doc.names for t in cut(name))
    body = " ".join(t for text in doc.body for t in cut(text))
    key = "|" + "|".join(squash(n) for n in doc.names) + "|" if doc.names else ""
    return (doc.key, doc.kind, lang, doc.title, doc.url, names, body, key, len(squash(doc.title)), RANKS[doc.kind])


def fill(db: sqlite3.Connection, docs: Iterable[tuple[str, Doc]], cut: Cut = index_tokens) -> None:
    """Index (language, document) pairs; the tables of ``SCHEMA`` exist. ``cut``: the segmentation
    (another one only to compare candidates, ``bench/segmenters.py``)."""
    for number, (lang, doc) in enumerate(docs, start=1):
        values = row(lang, doc, cut)
        db.execute(f"INSERT INTO search_docs VALUES (?{', ?' * len(values)})", (number, *values))
        db.execute("INSERT INTO search (rowid, names, body) VALUES (?, ?, ?)", (number, values[5], values[6]))
    db.execute("INSERT INTO search(search) VALUES ('optimize')")


def _quote(term: str) -> str:
    """A term as an FTS5 string; ``word*`` (only from ``bench/segmenters.py``) as a prefix query."""
    if len(term) > 1 and term.endswith("*"):
        return _quote(term[:-1]) + " *"
    return '"' + term.replace('"', '""') + '"'


def words(db: sqlite3.Connection) -> list[str]:
    """The Latin words of the index, sorted (what ``engine.js`` gets in ``meta.words``)."""
    return [w for (w,) in db.execute("SELECT term FROM search_words ORDER BY term") if not is_han(w)]


def expand(token: str, known: list[str]) -> list[str]:
    """The index words a query token stands for (``expand`` of ``engine.js``)."""
    if is_han(token):
        return [token]
    at = bisect.bisect_left(known, token)
    out = [token] if at < len(known) and known[at] == token else []
    if len(token) >= PREFIX_MIN:
        out += [w for w in known[at : at + PREFIX_MOST + 1] if w.startswith(token) and w != token]
        out = out[:PREFIX_MOST]
    if out or len(token) < 4 or token.isdigit():
        return out
    most = 2 if len(token) >= 8 else 1
    scored = [(d, w) for w in known if (d := distance(token, w, most)) <= most]
    if not scored:
        return []
    best = min(d for d, _ in scored)
    for near in [w for d, w in scored if d == best][:8]:
        start = bisect.bisect_left(known, near)
        for w in known[start:]:
            if not w.startswith(near) or len(out) >= PREFIX_MOST:
                break
            out.append(w)
    return out


def distance(a: str, b: str, most: int) -> int:
    """Edit distance with transpositions, or ``most + 1`` when it is larger (``distance`` of ``engine.js``)."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i]
        for j in range(1, len(b) + 1):
            d = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, prev2[j - 2] + 1)
            row.append(d)
        if min(row) > most:
            return most + 1
        prev2, prev = prev, row
    return prev[len(b)]


def plan(text: str, known: list[str]) -> list[list[str]]:
    """The query's required tokens, each as the index words it stands for (``plan`` of ``engine.js``)."""
    tokens = query_tokens(text)
    required = [t for t in tokens if t not in STOPWORDS] or tokens
    return [expand(t, known) for t in required]


def match(groups: list[list[str]]) -> str:
    """The FTS5 expression requiring every group: ``"标准" AND ("metrology" OR "metrological")``."""
    return " AND ".join("(" + " OR ".join(_quote(t) for t in g) + ")" for g in groups)


Plan = Callable[[str, list[str]], list[list[str]]]


def search(
    db: sqlite3.Connection, text: str, limit: int = 10, known: list[str] | None = None, planner: Plan | None = None
) -> list[str]:
    """The keys of the best documents for ``text``, best first, each once (``planner``: another way
    to cut the query, only to compare candidates)."""
    groups = (planner or plan)(text, words(db) if known is None else known)
    if not any(groups):
        return []
    found = [g for g in groups if g]
    keys: list[str] = []
    if len(found) == len(groups):
        for row in db.execute(RANKED, {"match": match(found), "name": squash(text)}):
            if row[0] not in keys:
                keys.append(row[0])
            if len(keys) >= limit:
                break
    return keys or _partial(db, found, len(groups), limit)


def _partial(db: sqlite3.Connection, groups: list[list[str]], asked: int, limit: int) -> list[str]:
    """Nothing holds every token: the documents holding the most of them, at least half (tier 3)."""
    counts: dict[int, int] = {}
    for group in groups:
        for (rowid,) in db.execute("SELECT rowid FROM search WHERE search MATCH ?", (match([group]),)):
            counts[rowid] = counts.get(rowid, 0) + 1
    most = max(counts.values(), default=0)
    if most * 2 < asked or most == 0:
        return []
    best = {r for r, c in counts.items() if c == most}
    ordered = db.execute(
        "SELECT d.key, s.rowid FROM search s JOIN search_docs d ON d.rowid = s.rowid WHERE search MATCH ? "
        "ORDER BY d.kind_rank >= 9, bm25(search, 3.0, 1.0), d.kind_rank, d.title_length, d.rowid",
        (" OR ".join("(" + match([g]) + ")" for g in groups),),
    )
    keys: list[str] = []
    for key, rowid in ordered:
        if rowid in best and key not in keys:
            keys.append(key)
    return keys[:limit]
