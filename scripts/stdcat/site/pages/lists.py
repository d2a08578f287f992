"""Listing pages, one per kind: the way to the record pages, which stay out of the navigation.

Standards, metrology items and tasks are grouped by framework node in the framework's order (the
order of a standards-system table); targets by year; documents in one table. The tables are
excluded from search (``data-search-exclude``): the record pages themselves are indexed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stdcat.catalog import Record
from stdcat.derive import progress
from stdcat.site.links import LISTS
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import Context, Page, node_order, ref, row

GROUPED = ("standard", "metrology", "task")
TITLES = {
    "standard": ("标准", "Standards"),
    "metrology": ("计量", "Metrology"),
    "task": ("任务", "Tasks"),
    "target": ("目标", "Targets"),
    "document": ("引用文件", "Documents"),
}
INTROS = {
    "standard": (
        "方案列出的标准（含标准体系、标准群），按体系框架节点排列。点击名称查看详情。",
        "The standards named in the plan (including standard systems and groups), by framework node. "
        "Click a title for its page.",
    ),
    "metrology": (
        "计量技术规范、计量技术研究、计量标准、标准物质及计量平台，按体系框架节点排列。",
        "Metrology technical specifications, research, measurement standards, reference materials and "
        "platforms, by framework node.",
    ),
    "task": (
        "方案的其他工作：管理和服务任务、重点工程和行动、保障措施。",
        "The plan's other work: management and service tasks, key projects and actions, safeguards.",
    ),
    "target": (
        "方案“主要目标”中的量化目标。进展由记录计算得出：计入的记录中已完成（已发布或已完成）的数量。",
        "The quantified goals of the plan. Progress is computed from the records: how many of the records "
        "counted towards a target are delivered (published or completed).",
    ),
    "document": (
        "本方案及其贯彻、引用的文件。",
        "This plan and the documents it implements or cites.",
    ),
}


def title(kind: str, lang: str) -> str:
    zh, en = TITLES[kind]
    return zh if lang == "zh" else en


def pages(ctx: Context) -> list[Page]:
    return [list_page(ctx, kind) for kind in TITLES]


def list_page(ctx: Context, kind: str) -> Page:
    here = LISTS[kind]
    records = ctx.catalog.by_kind(kind)
    zh, en = INTROS[kind]
    parts = [heading(1, title(kind, ctx.lang)), "\n", ctx.render("intro.html", text=zh if ctx.lang == "zh" else en)]
    if not records:
        parts.append(ctx.render("intro.html", text=ctx.t("no_records")))
    elif kind in GROUPED:
        for node_id, group in grouped(ctx, records):
            node = ref(ctx, here, node_id) if node_id else None
            text = f"{node['code']} {node['text']}" if node and node["code"] not in (None, "0") else ""
            parts.append("\n" + heading(2, text or (node["text"] if node else "—"), f"n-{node_id or 'none'}") + "\n")
            parts.append(ctx.render("record_table.html", rows=[row(ctx, here, r) for r in group], kind=kind, node=node))
    elif kind == "target":
        parts.append(ctx.render("targets.html", targets=targets(ctx, here)))
    else:
        parts.append(ctx.render("record_table.html", rows=[row(ctx, here, r) for r in records], kind=kind, node=None))
    return Page(here, front_matter({"search": {"exclude": True}}) + "".join(parts), in_nav=True)


def grouped(ctx: Context, records: list[Record]) -> list[tuple[str | None, list[Record]]]:
    """Records grouped by their framework node, nodes in the framework's order."""
    order = node_order(ctx.catalog)
    groups: dict[str | None, list[Record]] = defaultdict(list)
    for record in records:
        node = record.get("framework")
        groups[node if isinstance(node, str) and node in order else None].append(record)
    keys = sorted(groups, key=lambda n: order.get(n, len(order)) if n else len(order) + 1)
    return [(key, groups[key]) for key in keys]


def targets(ctx: Context, here: str) -> list[dict[str, Any]]:
    """Each target with its required value and the progress computed from the records."""
    out = []
    for record in sorted(ctx.catalog.by_kind("target"), key=lambda r: (r.get("year") or 0, r.id)):
        state = progress(ctx.catalog, record)
        item = ref(ctx, here, record.id)
        value_range = record.get("value_range") or []
        item.update(
            {
                "year": record.get("year"),
                "measure": ctx.text(record.get("measure")),
                "value": record.get("value"),
                "pattern": record.get("value_pattern"),
                "range": "–".join(str(v) for v in value_range),
                "unit": ctx.text(record.get("unit")),
                "comparator": ctx.label("comparator", record.get("comparator")) if record.get("comparator") else "",
                "comparator_key": record.get("comparator"),
                "delivered": state.delivered if state else None,
                "selected": len(state.records) if state else None,
                "percent": round(100 * state.ratio) if state and state.ratio is not None else None,
            }
        )
        out.append(item)
    return out
