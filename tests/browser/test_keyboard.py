"""Keyboard and language: the detail table used with the keyboard alone (focus always visible), the
diagram's links reached by Tab, and the language switch keeping the page, the filters, the sort and
the anchor.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

ROWS = "#stdcat-detail tbody tr"
# The focused element and whether its focus shows: an outline, or a changed box shadow.
FOCUS = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return {tag: e.tagName, name: e.getAttribute('name'), sort: e.dataset ? e.dataset.sort : null,
          cls: e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className,
          href: e.getAttribute('href') || e.getAttribute('xlink:href'), shown: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
          || s.boxShadow !== 'none'};
}"""


def tab_to(page: Page, test: str, limit: int = 60) -> dict:
    """Press Tab until the focused element passes ``test`` (a JS predicate on it); its FOCUS facts."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({test}); }})()"):
            return page.evaluate(FOCUS)
    raise AssertionError(f"Tab never reached {test}")


def test_detail_table_by_keyboard_alone(page: Page, site):
    page.goto(site.path("detail/"))
    expect(page.locator("#stdcat-detail")).to_have_attribute("aria-busy", "false")
    count = page.locator(".stdcat-detail__count")
    total = int(count.inner_text().split("/")[1].split()[0])
    focused = tab_to(page, "e.name === 'text'")
    assert focused["shown"], "the text box shows its focus"
    page.keyboard.type("光伏")
    expect(count).not_to_have_text(f"显示 {total} / {total} 条")
    narrowed = int(count.inner_text().split("/")[0].split()[-1])
    assert 0 < narrowed < total and page.locator(ROWS).count() == narrowed
    focused = tab_to(page, "e.name === 'kind'")
    assert focused["shown"]
    page.keyboard.press("ArrowDown")  # a closed select takes its next option from the arrow keys
    expect(page.locator('select[name="kind"]')).not_to_have_value("")
    assert "kind=" in page.url
    focused = tab_to(page, "e.dataset && e.dataset.sort === 'title'")
    assert focused["shown"], "the sort button shows its focus"
    page.keyboard.press("Enter")
    expect(page.locator('th:has(button[data-sort="title"])')).to_have_attribute("aria-sort", "ascending")
    page.keyboard.press("Space")
    expect(page.locator('th:has(button[data-sort="title"])')).to_have_attribute("aria-sort", "descending")
    focused = tab_to(page, "e.classList && e.classList.contains('stdcat-detail__scroll')")
    assert focused["shown"], "the table's scroll box is reachable and shows its focus"
    focused = tab_to(page, "e.closest && e.closest('#stdcat-detail tbody') && e.tagName === 'A'")
    assert focused["shown"], "a record link shows its focus"
    target = focused["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.rstrip("/").endswith(target.strip("./").rstrip("/")))
    expect(page.locator(".md-content__inner h1")).to_be_visible()


def test_diagram_links_are_reached_by_tab(page: Page, site):
    page.goto(site.url)
    focused = tab_to(page, "e.closest && e.closest('.stdcat-diagram') && e.tagName.toLowerCase() === 'a'", limit=80)
    assert focused["href"], "a diagram box is a link the keyboard reaches"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/framework/" in url)
    expect(page.locator(".md-content__inner h1")).to_be_visible()


def test_language_switch_keeps_filters_sort_and_anchor(page: Page, site):
    page.goto(site.path("detail/?kind=standard&text=%E5%85%89%E4%BC%8F&sort=-title#stdcat-detail"))
    expect(page.locator("#stdcat-detail")).to_have_attribute("aria-busy", "false")
    zh_rows = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.id)")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(lambda url: "/en/detail/" in url)
    assert "kind=standard" in page.url and "sort=-title" in page.url and page.url.endswith("#stdcat-detail")
    assert "text=%E5%85%89%E4%BC%8F" in page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('select[name="kind"]')).to_have_value("standard")
    expect(page.locator('input[name="text"]')).to_have_value("光伏")
    expect(page.locator('th:has(button[data-sort="title"])')).to_have_attribute("aria-sort", "descending")
    en_rows = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert set(en_rows) == set(zh_rows), "the same records (the Chinese title is searched in English too)"


def test_language_switch_by_keyboard_keeps_the_anchor(page: Page, site):
    page.goto(site.path("plan/repairs/#unknown"))
    page.locator('.md-select__link[hreflang="en"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/en/plan/repairs/" in url)
    assert page.url.endswith("#unknown")
