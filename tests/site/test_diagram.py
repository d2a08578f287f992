"""The framework diagram: drawn by dot from the records, the same bytes every time, links and tooltips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from stdcat import diagram
from stdcat.check import check
from tests.conftest import write
from tests.site_support import site_root

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HOSTILE = 'A&B <b>"quoted"</b> \\N \\G'

AREA = """\
id: {id}
kind: framework
title:
  zh: '{zh}'
  en: '{en}'
source:
  document: plan
  paragraph: p-1
  quote: 加快完善光伏标准
code: '{code}'
parent: {parent}
order: {order}
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    """Root → pv, and below pv an area with a topic (depth 3), and a hostile title."""
    root = site_root(tmp_path_factory.mktemp("diagram"))
    write(
        root,
        "catalog/framework/area.yaml",
        AREA.format(id="area", zh=HOSTILE, en=HOSTILE, code="1.1", parent="pv", order=1),
    )
    write(
        root,
        "catalog/framework/deep.yaml",
        AREA.format(id="deep", zh="深层", en="Deep", code="1.1.1", parent="area", order=1),
    )
    write(
        root,
        "catalog/framework/topic.yaml",
        AREA.format(id="topic", zh="专题", en="Topic", code="1.1.1.1", parent="deep", order=1),
    )
    result = check(root)
    assert result.ok, [p.text() for p in result.problems]
    return result.catalog


def test_overview_stops_at_areas_and_a_focus_unfolds_its_path(catalog):
    assert diagram.view(catalog).nodes == ("root", "pv", "area", "deep")
    assert diagram.view(catalog, "topic").nodes == ("root", "pv", "area", "deep", "topic")
    assert diagram.view(catalog, "deep").nodes == ("root", "pv", "area", "deep", "topic")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_same_input_same_bytes(catalog, lang):
    first = diagram.Drawings(catalog, lang).svg("topic")
    second = diagram.Drawings(catalog, lang).svg("topic")
    assert first == second
    assert first.startswith("<svg")


def test_font_is_named_and_svg_is_valid_xml_with_hostile_titles(catalog):
    svg = diagram.Drawings(catalog, "zh").svg()
    assert f'font-family="{diagram.FONT}"' in svg and diagram.FONT.startswith("Noto Sans CJK SC,")
    assert diagram.FONT.endswith(",sans-serif"), "a stack that works without Noto"
    tree = ET.fromstring(svg)  # raises if dot left '&' or '<' unescaped
    texts = " ".join(t.text or "" for t in tree.iter(f"{SVG}text"))
    assert "A&B <b>" in texts and "\\N" in texts, "the title shows literally, with its backslash"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_node_is_a_link_with_a_tooltip(catalog, lang):
    shown = diagram.view(catalog, "topic")
    svg = diagram.place(diagram.Drawings(catalog, lang).svg("topic"), lambda node: f"../{node}/")
    tree = ET.fromstring(svg)
    nodes = [g for g in tree.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]
    assert len(nodes) == len(shown.nodes)
    for node in nodes:
        anchor = next(node.iter(f"{SVG}a"))
        node_id = node.get("id", "").removeprefix("fw-")
        assert anchor.get(f"{XLINK}href") == f"../{node_id}/"
        assert anchor.get(f"{XLINK}title"), f"{node_id} has a tooltip"
    tooltip = next(a.get(f"{XLINK}title") for a in tree.iter(f"{SVG}a") if a.get(f"{XLINK}href") == "../pv/")
    assert re.search(r"· \d+ (项记录|records?)$", tooltip), tooltip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ids_are_xml_names_and_every_anchor_is_a_link(catalog, lang):
    """No Graphviz id such as page0,1_graph0, no <title> naming a record id, no <a> without a link."""
    svg = diagram.Drawings(catalog, lang).svg("topic")
    tree = ET.fromstring(svg)
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert ids and all(re.fullmatch(r"[A-Za-z_][\w.-]*", i.replace("&#45;", "-")) for i in ids), ids
    assert len(ids) == len(set(ids))
    assert all(a.get(f"{XLINK}href") for a in tree.iter(f"{SVG}a"))
    assert not list(tree.iter(f"{SVG}title"))


def test_place_marks_the_focus_and_its_path(catalog):
    path = ("root", "pv", "area", "deep")
    svg = diagram.place(diagram.Drawings(catalog, "zh").svg("deep"), lambda n: n, "deep", path)
    tree = ET.fromstring(svg)
    classes = {g.get("id"): (g.get("class") or "").split() for g in tree.iter(f"{SVG}g") if g.get("id")}
    assert "fw-current" in classes["fw-deep"]
    assert all("fw-path" in classes[f"fw-{n}"] for n in ("root", "pv", "area"))
    assert all("fw-path" in classes[f"fe-{n}"] for n in ("pv", "area", "deep"))
    assert "fw-path" not in classes["fw-topic"] and "fw-current" not in classes["fw-topic"]


def test_one_dot_run_per_distinct_layout(catalog):
    runs: list[str] = []
    drawings = diagram.Drawings(catalog, "en", renderer=lambda source: runs.append(source) or "<svg/>")
    for focus in (None, "root", "pv", "area", "deep", "topic"):
        drawings.svg(focus)
    assert len(runs) == 2, "the overview and the unfolded view of deep/topic"
