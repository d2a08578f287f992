"""SQLite: records, organizations and their links, targets with progress, and Chinese full-text search."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from stdcat.exports import sqlite_db
from stdcat.search import sqlite as search_sqlite
from tests.export_support import context, rich_catalog


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite3.Connection:
    root = rich_catalog(tmp_path_factory.mktemp("catalog"))
    out = tmp_path_factory.mktemp("out")
    sqlite_db.write(context(root), out)
    return sqlite3.connect(out / "data" / "catalog.sqlite")


def found(db: sqlite3.Connection, query: str) -> list[str]:
    """The records (and paragraphs) the download's search ranks for ``query``, best first."""
    return search_sqlite.search(db, query, limit=20)


def test_fts_finds_words_inside_chinese_titles(db) -> None:
    assert set(found(db, "光伏")) >= {"pv", "pv-jjf", "pv-modules", "pv-published", "pv-spec", "pv-task"}
    assert found(db, "储能")[0] == "storage-safety"
    assert found(db, "赣南脐橙")[0] == "navel-orange-footprint"
    assert found(db, "脐橙")[0] == "navel-orange-footprint"
    assert found(db, "storage")[0] == "storage-safety"


def test_a_reader_writes_a_chinese_query_as_its_pairs(db) -> None:
    """What the meta table and the Downloads page tell a reader, in plain SQL."""
    example = dict(db.execute("SELECT key, value FROM meta WHERE key LIKE 'search.%'"))
    assert "标准 准物 物质" in example["search.tokens"]
    rows = db.execute(
        "SELECT DISTINCT d.key FROM search s JOIN search_docs d ON d.rowid = s.rowid WHERE search MATCH '赣南 南脐 脐橙'"
    )
    assert [r[0] for r in rows] == ["navel-orange-footprint"]
    assert db.execute(example["search.example"]).fetchall() == [], "nothing in this catalog holds 标准物质"


def test_the_ranked_query_of_the_meta_table_runs_as_written(db) -> None:
    ranked = db.execute("SELECT value FROM meta WHERE key = 'search.ranked'").fetchone()[0]
    rows = db.execute(ranked, {"match": "储能", "name": "储能"}).fetchall()
    assert rows[0][0] == "storage-safety" and rows[0][-1] == 1, "every token in the title: tier 1"


def test_the_plan_text_is_searched_by_paragraph(db) -> None:
    assert "p-1" in found(db, "光伏标准"), found(db, "光伏标准")


def test_records_hold_the_authored_json(db) -> None:
    count = db.execute("SELECT count(*) FROM records").fetchone()[0]
    assert count == 17
    data = db.execute("SELECT data FROM records WHERE id = 'pv-published'").fetchone()[0]
    assert json.loads(data)["number"] == "DB36/T 1234-2024"
    row = db.execute(
        "SELECT json_extract(data, '$.dates.effective'), level, status FROM records WHERE id = 'pv-published'"
    )
    assert row.fetchone() == ("2024-12-01", "local", "published")


def test_links_between_records_and_organizations(db) -> None:
    rows = db.execute(
        "SELECT organization_id, role FROM record_organizations WHERE record_id = 'storage-safety' ORDER BY role, position"
    ).fetchall()
    assert rows == [("cities", "implementer"), ("nea", "lead"), ("amr", "lead"), ("amr", "participant")]
    led = db.execute(
        "SELECT record_id FROM record_organizations WHERE organization_id = 'amr' AND role = 'lead' ORDER BY 1"
    )
    assert [r[0] for r in led] == ["pv-jjf", "pv-modules", "pv-task", "storage-safety"]
    assert db.execute("SELECT short, name_en FROM organizations WHERE id = 'nea'").fetchone() == (
        "省能源局",
        "Jiangxi Energy Administration",
    )


def test_targets_carry_computed_progress(db) -> None:
    row = db.execute("SELECT value, selected, delivered, known, ratio FROM targets WHERE id = 'local-standards'")
    assert row.fetchone() == (2, 3, 1, 1, 0.5)
    row = db.execute("SELECT value, uncertain, value_pattern, known, ratio FROM targets WHERE id = 'lost-digit'")
    assert row.fetchone() == (None, 1, "□0", 0, None)
    names = db.execute("SELECT record_id, delivered FROM target_records WHERE target_id = 'local-standards' ORDER BY 1")
    assert names.fetchall() == [("pv-modules", 0), ("pv-published", 1), ("storage-safety", 0)]


def test_framework_paragraphs_labels(db) -> None:
    assert db.execute("SELECT id, code, depth FROM framework ORDER BY code").fetchall() == [
        ("root", "0", 0),
        ("pv", "1", 1),
    ]
    assert db.execute("SELECT id, section FROM paragraphs ORDER BY position").fetchall() == [
        ("h-1", "一"),
        ("p-1", "一 · 1"),
    ]
    label = db.execute("SELECT zh, en FROM labels WHERE name = 'level' AND value = 'local'").fetchone()
    assert label == ("地方标准", "Local standard")
    sectors = db.execute("SELECT sector FROM record_sectors WHERE record_id = 'navel-orange-footprint' ORDER BY 1")
    assert [r[0] for r in sectors] == ["agriculture", "carbon-accounting"]


def test_the_same_catalog_gives_the_same_file(tmp_path: Path) -> None:
    ctx = context(rich_catalog(tmp_path))
    first = sqlite_db.database_bytes(ctx)
    assert first == sqlite_db.database_bytes(ctx)
    assert first.startswith(b"SQLite format 3\0")
