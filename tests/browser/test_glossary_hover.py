"""Glossary terms on a record page: an abbr whose tooltip shows the term's definition."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from stdcat.check import check


def test_hovering_a_term_on_a_record_page_shows_its_definition(page: Page, site):
    catalog = check(site.root.parent / "repo").catalog  # the repository the site was built from
    definitions = {term.title("zh"): term.get("definition")["zh"] for term in catalog.by_kind("term")}
    pages = sorted(site.root.glob("standard/*/index.html"))
    with_term = next(p for p in pages if "<abbr title=" in p.read_text(encoding="utf-8"))
    page.goto(site.path(with_term.parent.relative_to(site.root).as_posix() + "/"))
    abbr = page.locator("article abbr").first
    term = abbr.inner_text()
    assert term in definitions, f"{term} is a glossary term"
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(definitions[term])


def test_terms_are_not_wrapped_in_links_or_headings(page: Page, site):
    for path in ("plan/", "framework/", "statistics/"):
        page.goto(site.path(path))
        assert page.locator("article abbr").count() > 0, f"{path} has terms explained in its text"
        inside = page.locator("article a abbr, article h1 abbr, article h2 abbr, article h3 abbr, article svg abbr")
        assert inside.count() == 0, f"{path}: a term wrapped inside a link, heading or drawing"
        terms = page.locator("article abbr").all_inner_texts()
        assert len(terms) == len(set(terms)), f"{path}: each term explained once"
    page.goto(site.path("glossary/"))
    assert page.locator("article abbr").count() == 0, "the glossary page explains itself"
