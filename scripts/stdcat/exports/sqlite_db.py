"""The catalog as a SQLite database, for people who want SQL (standard library ``sqlite3``).

Output: ``data/catalog.sqlite``. Tables (see ``SCHEMA`` for every column):

- ``records``: one row per record, the common fields as columns, ``data`` the authored record
  as JSON (query it with ``json_extract``) and ``derived`` the ``_derived`` mapping;
- ``organizations``; ``links``: every reference from one record to another, by field, and the
  view ``record_organizations`` (role ``lead`` / ``participant`` / ``implementer``);
- ``framework``: the nodes with code, parent, depth and order; ``record_sectors``, ``record_tags``;
- ``targets`` with their computed progress, and ``target_records`` (what each selector names);
- ``paragraphs``: the repaired plan text; ``labels``: the zh/en label of every enumerated value;
- ``search``, ``search_docs``, ``search_words``: readers' search, the same documents, tokens and
  ranking as the site's (``stdcat.search.sqlite``): every record and every paragraph of the plan,
  in each language. Chinese is indexed as characters and overlapping pairs of characters, so a query
  is written as its pairs: 标准物质 → ``MATCH '标准 准物 物质'``. The ``meta`` table says how
  (``search.*`` keys), with the site's ranking as a query to copy.

The file is built fresh, in one transaction, rows in a fixed order, then vacuumed: the same
catalog gives the same bytes (SQLite stores no timestamps).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from stdcat import __version__
from stdcat.catalog import KINDS, Record, references
from stdcat.derive import delivered, progress
from stdcat.exports.common import write_bytes
from stdcat.exports.context import Context
from stdcat.exports.derived import derived
from stdcat.search import documents, synonyms
from stdcat.search import sqlite as search_sqlite
from stdcat.site.i18n import Labels

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, title_zh TEXT NOT NULL, title_en TEXT,
  summary_zh TEXT, summary_en TEXT, status TEXT, level TEXT, type TEXT, action TEXT,
  framework TEXT, horizon INTEGER, number TEXT,
  source_document TEXT, source_paragraph TEXT, source_quote TEXT,
  data TEXT NOT NULL, derived TEXT NOT NULL
);
CREATE TABLE organizations (
  id TEXT PRIMARY KEY REFERENCES records(id), short TEXT, name_zh TEXT, name_en TEXT, type TEXT, parent TEXT, url TEXT
);
CREATE TABLE links (
  source TEXT NOT NULL REFERENCES records(id), field TEXT NOT NULL, target TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (source, field, position)
);
CREATE INDEX links_target ON links (target, field);
CREATE VIEW record_organizations AS
  SELECT source AS record_id, target AS organization_id,
         CASE field WHEN 'lead' THEN 'lead' WHEN 'participants' THEN 'participant' ELSE 'implementer' END AS role,
         position
  FROM links WHERE field IN ('lead', 'participants', 'implementers');
CREATE TABLE framework (
  id TEXT PRIMARY KEY REFERENCES records(id), code TEXT, parent TEXT, position INTEGER, depth INTEGER NOT NULL,
  title_zh TEXT NOT NULL, title_en TEXT
);
CREATE TABLE record_sectors (record_id TEXT NOT NULL, sector TEXT NOT NULL, PRIMARY KEY (record_id, sector));
CREATE TABLE record_tags (record_id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (record_id, tag));
CREATE TABLE targets (
  id TEXT PRIMARY KEY REFERENCES records(id), year INTEGER, comparator TEXT, value INTEGER, uncertain INTEGER,
  value_pattern TEXT, unit_zh TEXT, unit_en TEXT, measure_zh TEXT, measure_en TEXT,
  selected INTEGER, delivered INTEGER, known INTEGER, ratio REAL
);
CREATE TABLE target_records (
  target_id TEXT NOT NULL, record_id TEXT NOT NULL, delivered INTEGER NOT NULL, PRIMARY KEY (target_id, record_id)
);
CREATE TABLE paragraphs (
  id TEXT PRIMARY KEY, text_id TEXT NOT NULL, document TEXT, position INTEGER NOT NULL, role TEXT, level INTEGER,
  section TEXT, zh TEXT NOT NULL, en TEXT, seed TEXT
);
CREATE TABLE labels (
  name TEXT NOT NULL, value TEXT NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (name, value)
);
"""


# How to search the file, for readers who open it in sqlite3 or Datasette (the Downloads page says
# the same). Kept here, beside the tables they describe.
SEARCH_META = {
    "search.about": (
        "Full-text search over every record and every paragraph of the plan, in Chinese (lang zh) and English "
        "(lang en): the site's own documents, tokens and ranking. Table search (FTS5) holds the tokens of each "
        "document's names and body; search_docs the key (record id or paragraph id), kind, lang, title and url "
        "of each row (same rowid); search_words every token."
    ),
    "search.tokens": (
        "Chinese text is indexed as single characters and overlapping pairs of characters, English as words "
        "(lower case, full-width forms made half-width). Write a Chinese query as its pairs: 标准物质 -> "
        "标准 准物 物质 (one character alone stands for itself: 钨); English words as they are: carbon footprint."
    ),
    "search.example": "SELECT d.key, d.kind, d.lang, d.title FROM search s JOIN search_docs d ON d.rowid = s.rowid "
    "WHERE search MATCH '标准 准物 物质' ORDER BY bm25(search, 3.0, 1.0) LIMIT 10",
    "search.ranked": search_sqlite.RANKED.strip(),
    "search.ranked.parameters": (
        ":match is the query's tokens joined by AND (标准 AND 准物 AND 物质); :name is the query without spaces "
        "or punctuation, lower case (标准物质, carbonfootprint)."
    ),
    "search.datasette": "datasette catalog.sqlite, then open /catalog/search_docs?_search=标准+准物+物质 "
    "or run search.ranked with its parameters in /catalog?sql=",
}


