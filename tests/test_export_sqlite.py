"""SQLite: records, organizations and their links, targets with progress, and Chinese full-text search."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from stdcat.exports import sqlite_db
from stdcat.exports.segment import match_query, segmented
from tests.export_support import context, rich_catalog


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite3.Connection:
    root = rich_catalog(tmp_path_factory.mktemp("catalog"))
    out = tmp_path_factory.mktemp("out")
    sqlite_db.write(context(root), out)
    return sqlite3.connect(out / "data" / "catalog.sqlite")


def titles_matching(db: sqlite3.Connection, words: str) -> list[str]:
    rows = db.execute("SELECT id FROM search WHERE title MATCH ? ORDER BY id", (match_query(words),))
    return [row[0] for row in rows]


def test_fts_finds_words_inside_chinese_titles(db) -> None:
    assert titles_matching(db, "光伏") == ["pv", "pv-jjf", "pv-modules", "pv-published", "pv-spec", "pv-task"]
    assert titles_matching(db, "储能") == ["storage-safety"]
    assert titles_matching(db, "赣南脐橙") == ["navel-orange-footprint"]
    assert titles_matching(db, "脐橙") == ["navel-orange-footprint"]
    assert titles_matching(db, "storage") == ["storage-safety"]
    # A plain query works too, because the indexed text is segmented.
    assert [r[0] for r in db.execute("SELECT id FROM search WHERE title MATCH '储能'")] == ["storage-safety"]


def test_segmentation_splits_words_apart() -> None:
    assert segmented("光伏组件检测标准") == "光伏 组件 检测 标准"
    assert match_query('say "光伏"') == '"say" AND "光伏"'


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
