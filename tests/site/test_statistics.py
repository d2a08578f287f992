"""The Statistics page (统计表): the counts add up, rows link to their framework nodes, the charts are
deterministic, escaped SVG."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import cache

from stdcat.catalog import Catalog
from stdcat.check import check
from stdcat.crosstab import AREA, SUBSYSTEM, crosstab
from stdcat.site import pages
from stdcat.site.charts import PALETTE, PLOT, Bar, stacked_bars
from stdcat.site.pages import statistics
from stdcat.site.render import FRAGMENTS
from tests.conftest import REPO
from tests.site.conftest import to_html
from tests.site.test_pages import body, parse

DOCUMENTS = ("standard", "metrology")
SVG = "{http://www.w3.org/2000/svg}"


@cache
def real() -> Catalog:
    result = check(REPO)
    assert result.ok
    return result.catalog


def under(catalog: Catalog, node_id: str) -> int:
    """The records of DOCUMENTS at the node or below, counted without crosstab."""
    return sum(1 for r in catalog.records_under(node_id) if r.kind in DOCUMENTS)


def test_rows_count_their_subtree_and_totals_count_every_record_once():
    catalog = real()
    order = ["planned", "published"]
    table = crosstab(catalog, DOCUMENTS, "status", order)
    everything = sum(len(catalog.by_kind(k)) for k in DOCUMENTS)
    assert table.total == everything
    assert sum(table.totals[c] for c in table.columns) == everything, "no record falls outside the columns"
    depths = {row.depth for row in table.rows if row.node is not None}
    assert depths == {1, SUBSYSTEM, AREA}
    for row in table.rows:
        if row.node is not None:
            assert row.total == under(catalog, row.node.id), row.node.id
    systems = [row for row in table.rows if row.depth == 1]
    assert [row.node.id for row in systems if row.node] == ["standards-system", "metrology-system"]
    assert sum(row.total for row in systems) <= everything


def test_levels_come_in_schema_order_and_absent_last():
    table = crosstab(real(), DOCUMENTS, "level", ["national", "local", "group", "unspecified"])
    present = [c for c in table.columns if c]
    assert present[: present.index("unspecified") + 1] == [
        c for c in ["national", "local", "group", "unspecified"] if table.totals[c]
    ]
    assert table.columns[-1] == "", "metrology items without a level are counted as not stated"


def test_statistics_page_links_rows_and_shows_totals(generated):
    ctx, by_uri = generated
    page = by_uri[statistics.HERE]
    html = to_html(body(page))
    parsed = parse(html)
    hrefs = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert "../framework/pv/" in hrefs, "a framework row links to its node's page"
    text = " ".join(parsed.text)
    assert ctx.label("level", "local") in text
    assert ctx.label("status", "planned") in text
    assert ("合计" if ctx.lang == "zh" else "Total") in text
    svgs = [attrs for tag, attrs in parsed.tags if tag == "svg"]
    assert len(svgs) == 3 and all(a.get("role") == "img" for a in svgs), "a chart per table"


def test_statistics_page_is_the_same_every_time(root):
    defs = json.loads((root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
    result = check(root)
    made = [statistics.page(pages.context(result.catalog, "en", defs, root / FRAGMENTS)).markdown for _ in range(2)]
    assert made[0] == made[1]


def test_chart_escapes_text_and_scales_bars():
    hostile = '<script>alert(1)</script> & "碳"'
    svg = stacked_bars(hostile, [Bar(hostile, (3, 1)), Bar("短", (0, 2))], ["A<b>", "B"])
    tree = ET.fromstring(svg)  # well-formed XML: nothing in the text broke out of it
    assert tree.get("role") == "img"
    assert tree[0].tag == f"{SVG}title" and tree[0].text == hostile
    assert "<script>" not in svg and "<b>" not in svg
    rects = [r for r in tree.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    widths = [float(r.get("width", 0)) for r in rects]
    assert widths == [PLOT * 3 / 4, PLOT * 1 / 4, PLOT * 2 / 4], "the longest bar fills the plot; others in scale"
    assert rects[0].get("fill") == PALETTE[0] and rects[1].get("fill") == PALETTE[1]
    legend = [t.text for t in tree.iter(f"{SVG}text")][-2:]
    assert legend == ["A<b>", "B"]
