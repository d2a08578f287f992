"""Every page type, both languages, both widths: axe-core finds no serious or critical WCAG 2.1 AA
violation, and the Nu HTML Checker finds no error in the generated markup.

Each visit also saves a screenshot of the page as a reader first sees it into
``build/screenshots/<lang>-<width>/`` (git-ignored), so a reviewer can look at every page type.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.audit import LANGS, PAGE_TYPES, WIDTHS, axe_violations, describe, vnu_errors, vnu_sample
from tests.browser.conftest import Watch
from tests.conftest import REPO

SCREENSHOTS = REPO / "build" / "screenshots"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", list(LANGS))
def test_every_page_type_has_no_serious_violation(browser: Browser, site, lang: str, width: str):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    watch = Watch(site.url)
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.problems.append(f"uncaught: {error}"))
    folder = SCREENSHOTS / f"{lang}-{w}"
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, str] = {}
    for name, path in PAGE_TYPES.items():
        url = site.path(LANGS[lang] + path)
        page.goto(url)
        page.wait_for_load_state("load")
        page.screenshot(path=str(folder / f"{name}.png"))
        violations = axe_violations(page)
        if violations:
            found[f"{name} ({url})"] = describe(violations)
    context.close()
    assert found == {}, "\n".join(f"{where}:\n{text}" for where, text in found.items())
    assert watch.problems == [], "\n".join(watch.problems)
    assert len(list(folder.glob("*.png"))) >= len(PAGE_TYPES)


def test_the_audit_finds_a_violation_when_there_is_one(browser: Browser, site):
    """The check can fail: a page with a link told apart by colour alone and an unnamed button."""
    page = browser.new_page()
    page.goto(site.url)
    page.evaluate(
        """() => {
            const p = document.createElement('p');
            p.innerHTML = 'Text <a href="#" style="text-decoration:none;color:#222">link</a> text';
            document.querySelector('.md-content').prepend(p);
            const b = document.createElement('button');
            document.querySelector('.md-content').prepend(b);
        }"""
    )
    ids = {v["id"] for v in axe_violations(page)}
    page.close()
    assert {"link-in-text-block", "button-name"} <= ids


def test_generated_markup_is_valid_html(site):
    pages = vnu_sample(site.root)
    assert len(pages) == 2 * len(PAGE_TYPES)
    errors = vnu_errors(pages)
    lines = [f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors]
    assert errors == [], "\n".join(lines[:40])


def test_the_checker_reports_invalid_markup(tmp_path: Path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">'
                   '<svg><g id="page0,1_graph0"></g></svg>', encoding="utf-8")
    messages = {e["message"][:40] for e in vnu_errors([bad])}
    assert any("autocomplete" in m for m in messages) and any("page0,1_graph0" in m for m in messages), messages
