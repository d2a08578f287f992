"""Search in the browser: Chinese words inside longer runs, English titles, and opening a result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

# query → a record whose title holds the query; it must be among the first results.
CHINESE = {
    "光伏": "standard/pv-key-products-test-methods/",
    "碳计量": "task/carbon-metrology-monitoring-review-evaluation-rules/",
    "氢能": "standard/hydrogen-production-storage-transport-use/",
    "储能": "standard/battery-storage-safety-fire/",
    "赣南脐橙": "standard/gannan-navel-orange-freeze-protection/",
}
ENGLISH = {
    "hydrogen": "en/standard/hydrogen-safety/",
    "navel orange": "en/standard/gannan-navel-orange-freeze-protection/",
}


def search(page: Page, query: str) -> list[tuple[str, str]]:
    """Type a query into the search box; return the first results as (path, title)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup, as a reader types
    items = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(items.first).to_be_visible()
    results = []
    for i in range(items.count()):
        link = items.nth(i)
        href = (link.get_attribute("href") or "").split("?")[0]
        title = link.locator("h1, h2").first.inner_text().replace("\u200b", "")
        results.append((re.sub(r"^https?://[^/]+/", "", href), title))
    return results


@pytest.mark.parametrize("query", CHINESE)
def test_chinese_query_finds_the_records(page, site, query):
    page.goto(site.url)
    results = search(page, query)
    paths = [path for path, _ in results[:10]]
    assert CHINESE[query] in paths, results
    words = (
        re.findall(r"..", query) if query == "赣南脐橙" else [query[:1], query[1:]] if query == "碳计量" else [query]
    )
    titled = [title for path, title in results[:5] if all(w in title for w in words)]
    assert len(titled) >= 3, f"most of the first results are about {query}: {results[:5]}"


@pytest.mark.parametrize("query", ENGLISH)
def test_english_query_finds_english_titles(page, site, query):
    page.goto(site.path("en/"))
    results = search(page, query)
    assert ENGLISH[query] in [path for path, _ in results[:10]], results
    assert any(query.split()[0] in title.lower() for _, title in results[:3]), results


def test_clicking_a_result_opens_its_record(page, site):
    page.goto(site.url)
    path, title = search(page, "赣南脐橙")[0]
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    # The query as typed is highlighted on the record's page.
    expect(page).to_have_url(site.path(path) + "?h=%E8%B5%A3%E5%8D%97%E8%84%90%E6%A9%99")
    expect(page.locator(".md-content__inner h1")).to_contain_text(title)


SEGMENT_CASES = {
    "碳计量": "+碳 +计量*",
    "碳计量标准": "+碳 +计量 +标准*",
    "赣南脐橙": "+赣南 +脐橙*",
    "光伏": "光伏",
    "锂电池": "锂电池",
    "光伏锂电": "+光伏 +锂电*",
}


def test_query_segmentation_function(page, site):
    """The patched segmentation, run by the browser's own JavaScript engine on a small index."""
    from stdcat.site.search_patch import REPLACEMENT

    page.goto(site.url)
    index = {"碳": 3, "计量": 2, "碳计": 1, "量": 1, "赣": 1, "赣南": 2, "脐橙": 1, "光伏": 1, "标准": 1}
    script = REPLACEMENT.replace("function NAME(", "window.__segment = function (", 1)
    page.add_script_tag(content=script)
    for query, expected in SEGMENT_CASES.items():
        postings = {word: {"_index": 0, "text": {f"d{k}": {} for k in range(n)}} for word, n in index.items()}
        result = page.evaluate("([q, i]) => [...window.__segment(q, i)]", [query, postings])
        assert result == [expected], (query, result)
