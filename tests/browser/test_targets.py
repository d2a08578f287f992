"""The targets dashboard in the browser: each quantitative target's counts are those
``stdcat.derive.progress`` computes from the catalog the site was built from, its bar is as wide as
its share, and a target whose number was lost has no bar but says its progress is unknown."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from stdcat.catalog import Catalog
from stdcat.check import check
from stdcat.derive import progress

UNKNOWN = {"zh": "目标值未知", "en": "Required value unknown"}


@cache
def built_from(site_root: Path) -> Catalog:
    # The browser fixture builds the site from a copy of the repository beside the served folder.
    repo = site_root.parent / "repo"
    assert (repo / "catalog").is_dir()
    result = check(repo)
    assert result.ok
    return result.catalog


def rows_by_target(page: Page) -> dict[str, Locator]:
    rows = page.locator(".stdcat-targets tbody tr")
    out = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        href = row.locator("td a").first.get_attribute("href") or ""
        out[href.rstrip("/").rsplit("/", 1)[-1]] = row
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quantitative_targets_show_computed_counts_and_bars(page: Page, site, lang: str):
    catalog = built_from(site.root)
    page.goto(site.path("target/" if lang == "zh" else "en/target/"))
    rows = rows_by_target(page)
    assert len(rows) == len(catalog.by_kind("target")), "every target of the plan is on the dashboard"
    measured = 0
    for target in catalog.by_kind("target"):
        state = progress(catalog, target)
        if state is None or not state.known:
            continue
        row = rows[target.id]
        expect(row.locator("td").first).to_have_text(str(target.get("year")))
        bar = row.locator(".stdcat-progress")
        assert bar.get_attribute("data-delivered") == str(state.delivered), target.id
        assert bar.get_attribute("data-selected") == str(len(state.records)), target.id
        percent = round(100 * (state.ratio or 0))
        expect(row).to_contain_text(f"{state.delivered} / {state.value}")
        expect(row).to_contain_text(f"{percent}%")
        outer = bar.bounding_box()
        inner = bar.locator(".stdcat-progress__bar").bounding_box()
        assert outer and inner and outer["width"] > 0
        assert abs(inner["width"] - outer["width"] * percent / 100) <= 1.5, f"{target.id}: bar of {percent}%"
        measured += 1
    assert measured >= 3, "the plan's numeric targets are measured"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_target_whose_number_is_lost_has_no_bar(page: Page, site, lang: str):
    catalog = built_from(site.root)
    page.goto(site.path("target/" if lang == "zh" else "en/target/"))
    rows = rows_by_target(page)
    lost = [t for t in catalog.by_kind("target") if t.get("value") is None and t.get("value_pattern")]
    assert lost, "the plan has targets whose digits were lost"
    for target in lost:
        row = rows[target.id]
        expect(row.locator(".stdcat-progress__bar")).to_have_count(0)
        expect(row.locator(".stdcat-progress__unknown")).to_contain_text(UNKNOWN[lang])
        expect(row.locator(".stdcat-lost").first).to_have_text(str(target.get("value_pattern")))
        state = progress(catalog, target)
        if state is not None:
            note = row.locator(".stdcat-progress__unknown")
            assert note.get_attribute("data-selected") == str(len(state.records)), target.id
            assert note.get_attribute("data-delivered") == str(state.delivered), target.id
