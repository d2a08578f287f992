"""``python -m stdcat export``: writes every format, the same bytes twice, and refuses invalid catalogs."""

from __future__ import annotations

import json
from pathlib import Path

from stdcat.exports.command import FORMAT_NAMES
from stdcat.exports.formats import FORMATS
from stdcat.exports.json_data import authored
from tests.conftest import REPO, run
from tests.export_support import rich_catalog


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_catalog_exported_twice_gives_identical_bytes(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    code, out, err = run(root, "export", "--out", str(tmp_path / "a"))
    assert code == 0, err
    assert run(root, "export", "--out", str(tmp_path / "b"))[0] == 0
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    for name in ("data/index.json", "data/detail.xlsx", "data/catalog.sqlite", "data/catalog.bib", "changes.atom"):
        assert name in first, name
    assert "data/records/pv-modules.json" in first and "schema/standard.schema.json" in first
    assert "data/detail.xlsx" in out and "data/records/*.json" in out


def test_format_option_limits_the_output(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    code, _, _ = run(root, "export", "--out", str(tmp_path / "o"), "--format", "csv", "--format", "bib")
    assert code == 0
    files = set(tree(tmp_path / "o"))
    assert "data/detail.csv" in files and "data/catalog.bib" in files
    assert not any(f.endswith((".json", ".xlsx", ".sqlite")) for f in files)
    assert run(root, "export", "--out", str(tmp_path / "o"), "--format", "pdf")[0] == 2
    assert run(root, "export")[0] == 2  # --out is required
    assert set(FORMATS) == {"json", "csv", "xlsx", "sqlite", "bib", "changes", "schema"}


def test_site_url_option_reaches_citations_and_feed(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    assert run(root, "export", "--out", str(tmp_path / "o"), "--site-url", "https://mirror.example/c")[0] == 0
    record = json.loads((tmp_path / "o/data/records/pv-modules.json").read_text(encoding="utf-8"))
    assert "https://mirror.example/c/standard/pv-modules/" in record["_derived"]["citation"]["gbt7714"]
    assert b"https://mirror.example/c/changes.atom" in (tmp_path / "o/changes.atom").read_bytes()


def test_an_invalid_catalog_is_not_exported(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    path = root / "catalog/standard/pv-modules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: local", "level: locl"), encoding="utf-8")
    code, _, err = run(root, "export", "--out", str(tmp_path / "o"))
    assert code == 1 and "nothing exported" in err
    assert not (tmp_path / "o").exists()


def test_the_real_catalog_round_trips(tmp_path) -> None:
    code, _, err = run(REPO, "export", "--out", str(tmp_path), "--format", "json")
    assert code == 0, err
    index = json.loads((tmp_path / "data/index.json").read_text(encoding="utf-8"))
    for kind, entry in index["kinds"].items():
        document = json.loads((tmp_path / entry["file"]).read_text(encoding="utf-8"))
        assert len(document["records"]) == entry["count"], kind
        for record in document["records"]:
            assert "_derived" in record and "_derived" not in authored(record)
    assert len(list((tmp_path / "data/records").glob("*.json"))) == index["count"]


def test_the_parser_knows_every_format_without_importing_them() -> None:
    assert tuple(FORMATS) == FORMAT_NAMES
