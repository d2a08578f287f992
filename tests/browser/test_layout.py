"""Tables that fit the reader: at 1280 × 900 the detail table's columns are all in view in a scroll
container of its own (its header sticky); at 390 × 844 each record is a card; the statistics and
targets tables keep their last columns in view; the detail page does not shift as it loads (CLS); and
at 10,000 rows the table still draws only a page of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.audit import WIDTHS

ROWS = "#stdcat-detail tbody tr"
# The cumulative layout shift of the page so far (buffered entries of the Layout Instability API).
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    w, h = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": w, "height": h})
    yield context.new_page()
    context.close()


def in_view(page: Page, selector: str) -> list[str]:
    """The texts of the elements matching ``selector`` that are not wholly inside the window's width."""
    return page.locator(selector).evaluate_all(
        """(els) => els.filter(e => e.getClientRects().length).filter(e => {
            const r = e.getBoundingClientRect();
            return r.left < 0 || r.right > window.innerWidth + 0.5;
        }).map(e => e.textContent.trim())"""
    )


def test_detail_table_columns_are_in_view_at_1280(page: Page, site):
    page.goto(site.path("detail/"))
    expect(page.locator("#stdcat-detail")).to_have_attribute("aria-busy", "false")
    headers = page.locator("#stdcat-detail thead th")
    expect(headers).to_have_count(9)
    assert in_view(page, "#stdcat-detail thead th") == []
    for name in ("责任单位", "目标年份", "状态", "标准编号"):
        assert any(name in text for text in headers.all_text_contents()), name
    scroll = page.locator(".stdcat-detail__scroll")
    box = scroll.bounding_box()
    assert box and box["height"] <= 900, "the table scrolls in a container no taller than the window"
    assert scroll.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "no column beyond the container's edge"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Scrolled within its container, the header stays on top of the rows.
    scroll.evaluate("e => e.scrollTop = 2000")
    header, first = page.locator("#stdcat-detail thead th").first, page.locator(ROWS).first
    assert header.bounding_box()["y"] >= box["y"] - 1
    assert header.is_visible() and first.bounding_box()["y"] < box["y"], "rows scrolled under a sticky header"


def test_detail_table_is_cards_on_a_phone(browser: Browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.path("detail/"))
    card = page.locator(ROWS).first
    expect(card).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "nothing beyond the edge"
    assert in_view(page, f"{ROWS}:nth-child(-n+3) td") == []
    title = card.locator("td.stdcat-col--title")
    status = card.locator("td.stdcat-col--status")
    assert title.bounding_box()["y"] < status.bounding_box()["y"], "the title heads the card"
    assert status.evaluate("td => getComputedStyle(td, '::before').content").strip('"') == "状态"
    # Three rows no longer fill the screen: a compact card takes less than a third of it.
    heights = page.locator(ROWS).evaluate_all("rows => rows.slice(0, 8).map(r => r.getBoundingClientRect().height)")
    assert len(heights) == 8 and max(heights) < 844 / 3, heights
    # The filters fold away behind one button; it opens them.
    select = page.locator('select[name="status"]')
    expect(select).to_be_hidden()
    page.locator(".stdcat-detail__toggle").click()
    expect(select).to_be_visible()
    context.close()


def test_detail_page_does_not_shift_as_it_loads(sized: Page, site):
    sized.goto(site.path("detail/"))
    expect(sized.locator("#stdcat-detail")).to_have_attribute("aria-busy", "false")
    shift = sized.evaluate(CLS)
    assert shift < 0.1, f"cumulative layout shift {shift:.3f}"


def test_statistics_and_targets_tables_fit(sized: Page, site):
    sized.goto(site.path("statistics/"))
    assert sized.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    table = sized.locator(".stdcat-stats__table").first
    expect(table).to_be_visible()
    if sized.viewport_size["width"] >= 1280:
        assert in_view(sized, ".stdcat-stats__table thead th") == []
    sized.goto(site.path("target/"))
    assert sized.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    progress = sized.locator(".stdcat-targets__table td.stdcat-col--progress").first
    expect(progress).to_be_visible()
    assert in_view(sized, ".stdcat-targets__table tbody tr:nth-child(-n+3) td") == []


def test_ten_thousand_rows_draw_a_page_at_a_time(page: Page, site):
    """The real page with its data grown to 10,000 rows: the table draws 100, filters and sorts all."""

    def grow(route: Route) -> None:
        html = route.fetch().text()
        found = re.search(r'(<template id="stdcat-detail-data">)(.*?)(</template>)', html, re.S)
        assert found
        data = json.loads(found.group(2))
        rows = data["rows"]
        grown = []
        for i in range(10_000):
            row = list(rows[i % len(rows)])
            row[0] = f"{row[0]}-{i}"
            grown.append(row)
        data["rows"] = grown
        text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        route.fulfill(response=route.fetch(), body=html[: found.start(2)] + text + html[found.end(2) :])

    page.route(site.path("detail/"), grow)
    page.goto(site.path("detail/"))
    expect(page.locator(".stdcat-detail__count")).to_have_text("显示 10000 / 10000 条")
    expect(page.locator(ROWS)).to_have_count(100)
    page.locator('select[name="kind"]').select_option("metrology")
    expected = page.evaluate(
        """() => { const d = JSON.parse(document.getElementById('stdcat-detail-data').content.textContent);
                   return d.rows.filter(r => r[1] === 'metrology').length; }"""
    )
    expect(page.locator(".stdcat-detail__count")).to_have_text(f"显示 {expected} / 10000 条")
    expect(page.locator(ROWS)).to_have_count(100)
    page.locator('th button[data-sort="title"]').click()
    expect(page.locator('th:has(button[data-sort="title"])')).to_have_attribute("aria-sort", "ascending")
    assert page.locator("#stdcat-detail tbody tr").count() == 100