def _bi(value: Any, lang: str) -> Any:
    return value.get(lang) if isinstance(value, dict) else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _record_row(ctx: Context, record: Record) -> tuple[Any, ...]:
    get, source = record.get, record.get("source") or {}
    return (
        record.id, record.kind, record.title("zh"), _bi(get("title"), "en"),
        _bi(get("summary"), "zh"), _bi(get("summary"), "en"), get("status"), get("level"), get("type"),
        get("action"), get("framework"), get("horizon"), get("number"),
        source.get("document"), source.get("paragraph"), source.get("quote"),
        _json(record.data), _json(derived(ctx, record)),
    )  # fmt: skip


def _fill_records(ctx: Context, db: sqlite3.Connection, records: list[Record]) -> None:
    db.executemany(f"INSERT INTO records VALUES ({', '.join('?' * 18)})", [_record_row(ctx, r) for r in records])
    for record in records:
        link_rows = []
        for link in references(record):
            position = link.path[1] if len(link.path) > 1 and isinstance(link.path[1], int) else 0
            link_rows.append((record.id, link.field, link.target, position))
        db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", link_rows)
        db.executemany(
            "INSERT INTO record_sectors VALUES (?, ?)", [(record.id, s) for s in record.get("sectors") or []]
        )
        db.executemany("INSERT INTO record_tags VALUES (?, ?)", [(record.id, t) for t in record.get("tags") or []])


def _fill_search(ctx: Context, db: sqlite3.Connection) -> None:
    """Readers' search: the site's documents of both languages (``stdcat.search.sqlite``)."""
    labels, found = Labels(ctx.schemas.defs), synonyms.load(ctx.root)
    docs = [(lang, doc) for lang in ("zh", "en") for doc in documents.documents(ctx.catalog, lang, labels, found)]
    search_sqlite.fill(db, docs)


def _fill_kinds(ctx: Context, db: sqlite3.Connection) -> None:
    for org in ctx.catalog.by_kind("organization"):
        name = org.get("name") or {}
        row = (
            org.id,
            org.get("short"),
            name.get("zh"),
            name.get("en"),
            org.get("type"),
            org.get("parent"),
            org.get("url"),
        )
        db.execute("INSERT INTO organizations VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    for node in ctx.catalog.by_kind("framework"):
        depth = len(ctx.catalog.framework_path(node.id)) - 1
        row = (
            node.id,
            node.get("code"),
            node.get("parent"),
            node.get("order"),
            depth,
            node.title("zh"),
            node.title("en"),
        )
        db.execute("INSERT INTO framework VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    for target in ctx.catalog.by_kind("target"):
        _fill_target(ctx, db, target)
    for text in ctx.catalog.by_kind("text"):
        for i, p in enumerate(text.get("paragraphs") or []):
            row = (p["id"], text.id, text.get("document"), i, p.get("role"), p.get("level"), p.get("section"))
            db.execute(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, p["zh"], p.get("en"), p.get("seed")),
            )


def _fill_target(ctx: Context, db: sqlite3.Connection, target: Record) -> None:
    found = progress(ctx.catalog, target)
    get = target.get
    row = (
        target.id, get("year"), get("comparator"), get("value"), int(bool(get("uncertain"))), get("value_pattern"),
        _bi(get("unit"), "zh"), _bi(get("unit"), "en"), _bi(get("measure"), "zh"), _bi(get("measure"), "en"),
        len(found.records) if found else None, found.delivered if found else None,
        int(found.known) if found else None, found.ratio if found else None,
    )  # fmt: skip
    db.execute(f"INSERT INTO targets VALUES ({', '.join('?' * 14)})", row)
    for record in found.records if found else ():
        db.execute("INSERT INTO target_records VALUES (?, ?, ?)", (target.id, record.id, int(delivered(record))))


def _fill_meta(ctx: Context, db: sqlite3.Connection) -> None:
    meta = {
        "title": "江西省碳达峰碳中和标准计量体系目录",
        "schema_version": __version__,
        "count": str(len(ctx.catalog)),
    }
    meta.update({f"count.{kind}": str(len(ctx.catalog.by_kind(kind))) for kind in KINDS})
    meta.update(SEARCH_META)
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    for name, values in sorted(ctx.labels.enums.items()):
        rows = [(name, str(v), zh, en, i) for i, (v, (zh, en)) in enumerate(values.items())]
        db.executemany("INSERT INTO labels VALUES (?, ?, ?, ?, ?)", rows)


def database_bytes(ctx: Context) -> bytes:
    """The database file's bytes, built in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.sqlite"
        db = sqlite3.connect(path)
        try:
            with db:
                db.executescript("BEGIN;" + SCHEMA + search_sqlite.SCHEMA + "COMMIT;")
            with db:
                _fill_records(ctx, db, [r for kind in KINDS for r in ctx.catalog.by_kind(kind)])
                _fill_kinds(ctx, db)
                _fill_meta(ctx, db)
                _fill_search(ctx, db)
            db.execute("VACUUM")
        finally:
            db.close()
        return path.read_bytes()


def write(ctx: Context, out: Path) -> list[Path]:
    return [write_bytes(out / "data" / "catalog.sqlite", database_bytes(ctx))]
