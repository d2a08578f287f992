"""The detail table (标准明细表) in the browser: facets narrow it, the address reproduces the view,
headers sort it, the text filter finds Chinese words, and record text stays text."""

from __future__ import annotations

from functools import cache
from typing import Any

from playwright.sync_api import Page, expect

from stdcat.catalog import Catalog, Record
from stdcat.check import check
from tests.conftest import REPO

TABLE = "#stdcat-detail"
ROWS = "#stdcat-detail tbody tr"
METEOROLOGY = "sheng-qixiang-ju"  # takes part in 91 records: fewer than a page of rows
PLANNING = "sheng-fazhan-gaige-wei"  # takes part in 216: more than a page


@cache
def catalog() -> Catalog:
    result = check(REPO)
    assert result.ok
    return result.catalog


def table_records() -> list[Record]:
    return catalog().by_kind("standard") + catalog().by_kind("metrology")


def departments(record: Record) -> set[str]:
    return {*(record.get("lead") or []), *(record.get("participants") or []), *(record.get("implementers") or [])}


def shown(page: Page) -> list[str]:
    return page.locator(ROWS).evaluate_all("rows => rows.map(row => row.dataset.id)")


def data(page: Page) -> dict[str, Any]:
    return page.evaluate("JSON.parse(document.getElementById('stdcat-detail-data').content.textContent)")


def open_table(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(TABLE)).to_have_attribute("aria-busy", "false")  # every row and control drawn


def test_department_facet_narrows_the_table_and_the_address_reproduces_it(page: Page, site):
    open_table(page, site.path("detail/"))
    total = len(table_records()) + 1  # and the hostile record
    expect(page.locator(".stdcat-detail__count")).to_have_text(f"显示 {total} / {total} 条")
    page.locator('select[name="org"]').select_option(METEOROLOGY)
    expected = {r.id for r in table_records() if METEOROLOGY in departments(r)}
    expect(page.locator(".stdcat-detail__count")).to_have_text(f"显示 {len(expected)} / {total} 条")
    rows = shown(page)
    assert set(rows) == expected and len(rows) == len(expected)
    assert f"org={METEOROLOGY}" in page.url
    again = page.context.new_page()
    open_table(again, page.url)
    assert shown(again) == rows, "the same rows in the same order"
    expect(again.locator('select[name="org"]')).to_have_value(METEOROLOGY)


def test_a_large_view_shows_a_page_of_rows_then_more(page: Page, site):
    open_table(page, site.path(f"detail/?org={PLANNING}"))
    expected = {r.id for r in table_records() if PLANNING in departments(r)}
    assert len(expected) > 100
    assert len(shown(page)) == 100
    more = page.locator(".stdcat-detail__more")
    expect(more).to_contain_text(str(len(expected) - 100))
    more.click()
    expect(page.locator(ROWS)).to_have_count(200)
    more.click()
    expect(page.locator(ROWS)).to_have_count(len(expected))
    assert set(shown(page)) == expected
    expect(more).to_be_hidden()


def test_clicking_a_header_sorts_by_its_column(page: Page, site):
    open_table(page, site.path("detail/"))
    table = data(page)
    level = table["fields"].index("level")
    rank = {value: i for i, (value, _) in enumerate(table["labels"]["level"])}
    default = [(row[0], rank[row[level]]) for row in table["rows"]]  # every row has a level ("not stated")
    header = page.locator('th:has(button[data-sort="level"])')
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    expected = [record_id for record_id, _ in sorted(default, key=lambda pair: pair[1])][:100]  # stable
    assert shown(page) == expected
    assert "sort=level" in page.url
    header.locator("button").press("Enter")  # the header is a button: the keyboard sorts too
    expect(header).to_have_attribute("aria-sort", "descending")
    first = page.locator(ROWS).first.locator("td").nth(5)
    expect(first).to_have_text("未注明")  # the schema's last level first (no level stated counts as it)
    assert "sort=-level" in page.url


def test_text_filter_finds_a_chinese_word(page: Page, site):
    open_table(page, site.path("detail/"))
    page.locator('input[name="text"]').fill("光伏")
    expected = {r.id for r in table_records() if "光伏" in r.title("zh")} | {"xss-probe"}
    expect(page.locator(ROWS)).to_have_count(len(expected))
    assert set(shown(page)) == expected
    assert "text=%E5%85%89%E4%BC%8F" in page.url


def test_hostile_title_is_text_in_the_table(page: Page, site):
    open_table(page, site.path("detail/?text=xss-probe"))
    expect(page.locator(ROWS)).to_have_count(1)
    link = page.locator(ROWS).locator("a").first
    expect(link).to_contain_text("<script>window.__xss = 1</script>")
    expect(link).to_contain_text('<img src=x onerror="window.__xss = 2">')
    assert page.locator(f"{TABLE} script, {TABLE} img, {TABLE} b").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    link.click()
    expect(page).to_have_url(site.path("standard/xss-probe/"))


def test_the_english_table_and_instant_navigation(page: Page, site):
    page.goto(site.path("en/"))
    page.locator(".md-tabs__link", has_text="Catalog").click()
    page.locator(".md-nav__link", has_text="Detail table").first.click()
    expect(page).to_have_url(site.path("en/detail/"))
    expect(page.locator(TABLE)).to_be_visible()  # drawn after an instant (in-page) navigation
    total = len(table_records()) + 1
    expect(page.locator(".stdcat-detail__count")).to_have_text(f"Showing {total} of {total}")
    page.locator('select[name="kind"]').select_option("metrology")
    expect(page.locator(ROWS)).to_have_count(len(catalog().by_kind("metrology")))
    expect(page.locator(ROWS).first.locator("td").nth(4)).to_contain_text("Metrology")
