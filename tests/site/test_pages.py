"""Catalog → page content, without MkDocs: which pages exist, what they show, that record text is text."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from stdcat.site import nav, pages
from stdcat.site.pages import blocks
from stdcat.site.pages.base import SVG_MARKER
from tests.site.conftest import REPO_URL, to_html
from tests.site_support import XSS_EN, XSS_TITLE, site_root


class Elements(HTMLParser):
    """Every element with its attributes, and the text, of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def body(page: pages.Page) -> str:
    return page.markdown.split("\n---\n", 1)[-1]


def test_every_record_kind_has_its_pages(generated):
    ctx, by_uri = generated
    catalog = ctx.catalog
    for kind in ("standard", "metrology", "task", "target", "document", "organization", "framework"):
        for record in catalog.by_kind(kind):
            assert f"{kind}/{record.id}.md" in by_uri
    for uri in ("framework/index.md", "plan/index.md", "plan/repairs.md", "glossary/index.md", "tags/index.md"):
        assert uri in by_uri
    for kind in ("standard", "metrology", "task", "target", "document", "organization"):
        assert by_uri[f"{kind}/index.md"].in_nav
    assert not by_uri["standard/pv-modules.md"].in_nav, "record pages stay out of the navigation"


def test_navigation_names_only_pages_that_exist(generated, root):
    _, by_uri = generated
    written = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}
    written.add("contributing/index.md")  # made from CONTRIBUTING.md by the contributing_page hook
    for uri in nav.pages():
        assert uri in by_uri or uri in written, uri
    assert [next(iter(item)) for item in nav.nav("en")][:2] == ["Home", "Framework"]
    assert [next(iter(item)) for item in nav.nav("zh")][:2] == ["首页", "体系框架"]


def test_record_text_is_text_on_every_page(generated):
    """The hostile record's markup never becomes an element or an attribute, wherever it is shown."""
    _, by_uri = generated
    seen = 0
    for uri, page in by_uri.items():
        html = to_html(body(page))
        parsed = parse(html)
        for tag, attrs in parsed.tags:
            assert tag not in ("script", "img", "iframe", "b"), f"{uri}: <{tag}> from record text"
            # The statistics charts are the only inline SVG a generated page holds (drawn by charts.py).
            assert tag != "svg" or attrs.get("class") in ("stdcat-chart", "stdcat-legend__line"), f"{uri}: inline <svg> from record text"
            assert not any(name.startswith("on") for name in attrs), f"{uri}: event handler {attrs}"
            assert not str(attrs.get("href", "")).startswith("javascript:"), uri
        text = "".join(parsed.text)
        if XSS_TITLE.split(" ")[0] in text or XSS_EN.split(" ")[0] in text:
            seen += 1
    assert seen >= 4, "the hostile title is shown, as text, on its page, lists, tags and department pages"


def test_record_page_shows_title_departments_source_and_edit_link(generated):
    ctx, by_uri = generated
    html = to_html(body(by_uri["standard/pv-modules.md"]))
    parsed = parse(html)
    text = " ".join(parsed.text)
    links = {attrs.get("href") for tag, attrs in parsed.tags if tag == "a"}
    title = "光伏组件检测标准" if ctx.lang == "zh" else "Test methods for PV modules"
    assert "<h1" in html and title in html.split("</h1>")[0]
    assert "开展光伏组件检测标准研究" in text, "the source quote"
    assert "../../organization/amr/" in links, "the lead department, linked"
    assert "../../plan/#p-1" in links, "the source paragraph on the plan page"
    assert "../../framework/pv/" in links, "the framework path"
    assert f"{REPO_URL}/edit/main/catalog/standard/pv-modules.yaml" in links
    assert "../../tags/#tag-光伏" in {unquote(h) for h in links if h}


def test_standard_number_leads_its_heading(generated):
    _, by_uri = generated
    first_line = next(line for line in body(by_uri["standard/pv-published.md"]).splitlines() if line.startswith("# "))
    assert first_line.startswith("# DB36/T 1234\\-2024 ")


def test_status_history_is_shown_with_dates(generated):
    ctx, by_uri = generated
    text = " ".join(parse(to_html(body(by_uri["standard/pv-published.md"]))).text)
    assert "2024-01-10" in text and "2024-06-01" in text
    assert ("60 发布" if ctx.lang == "zh" else "60 Published") in text


def test_related_records_link_both_ways(generated):
    _, by_uri = generated
    published = to_html(body(by_uri["standard/pv-published.md"]))
    modules = to_html(body(by_uri["standard/pv-modules.md"]))
    assert 'href="../pv-modules/"' in published
    assert 'href="../pv-published/"' in modules, "the reverse link"


def test_framework_node_page_marks_its_place_in_the_diagram(generated):
    ctx, by_uri = generated
    page = by_uri["framework/pv.md"]
    assert SVG_MARKER in page.markdown
    svg = ctx.svgs["framework/pv.md"]
    assert 'id="fw&#45;pv" class="node fw fw-current ' in svg
    assert 'id="fw&#45;root" class="node fw fw-path ' in svg
    assert 'xlink:href="../root/"' in svg and 'xlink:href="./"' in svg
    assert "stdcat:" not in svg, "every placeholder link is resolved"
    text = " ".join(parse(to_html(body(page))).text)
    assert "光伏组件检测标准" in text or "Test methods for PV modules" in text, "the node's records"


