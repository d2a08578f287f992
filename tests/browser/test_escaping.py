"""Record text is text: a record whose fields hold scripts, handlers and markup shows them and runs nothing."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PAGES = [
    "standard/xss-probe/",
    "en/standard/xss-probe/",
    "standard/",
    "tags/",
    "organization/sheng-nengyuan-ju/",
    "framework/renewable-pv/",
]


def test_hostile_record_runs_nothing_and_shows_its_markup(page: Page, site):
    for path in PAGES:
        page.goto(site.path(path))
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", f"{path}: record text ran"
        assert (
            page.locator(".md-content__inner script, .md-content__inner img, .md-content__inner iframe").count() == 0
        ), path
    page.goto(site.path("standard/xss-probe/"))
    expect(page.locator(".md-content__inner h1")).to_contain_text("<script>window.__xss = 1</script>")
    expect(page.locator(".md-content__inner h1")).to_contain_text('<img src=x onerror="window.__xss = 2">')
    expect(page.locator(".md-content__inner h1")).to_contain_text("**粗体** [链接](javascript:x) \\N")
    expect(page.locator(".stdcat-summary")).to_contain_text("<script>window.__xss = 5</script>")
    assert "<script>" in page.title()
    page.goto(site.path("en/standard/xss-probe/"))
    assert "</title><b>bold</b>" in page.title()


def test_hostile_record_in_search_results(page: Page, site):
    page.goto(site.url)
    box = page.locator(".md-search__input")
    box.click()
    box.fill("粗体")
    box.press("End")  # Material searches on keyup, as a reader types
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("<script>")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".md-search-result script, .md-search-result img").count() == 0
