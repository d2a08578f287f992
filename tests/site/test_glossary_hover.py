"""Glossary terms wrapped in <abbr title> in the text of pages, and nowhere else."""

from __future__ import annotations

from html.parser import HTMLParser

from stdcat.catalog import Catalog
from stdcat.check import check
from stdcat.site.glossary_hover import Glossary, terms
from tests.conftest import REPO

TERMS = {"碳达峰": "二氧化碳排放达到峰值", "碳达峰碳中和": "双碳", "CCUS": "碳捕集利用与封存", "计量": "实现单位统一"}


class Abbrs(HTMLParser):
    """Each abbr's title and text, and every start tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.abbrs: list[tuple[str | None, str]] = []
        self.tags: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "abbr":
            self._open = dict(attrs).get("title")
            self.abbrs.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            title, text = self.abbrs[-1]
            self.abbrs[-1] = (title, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "abbr":
            self._open = None


def abbrs(html: str) -> Abbrs:
    parser = Abbrs()
    parser.feed(html)
    return parser


def test_a_term_inside_han_text_is_wrapped():
    html = Glossary(TERMS).wrap("<p>到2030年实现碳达峰目标</p>")
    assert html == '<p>到2030年实现<abbr title="二氧化碳排放达到峰值">碳达峰</abbr>目标</p>'


def test_only_the_first_occurrence_is_wrapped():
    found = abbrs(Glossary(TERMS).wrap("<p>碳达峰，碳达峰</p><p>碳达峰</p>")).abbrs
    assert found == [("二氧化碳排放达到峰值", "碳达峰")]


def test_the_longest_term_wins():
    found = abbrs(Glossary(TERMS).wrap("<p>碳达峰碳中和目标</p>")).abbrs
    assert found == [("双碳", "碳达峰碳中和")]


def test_attributes_links_headings_code_and_svg_stay_as_they_are():
    html = (
        '<h2 id="x">碳达峰</h2><p title="碳达峰"><a href="#y">碳达峰 <span>计量</span></a></p>'
        "<pre><code>计量</code></pre><svg><title>CCUS</title><text>CCUS</text></svg><abbr>碳达峰</abbr>"
        "<script>var t = '碳达峰';</script><style>/* 计量 */</style><!-- 碳达峰 -->"
    )
    assert Glossary(TERMS).wrap(html) == html


def test_text_after_a_skipped_element_is_wrapped_again():
    html = Glossary(TERMS).wrap("<p><a href='#'>碳达峰</a>，实现碳达峰</p>")
    assert html.endswith('，实现<abbr title="二氧化碳排放达到峰值">碳达峰</abbr></p>')


def test_latin_terms_match_whole_words_only():
    found = abbrs(Glossary(TERMS).wrap("<p>CCUSX and xCCUS, then ccus.</p>")).abbrs
    assert found == [("碳捕集利用与封存", "ccus")]


def test_hostile_definitions_stay_text():
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    html = Glossary({"碳汇": hostile}).wrap("<p>森林碳汇</p>")
    parsed = abbrs(html)
    assert parsed.tags == ["p", "abbr"], "nothing but the abbr became an element"
    assert parsed.abbrs == [(hostile, "碳汇")], "the definition is the title, verbatim"


def test_a_page_without_terms_is_returned_unchanged():
    html = "<p>nothing to explain here</p>"
    assert Glossary(TERMS).wrap(html) is html
    assert Glossary({}).wrap("<p>碳达峰</p>") == "<p>碳达峰</p>"


def test_terms_per_language_from_the_catalog():
    catalog: Catalog = check(REPO).catalog
    zh, en = terms(catalog, "zh"), terms(catalog, "en")
    ccus = catalog.get("term-ccus")
    assert ccus is not None
    assert zh["碳捕集利用与封存"] == zh["CCUS"] == ccus.get("definition")["zh"], "title and other spellings"
    assert en["CCUS"] == en["Carbon capture, utilization and storage"] == ccus.get("definition")["en"]
    assert "碳核算" in zh and "碳核算" not in en, "Chinese spellings only on the Chinese site"
    assert not any("\u4e00" <= c <= "\u9fff" for spelling in en for c in spelling)
