"""The offline copy (``./dev offline``) works from file://: links, the diagram, search, the switch.

Built from the small fixture catalog, so that it costs seconds; the same templates and plugin as the
published site.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.site_support import MINIMAL_XSS, build_both, site_root, warnings


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("offline")
    root = site_root(base / "repo", extra={"catalog/standard/xss-probe.yaml": MINIMAL_XSS})
    logs = build_both(root, base / "site", "https://example.org/catalog/", offline=True)
    for lang, (code, log) in logs.items():
        assert code == 0 and not warnings(log), f"{lang}:\n{log}"
    return base / "site"


def test_offline_copy_works_from_files(browser: Browser, offline):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: r.url.startswith("file:") or problems.append(f"not a file: {r.url}"))
    page.goto((offline / "index.html").as_uri())
    assert (offline / "search" / "search_index.js").is_file()
    page.locator("#fw-pv a").click()
    expect(page).to_have_url((offline / "framework" / "pv.html").as_uri())
    box = page.locator(".md-search__input")
    box.click()
    box.fill("光伏")
    box.press("End")  # Material searches on keyup, as a reader types
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    # Our search answers from the index inlined in search_index.js: kind and marked excerpt shown.
    expect(first.locator(".stdcat-search__kind")).to_be_visible()
    expect(first.locator("mark").first).to_have_text("光伏")
    first.click()
    expect(page.locator(".md-content__inner h1")).to_contain_text("光伏")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.startswith((offline / "en").as_uri())
    page.close()
    assert problems == []


def test_offline_detail_table_shows_rows_from_files(browser: Browser, offline):
    """Material's page-ready signal never fires from file://: the table starts on the page's own load."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto((offline / "detail" / "index.html").as_uri())
    rows = page.locator("#stdcat-detail tbody tr")
    expect(page.locator("#stdcat-detail")).to_have_attribute("aria-busy", "false")
    ids = rows.evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert {"pv-modules", "pv-published", "pv-spec", "xss-probe"} <= set(ids)
    page.locator('select[name="kind"]').select_option("metrology")
    expect(rows).to_have_count(1)
    assert "kind=metrology" in page.url
    # The language switch keeps the filter from file:// too.
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.startswith((offline / "en" / "detail").as_uri()) and "kind=metrology" in page.url
    expect(page.locator("#stdcat-detail tbody tr")).to_have_count(1)
    page.close()
    assert problems == []