def test_department_page_lists_what_it_leads(generated):
    _, by_uri = generated
    html = to_html(body(by_uri["organization/amr.md"]))
    assert 'id="lead"' in html
    assert 'href="../../standard/pv-modules/"' in html and 'href="../../task/pv-task/"' in html


def test_plan_page_anchors_every_paragraph(generated):
    _ctx, by_uri = generated
    html = to_html(body(by_uri["plan/index.md"]))
    ids = {attrs.get("id") for _, attrs in parse(html).tags}
    assert {"h-1", "p-1"} <= ids
    assert 'href="repairs/#p-1"' in html, "a repaired paragraph links to its repairs"


def test_repair_log_lists_every_repair_with_certainty(generated):
    ctx, by_uri = generated
    html = to_html(body(by_uri["plan/repairs.md"]))
    parsed = parse(html)
    text = "".join(parsed.text)
    for damaged in ("任加/p>", "牵头(/p>"):
        assert damaged in text, "the damaged text is shown as text"
    assert ("确定" if ctx.lang == "zh" else "Certain") in text
    assert {"h-1", "p-1"} <= {attrs.get("id") for _, attrs in parsed.tags}


def test_lost_target_digit_is_shown_not_guessed(generated):
    _, by_uri = generated
    html = to_html(body(by_uri["target/index.md"]))
    assert "□0" in html
    assert "width: 50%" in html, "the known target (1 of 2 local standards published) has a bar"
    lost = to_html(body(by_uri["target/lost-digit.md"]))
    assert "stdcat-progress__bar" not in lost, "no bar without a number to measure against"
    local = " ".join(parse(to_html(body(by_uri["target/local-standards.md"]))).text)
    said = ("层级为“地方标准”、类型为“标准”的记录", "Standard records whose level is “Local standard”")
    assert any(sentence in local for sentence in said), f"what counts is said as a sentence: {local}"


def test_glossary_anchors_terms(generated):
    _, by_uri = generated
    html = to_html(body(by_uri["glossary/index.md"]))
    assert 'id="carbon-footprint"' in html
    assert "产品生命周期的碳排放" in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_directives_expand_and_unknown_ones_are_reported(root, lang):
    from tests.site.conftest import make_context

    ctx = make_context(root, lang)
    text = "# Home\n\n<!-- stdcat:counts -->\n\n<!-- stdcat:diagram -->\n\n<!-- stdcat:nonsense -->\n"
    out, unknown = blocks.expand(ctx, "index.md", text)
    assert unknown == ["nonsense"]
    assert "stdcat-counts" in out and SVG_MARKER in out
    assert 'xlink:href="framework/pv/"' in ctx.svgs["index.md"]


def test_generation_is_deterministic(root):
    from tests.site.conftest import make_context

    first = {p.src_uri: p.markdown for p in pages.generate(make_context(root, "zh"))}
    second = {p.src_uri: p.markdown for p in pages.generate(make_context(root, "zh"))}
    assert first == second


NAMED_GOAL = """\
id: named-centre
kind: target
title:
  zh: 力争筹建计量中心
  en: Strive to prepare a metrology centre
source:
  document: plan
  paragraph: p-1
  quote: 开展光伏组件检测标准研究
year: 2025
measure:
  zh: 筹建计量中心
  en: Preparation of the metrology centre
comparator: strive
counts:
  kind: metrology
  where:
    id:
      - pv-spec
evidence:
  - url: https://example.org/notice?a=1&b=<2>
    title: 通知 <b>标题</b>
    states: 页面写明 2.6万吨
    read: '2026-12-06'
    aggregator: true
    supports:
      - title
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_goal_without_a_number_shows_no_number_and_its_evidence(tmp_path, lang):
    from tests.site.conftest import make_context

    ctx = make_context(site_root(tmp_path, extra={"catalog/target/named-centre.yaml": NAMED_GOAL}), lang)
    by_uri = {page.src_uri: page for page in pages.generate(ctx)}
    page = to_html(body(by_uri["target/named-centre.md"]))
    text = " ".join(parse(page).text)
    assert ("方案未给出数量" if lang == "zh" else "the plan gives no number") in text
    assert ("所列 1 条记录中已完成 0 条" if lang == "zh" else "0 of the 1 records it names delivered") in text
    assert "stdcat-progress__bar" not in page and "Required value unknown" not in text and "目标值未知" not in text
    links = [attrs for tag, attrs in parse(page).tags if tag == "a" and "example.org" in (attrs.get("href") or "")]
    assert [a["href"] for a in links] == ["https://example.org/notice?a=1&b=<2>"]
    assert "<b>" not in page and "页面写明 2.6万吨" in text and "2026-12-06" in text
    listing = " ".join(parse(to_html(body(by_uri["target/index.md"]))).text)
    assert ("方案未给出数量" if lang == "zh" else "the plan gives no number") in listing
