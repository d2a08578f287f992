"""Pages kept between rebuilds while serving (``pages/memo.py``): a kept page is the page a fresh
generation would make, whatever changed elsewhere in the catalog."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stdcat.catalog import Catalog
from stdcat.check import check
from stdcat.site import pages
from stdcat.site.pages.memo import Memo
from stdcat.site.render import FRAGMENTS
from tests.conftest import REPO
from tests.site_support import site_root


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    root = site_root(tmp_path_factory.mktemp("memo"), catalog=REPO / "catalog")
    result = check(root)
    assert result.ok
    return root, result.catalog


def _generate(root: Path, catalog: Catalog, lang: str, memo: Memo | None) -> dict[str, str]:
    defs = json.loads((root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
    ctx = pages.context(catalog, lang, defs, root / FRAGMENTS, repo_url="https://github.com/x/y", root=root)
    if memo is not None:
        ctx.memo = memo
        memo.begin(catalog)
    return {page.src_uri: page.markdown for page in pages.generate(ctx)}


def _changed(catalog: Catalog, record_id: str, change: Callable[[dict[str, Any]], None]) -> Catalog:
    """The catalog with one record's data changed (as a saved edit would change it)."""
    records = []
    for record in catalog.records.values():
        if record.id == record_id:
            data = copy.deepcopy(record.data)
            change(data)
            record = dataclasses.replace(record, data=data)
        records.append(record)
    return Catalog(records)


def _first(catalog: Catalog, test: Callable[[Any], bool]) -> Any:
    return next(r for r in catalog.by_kind("standard") if test(r))


def _edits(catalog: Catalog) -> list[tuple[str, str, Callable[[dict[str, Any]], None]]]:
    """Edits of one record that change what other records' pages show."""
    related = _first(catalog, lambda r: r.get("related"))
    named = related.get("related")[0]
    led = _first(catalog, lambda r: r.get("lead"))
    node = _first(catalog, lambda r: r.get("framework")).get("framework")
    other = _first(catalog, lambda r: r.id not in (related.id, named) and not r.get("related"))
    tagged = _first(catalog, lambda r: r.get("tags"))
    elsewhere = next(n.id for n in catalog.by_kind("framework") if n.id != related.get("framework") and n.get("parent"))

    def retitle(data: dict[str, Any]) -> None:
        data["title"] = {"zh": "改过的标题", "en": "A changed title"}

    return [
        ("a related record's title", named, retitle),
        (
            "a department's name",
            led.get("lead")[0],
            lambda d: d.update(short="改过的简称", title=d["title"] | {"en": "X"}),
        ),
        ("a framework node's title", node, retitle),
        ("a new related link (shown on the other end)", other.id, lambda d: d.update(related=[related.id])),
        ("a renamed tag", tagged.id, lambda d: d.update(tags=["新标签", *d["tags"][1:]])),
        ("a record moved to another node", related.id, lambda d: d.update(framework=elsewhere)),
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kept_pages_equal_fresh_ones_after_each_edit(real: tuple[Path, Catalog], lang: str) -> None:
    root, catalog = real
    memo = Memo()
    first = _generate(root, catalog, lang, memo)
    assert first == _generate(root, catalog, lang, None)
    for what, record_id, change in _edits(catalog):
        edited = _changed(catalog, record_id, change)
        kept = _generate(root, edited, lang, memo)
        fresh = _generate(root, edited, lang, None)
        stale = [uri for uri in fresh if kept.get(uri) != fresh[uri]]
        assert not stale, f"after {what} ({record_id}) these pages were kept stale: {stale[:5]}"
        assert memo.kept > 100 and memo.made >= 1, (what, memo.kept, memo.made)
        assert kept != first, f"{what} changed no page"
        catalog = edited


def test_unchanged_catalog_makes_no_page_again(real: tuple[Path, Catalog]) -> None:
    root, catalog = real
    memo = Memo()
    _generate(root, catalog, "zh", memo)
    made = memo.made
    _generate(root, catalog, "zh", memo)
    assert made > 300 and memo.made == 0 and memo.kept == made
