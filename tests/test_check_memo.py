"""``check``'s memo (kept by ``mkdocs serve``): a file is read again only when it changed, and the
result is the one a fresh check gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stdcat import check as check_module
from stdcat.check import check
from tests.conftest import edit


def _summary(result: check_module.Result) -> tuple[list[str], list[str]]:
    return [p.text() for p in result.problems], sorted(result.catalog.records)


def test_only_changed_files_are_read_again(catalog_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo: check_module.FileMemo = {}
    first = check(catalog_root, memo=memo)
    assert first.ok and len(memo) == first.files
    read: list[str] = []
    real_load = check_module.load_file
    monkeypatch.setattr(check_module, "load_file", lambda path, shown: read.append(shown) or real_load(path, shown))
    edit(catalog_root, "catalog/standard/pv-modules.yaml", "status: planned", "status: drafting")
    path = catalog_root / "catalog/standard/pv-modules.yaml"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))  # a later save
    again = check(catalog_root, memo=memo)
    assert read == ["catalog/standard/pv-modules.yaml"]
    assert _summary(again) == _summary(check(catalog_root))
    assert again.catalog.get("pv-modules").get("status") == "drafting"


def test_a_file_broken_between_checks_is_reported(catalog_root: Path) -> None:
    memo: check_module.FileMemo = {}
    assert check(catalog_root, memo=memo).ok
    path = catalog_root / "catalog/standard/pv-modules.yaml"
    path.write_text("id: pv-modules\nkind: standard\ntitle: [\n", encoding="utf-8")
    again = check(catalog_root, memo=memo)
    assert not again.ok
    assert _summary(again) == _summary(check(catalog_root))
