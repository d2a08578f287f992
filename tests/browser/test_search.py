"""Search in the browser: real queries typed, pasted and composed into the box, and what comes first.

The judged query set and self-retrieval run here at a fast size (every n-th query and record) on
the served site and on the SQLite download the same build published; ``stdcat bench`` runs them
whole, on the offline copy too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from stdcat.bench import relevance
from stdcat.check import check
from stdcat.search import sqlite as search_sqlite
from stdcat.search import tokens
from tests.conftest import REPO

TOKENS_JS = (Path(tokens.__file__).parent / "tokens.js").read_text(encoding="utf-8")
ENGINE_JS = (Path(tokens.__file__).parent / "engine.js").read_text(encoding="utf-8")
RESULTS = ".md-search-result__item > a.md-search-result__link"

# The table: what a reader typed, and what must come first now.
FIRST = {
    "标准物质": "glossary/#term-reference-material",
    "计量技术规范": "glossary/#term-metrology-technical-specification",
    "碳汇": "glossary/#term-carbon-sink",
    "碳排放核算": "glossary/#term-carbon-emission-accounting",
    "碳足迹": "glossary/#term-carbon-footprint",
    "计量器具": "glossary/#term-measuring-instrument",
    "碳排放交易": "glossary/#term-carbon-emissions-trading",
    "省林业局": "organization/sheng-linye-ju/",
    "赣南脐橙": "framework/eco-navel-orange/",
}


# The shown results, read in one go once the list has stopped changing for 300 ms: while a reader
# types, each keystroke's results replace the last ones, so reading them one by one can race.
READ_SETTLED = """async () => {
  const list = document.querySelector(".md-search-result__list");
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  let last = null, same = 0;
  for (let t = 0; t < 1500 && same < 30; t++) {
    await sleep(10);
    const now = list.innerHTML;
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return [...list.querySelectorAll(".md-search-result__item > a.md-search-result__link")].map(a => {
    const title = a.querySelector("h1, h2");
    return [a.getAttribute("href") || "", title ? title.innerText : ""];
  });
}"""


def results(page: Page) -> list[tuple[str, str]]:
    """The results shown, as (path, title), once the first is visible and the list has settled."""
    expect(page.locator(RESULTS).first).to_be_visible()
    out = []
    for href, title in page.evaluate(READ_SETTLED):
        where = urlsplit(href)
        out.append((where.path.lstrip("/") + (f"#{where.fragment}" if where.fragment else ""), title))
    return out


def open_box(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".md-search__input").click()


@pytest.mark.parametrize("query", FIRST)
def test_typed_query_puts_its_record_first(page, site, query):
    open_box(page, site.url)
    page.keyboard.type(query, delay=20)  # Chinese characters reach the box as input, not as keys
    shown = results(page)
    assert shown[0][0] == FIRST[query], shown[:3]


def test_english_query_on_the_english_site(page, site):
    open_box(page, site.path("en/"))
    page.keyboard.type("metrology", delay=20)
    found = results(page)
    assert found[0] == ("en/glossary/#term-metrology", "Metrology"), found[:3]
    assert not any("reference/" in path for path, _ in found), "the schema reference is not a reader's page"


def test_pasted_text_is_searched_without_a_key(page, site):
    open_box(page, site.url)
    page.keyboard.insert_text("碳足迹")  # what a paste or autofill does: an input event, no key
    assert results(page)[0][0] == "glossary/#term-carbon-footprint"


def test_an_input_methods_composition_is_searched_when_it_ends(page, site):
    open_box(page, site.url)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "tan'hui", "selectionStart": 7, "selectionEnd": 7})
    cdp.send("Input.insertText", {"text": "碳汇"})  # the reader picks the characters: composition ends
    expect(page.locator(".md-search__input")).to_have_value("碳汇")
    assert results(page)[0][0] == "glossary/#term-carbon-sink"


def test_a_result_shows_its_kind_place_and_one_marked_excerpt(page, site):
    open_box(page, site.url)
    page.keyboard.insert_text("光伏组件")
    article = page.locator(RESULTS).first.locator("article")
    expect(article.locator(".stdcat-search__kind")).to_have_text("标准")
    expect(article.locator(".stdcat-search__place")).to_contain_text("光伏发电")
    marks = article.locator("p mark")
    expect(marks.first).to_have_text("光伏组件")
    excerpt = article.locator("p").nth(1).inner_text()
    assert excerpt.count("光伏组件") >= 1 and len(excerpt) <= 115, excerpt
    fragments = [excerpt[i : i + 8] for i in range(0, max(0, len(excerpt) - 8))]
    assert len(set(fragments)) == len(fragments), f"a fragment repeats: {excerpt}"


def test_contributor_pages_stay_out_of_readers_search(page, site):
    open_box(page, site.url)
    for query in ("数据模式", "性能", "参与贡献"):
        page.locator(".md-search__input").fill("")
        page.keyboard.insert_text(query)
        page.wait_for_timeout(400)
        paths = [a.get_attribute("href") or "" for a in page.locator(RESULTS).all()]
        assert not any(p for p in paths if re.search(r"/(reference|contributing|performance)/", p)), (query, paths)


def test_clicking_a_result_opens_its_record(page, site):
    open_box(page, site.url)
    page.keyboard.insert_text("赣南脐橙树体防冻")
    path, _ = results(page)[0]
    page.locator(RESULTS).first.click()
    expect(page).to_have_url(re.compile(re.escape(site.path(path)) + r"\?h=.+"))
    expect(page.locator(".md-content__inner h1")).to_contain_text("赣南脐橙树体防冻")


def test_record_text_in_results_is_text(page, site):
    """The hostile record's title reaches the result list as text, marked, never as markup."""
    open_box(page, site.url)
    page.keyboard.insert_text("粗体")
    found = results(page)
    assert any("<script>" in title for _, title in found), found
    assert page.evaluate("window.__xss") is None


@pytest.fixture(scope="module")
def built_catalog(site):
    return check(REPO).catalog


def test_browser_and_python_cut_text_alike(page, site, built_catalog):
    """tokens.js and tokens.py: the same tokens for every title and every judged query."""
    texts = [r.title(lang) for r in built_catalog.records.values() for lang in ("zh", "en")]
    texts += [q.text for q in relevance.judged(REPO)] + ["ＣＣＵＳ\u200b２０６０", "Ⅻ ｶﾀｶﾅ café"]
    page.goto(site.url)
    page.add_script_tag(content=TOKENS_JS)
    js = page.evaluate("(ts) => ts.map(t => [indexTokens(t), queryTokens(t), squash(t)])", texts)
    python = [[tokens.index_tokens(t), tokens.query_tokens(t), tokens.squash(t)] for t in texts]
    assert js == python


def test_browser_and_python_hash_tokens_alike(page, site):
    """A token's bucket is the same number in engine.js as in index.py."""
    from stdcat.search.index import fnv1a

    words = ["", "a", "碳", "碳足", "=标准物质", "metrology", "2060", "ｶ"]
    page.goto(site.url)
    page.add_script_tag(content=TOKENS_JS + ENGINE_JS)
    assert page.evaluate("(ws) => ws.map(fnv1a)", words) == [fnv1a(w) for w in words]


def test_browser_and_sqlite_read_a_query_alike(page, site):
    """engine.js and sqlite.py expand every judged query into the same index words."""
    meta = json.loads((site.root / "en" / "search" / "stdcat" / "meta.json").read_text(encoding="utf-8"))
    queries = [q.text for q in relevance.judged(REPO)]
    page.goto(site.url)
    page.add_script_tag(content=TOKENS_JS + ENGINE_JS)
    js = page.evaluate("([qs, meta]) => qs.map(q => Engine.prototype.plan(q, meta).map(p => p.terms))", [queries, meta])
    assert js == [search_sqlite.plan(q, meta["words"]) for q in queries]


SAMPLE = 4  # every 4th judged query, every 12th record


def _goals(scores: relevance.Scores) -> None:
    figures = scores.figures()
    assert figures["hit@3"] >= 0.97 and figures["mrr"] >= 0.90 and figures["empty"] == 0, (figures, scores.misses)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_judged_queries_and_self_retrieval_on_the_served_site(browser, site, built_catalog, lang):
    engine = relevance.BrowserEngine(
        browser, site.path("" if lang == "zh" else "en/"), site.url, "jiangxi-plan-2023-text"
    )
    try:
        _goals(relevance.run(engine, [q for q in relevance.judged(REPO, SAMPLE) if q.lang == lang]))
        found = relevance.self_retrieval(engine, relevance.titles(built_catalog, lang, 12))
    finally:
        engine.close()
    assert found["rate"] == 1.0, found["failures"]


def test_judged_queries_and_self_retrieval_on_the_sqlite_download(site, built_catalog):
    db = sqlite3.connect(site.root / "data" / "catalog.sqlite")
    known = search_sqlite.words(db)
    ask = lambda q: search_sqlite.search(db, q, relevance.DEPTH, known)  # noqa: E731
    _goals(relevance.run(ask, relevance.judged(REPO, SAMPLE)))
    for lang in ("zh", "en"):
        found = relevance.self_retrieval(ask, relevance.titles(built_catalog, lang, 3))
        assert found["rate"] == 1.0, found["failures"]
