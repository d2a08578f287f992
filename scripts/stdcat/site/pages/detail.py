"""The detail table (标准明细表): every standard and metrology record in one filterable table.

The catalog must serve 10,000+ records, so the rows are not rendered here: the page carries the
records once, as compact JSON inside the page (so it works from file:// too) in a ``<template>``
(Material's instant navigation would run a ``<script>`` of any type as JavaScript), with lookup tables
for departments, framework nodes and labels, and ``assets/detail.js`` draws a page of rows at a
time. Rows are positional lists named by ``FIELDS``; repeated things (departments, nodes, links)
are indices or prefixes rather than copies, which keeps the page small at scale.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from stdcat.catalog import Record
from stdcat.site.links import LISTS, Target
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import DOCUMENT_KINDS, Context, Page, node_order, org_names

DETAIL = "detail/index.md"
DATA_ID = "stdcat-detail-data"
FIELDS = (
    "id", "kind", "title", "other", "number", "type", "level", "status",
    "node", "lead", "depts", "sectors", "horizon",
)  # fmt: skip
LABEL_GROUPS = {  # JSON name → label group of i18n.Labels
    "kind": "kind",
    "type": "metrology_type",
    "level": "level",
    "status": "status",
    "sector": "sector",
    "horizon": "horizon",
}
UI = (  # the strings detail.js shows, from i18n.STRINGS
    "all", "detail_showing", "detail_more", "detail_none", "departments", "lead", "participants",
    "lead_mark", "detail_depts_more", "detail_facets", "detail_facets_on",
)  # fmt: skip
# Characters that could end the data element or start markup inside it; JSON reads them back.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def page(ctx: Context) -> Page:
    parts = [
        # The table needs the width of both sidebars (no headings to list; the tabs lead elsewhere).
        front_matter({"search": {"exclude": True}, "hide": ["navigation", "toc"]}),
        heading(1, ctx.t("detail")),
        "\n",
        ctx.render("intro.html", text=ctx.t("detail_intro")),
        ctx.render("detail.html", data=html_safe_json(table_data(ctx, DETAIL)), lists=_list_links(ctx)),
    ]
    return Page(DETAIL, "".join(parts), in_nav=True)


def html_safe_json(data: Any) -> Markup:
    """``data`` as JSON that is plain text inside HTML (a ``<template>`` or a ``<script>``): with no
    ``<``, ``>`` or ``&`` left, no record text can close the element or start markup in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def records(ctx: Context) -> list[Record]:
    """The records of the table, in the framework's order (the order of a standards-system table)."""
    order = node_order(ctx.catalog)
    found = [r for kind in DOCUMENT_KINDS for r in ctx.catalog.by_kind(kind)]
    return sorted(found, key=lambda r: (order.get(r.get("framework"), len(order)), DOCUMENT_KINDS.index(r.kind), r.id))


def table_data(ctx: Context, here: str) -> dict[str, Any]:
    """The table's data: rows in the framework's order and the lookup tables they index."""
    chosen = records(ctx)
    nodes = _nodes(ctx)
    node_index = {node[0]: i for i, node in enumerate(nodes)}
    orgs = _orgs(ctx, here, chosen)
    org_index = {org[0]: i for i, org in enumerate(orgs)}
    return {
        "fields": FIELDS,
        "rows": [_row(ctx, r, node_index, org_index) for r in chosen],
        "nodes": nodes,
        "orgs": orgs,
        "links": {kind: _link_parts(ctx, here, kind) for kind in DOCUMENT_KINDS},
        "labels": {name: _labels(ctx, group) for name, group in LABEL_GROUPS.items()},
        "ui": {key: ctx.t(key) for key in UI},
        "sep": "、" if ctx.lang == "zh" else ", ",
    }


def _row(ctx: Context, record: Record, node_index: dict[str, int], org_index: dict[str, int]) -> list[Any]:
    lead = _ids(record.get("lead"))
    others = [i for i in _ids(record.get("participants")) + _ids(record.get("implementers")) if i not in lead]
    return [
        record.id,
        record.kind,
        ctx.title(record),
        ctx.other_title(record),
        _text(record.get("number")),
        _text(record.get("type")) if record.kind == "metrology" else "",
        _text(record.get("level") or "unspecified"),  # no level stated, as the statistics count it
        _text(record.get("status")),
        node_index.get(record.get("framework"), -1),
        [org_index[i] for i in lead if i in org_index],
        sorted({org_index[i] for i in others if i in org_index}),
        _ids(record.get("sectors")),
        record.get("horizon") if isinstance(record.get("horizon"), int) else None,
    ]


def _nodes(ctx: Context) -> list[list[Any]]:
    """Framework nodes depth first: id, code, title and the index of the parent (-1 for a root)."""
    order = node_order(ctx.catalog)
    out: list[list[Any]] = []
    for node_id in sorted(order, key=order.__getitem__):
        node = ctx.catalog.records[node_id]
        code = node.get("code")
        parent = node.get("parent")
        out.append([node_id, code if isinstance(code, str) and code != "0" else "", ctx.title(node), parent])
    position = {node[0]: i for i, node in enumerate(out)}
    for node in out:
        node[3] = position.get(node[3], -1)
    return out


def _orgs(ctx: Context, here: str, chosen: list[Record]) -> list[list[Any]]:
    """Every department named by a record of the table: id, name (as the plan writes it), link."""
    named = sorted({i for r in chosen for f in ("lead", "participants", "implementers") for i in _ids(r.get(f))})
    return [[org["id"], org["text"], org["href"]] for org in org_names(ctx, here, named)]


def _link_parts(ctx: Context, here: str, kind: str) -> list[str]:
    """The address of a record page around its id (ids are URL-safe slugs), so rows need no link."""
    marker = "__stdcat_id__"
    url = ctx.linker.url(here, Target(f"{kind}/{marker}.md"))
    before, _, after = url.partition(marker)
    return [before, after]


def _labels(ctx: Context, group: str) -> list[list[str]]:
    """A group's values with their labels, in the schema's order (the order to sort by)."""
    values = ctx.labels.values(group)
    if group == "kind":  # only the kinds the table holds
        values = [v for v in values if v in DOCUMENT_KINDS]
    return [[value, ctx.label(group, value)] for value in values]


def _list_links(ctx: Context) -> list[dict[str, str]]:
    return [
        {"text": ctx.label("kind", kind), "href": ctx.linker.url(DETAIL, Target(LISTS[kind]))}
        for kind in DOCUMENT_KINDS
    ]


def _ids(value: Any) -> list[str]:
    return [str(v) for v in value or [] if isinstance(v, str | int)]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
