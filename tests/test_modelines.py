"""Every record names its kind's schema in its first line, and that schema exists."""

from __future__ import annotations

import json
import re

import pytest

from stdcat.cli import main
from tests.conftest import REPO

MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")
RECORDS = sorted((REPO / "catalog").rglob("*.yaml"))


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_the_modeline_names_an_existing_schema_of_the_records_kind(record) -> None:
    first = record.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.fullmatch(first)
    assert match, f"the first line is not a modeline: {first!r}"
    schema = (record.parent / match[1]).resolve()
    assert schema.is_file(), f"{match[1]} does not exist"
    assert schema.parent == REPO / "schema"
    assert schema.name == f"{record.parent.name}.schema.json"
    assert json.loads(schema.read_text(encoding="utf-8"))["$id"].endswith(f"/schema/{schema.name}")


def test_the_catalog_has_records() -> None:
    assert len(RECORDS) > 100


def test_new_records_start_with_the_modeline(tmp_path, monkeypatch) -> None:
    (tmp_path / "catalog").mkdir()
    (tmp_path / "schema").symlink_to(REPO / "schema")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "metrology", "pv-spec-new"]) == 0
    first = (tmp_path / "catalog/metrology/pv-spec-new.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../../schema/metrology.schema.json"
