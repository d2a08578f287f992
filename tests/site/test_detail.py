"""The detail table page: its embedded data holds exactly the standard and metrology records, with
their fields, and no record text can leave the data element."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from stdcat.site.pages import detail
from stdcat.site.pages.base import Context
from tests.site.conftest import to_html
from tests.site_support import XSS_EN, XSS_TITLE

START = '<template id="stdcat-detail-data">'


class Templates(HTMLParser):
    """The text of every template element, as a parser splits it (any markup inside would end it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "template"
        if self._inside:
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.texts[-1] += data


def embedded(by_uri: dict) -> tuple[str, dict[str, Any]]:
    html = to_html(by_uri[detail.DETAIL].markdown.split("\n---\n", 1)[-1])
    parser = Templates()
    parser.feed(html)
    assert len(parser.texts) == 1, "one data element"
    return html, json.loads(parser.texts[0])


def rows_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {values[0]: dict(zip(data["fields"], values, strict=True)) for values in data["rows"]}


def test_the_page_is_in_the_navigation_and_out_of_search(generated):
    _, by_uri = generated
    page = by_uri[detail.DETAIL]
    assert page.in_nav
    assert page.markdown.startswith("---\nsearch:\n  exclude: true\n")


def test_the_data_holds_exactly_the_standards_and_metrology_records(generated):
    ctx, by_uri = generated
    _, data = embedded(by_uri)
    rows = rows_by_id(data)
    expected = {r.id for kind in ("standard", "metrology") for r in ctx.catalog.by_kind(kind)}
    assert set(rows) == expected and len(data["rows"]) == len(expected)
    assert {"pv-spec", "pv-modules", "xss-probe"} <= set(rows), "both kinds and the hostile record"
    for record_id, row in rows.items():
        check_row(ctx, data, record_id, row)


def check_row(ctx: Context, data: dict[str, Any], record_id: str, row: dict[str, Any]) -> None:
    record = ctx.catalog.records[record_id]
    other = "en" if ctx.lang == "zh" else "zh"
    assert (row["kind"], row["title"]) == (record.kind, record.title(ctx.lang))
    assert row["other"] == (record.get("title") or {}).get(other, "")
    # No level stated reads as "unspecified" (未注明), as the statistics count it.
    assert (row["level"], row["status"]) == (record.get("level") or "unspecified", record.get("status") or "")
    assert row["number"] == (record.get("number") or "")
    assert row["sectors"] == (record.get("sectors") or [])
    assert row["horizon"] == record.get("horizon")
    assert data["nodes"][row["node"]][0] == record.get("framework")
    orgs = [org[0] for org in data["orgs"]]
    lead = record.get("lead") or []
    assert [orgs[i] for i in row["lead"]] == lead
    others = set(record.get("participants") or []) | set(record.get("implementers") or [])
    assert {orgs[i] for i in row["depts"]} == others - set(lead)
    before, after = data["links"][record.kind]
    assert before + record_id + after == ctx.linker.to(detail.DETAIL, record_id)


def test_rows_come_in_the_framework_order_and_labels_in_the_page_language(generated):
    ctx, by_uri = generated
    _, data = embedded(by_uri)
    nodes = [row[data["fields"].index("node")] for row in data["rows"]]
    assert nodes == sorted(nodes)
    labels = dict(data["labels"]["level"])
    assert labels["local"] == ("地方标准" if ctx.lang == "zh" else "Local standard")
    assert list(labels)[:2] == ["international", "national"], "the schema's order, to sort by"
    assert [kind for kind, _ in data["labels"]["kind"]] == ["standard", "metrology"]


def test_hostile_record_text_stays_inside_the_data(generated):
    ctx, by_uri = generated
    html, data = embedded(by_uri)
    raw = html.split(START, 1)[1].split("</template>", 1)[0]
    assert not set(raw) & set("<>&"), "escaped as \\u003c …, so nothing in it reads as markup"
    probe = rows_by_id(data)["xss-probe"]
    assert probe["title"] == (XSS_TITLE if ctx.lang == "zh" else XSS_EN), "shown as written, once parsed"
    assert "window.__xss" not in html.replace(raw, "")


def test_html_safe_json_cannot_close_its_element_or_start_markup():
    text = str(detail.html_safe_json({"t": "</script><script>alert(1)</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><script>alert(1)</script><!-- & \u2028"}
