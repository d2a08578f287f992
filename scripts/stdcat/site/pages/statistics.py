"""The Statistics page (统计表): records by framework subsystem × level and × status, as tables and charts.

The counting is ``stdcat.crosstab``'s; this module turns its tables into view models for
``statistics.html`` and its subsystem rows into bar charts (``site/charts.py``), drawn here at
build time and embedded inline.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from stdcat.crosstab import AREA, SUBSYSTEM, Table, crosstab
from stdcat.site.charts import Bar, stacked_bars
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import DOCUMENT_KINDS, Context, Page, ref

HERE = "statistics/index.md"
WORDS: dict[str, tuple[str, str]] = {
    "title": ("统计表", "Statistics"),
    "intro": (
        "方案中的标准和计量工作按体系框架的子体系、领域统计，分别按层级和状态交叉计数。每一行计入该节点及其下级节点的记录，"
        "合计行中每条记录只计一次。图表和表格在构建时由记录计算生成。",
        "The plan's standards and metrology work counted by subsystem and area of the framework, crossed with "
        "level and with status. Each row counts the records at its node and below; the totals count every "
        "record once. Charts and tables are computed from the records when the site is built.",
    ),
    "documents": ("标准和计量", "Standards and metrology"),
    "tasks": ("任务", "Tasks"),
    "by_level": ("按层级", "By level"),
    "by_status": ("按状态", "By status"),
    "node": ("体系框架", "Framework"),
    "total": ("合计", "Total"),
    "not_stated": ("未注明", "Not stated"),
    "elsewhere": ("未归入子体系", "Not in a subsystem"),
    "chart": ("各子体系的{what}：{field}", "{what} of each subsystem: {field}"),
}


def word(ctx: Context, key: str) -> str:
    zh, en = WORDS[key]
    return zh if ctx.lang == "zh" else en


def page(ctx: Context) -> Page:
    title = word(ctx, "title")
    parts = [heading(1, title), "\n", ctx.render("intro.html", text=word(ctx, "intro"))]
    for kinds, what, depth in ((DOCUMENT_KINDS, "documents", AREA), (("task",), "tasks", SUBSYSTEM)):
        parts.append("\n" + heading(2, word(ctx, what), f"s-{what}") + "\n")
        for field, group in (("level", "level"), ("status", "status")):
            if field == "level" and what == "tasks":
                continue  # tasks have no level
            absent = "unspecified" if field == "level" else ""  # one word for "not stated" (see crosstab)
            table = crosstab(ctx.catalog, kinds, field, ctx.labels.values(group), depth, absent)
            caption = word(ctx, f"by_{field}")
            chart = stacked_bars(
                word(ctx, "chart").format(what=word(ctx, what), field=caption),
                bars(ctx, table),
                [column_label(ctx, group, c) for c in table.columns],
            )
            parts.append(ctx.render("statistics.html", table=view(ctx, table, group, caption), chart=Markup(chart)))
    # Two headings need no table of contents; the tables need its width for their last columns.
    return Page(HERE, front_matter({"search": {"exclude": True}, "hide": ["toc"]}) + "".join(parts), in_nav=True)


def column_label(ctx: Context, group: str, value: str) -> str:
    return ctx.label(group, value) if value else word(ctx, "not_stated")


def view(ctx: Context, table: Table, group: str, caption: str) -> dict[str, Any]:
    """The table as the template shows it: linked node rows, labelled columns, totals."""
    rows = []
    for row in table.rows:
        node = ref(ctx, HERE, row.node.id) if row.node else {"text": word(ctx, "elsewhere"), "href": None, "code": None}
        counts = [row.counts[c] for c in table.columns]
        rows.append({"node": node, "depth": row.depth, "counts": counts, "total": row.total})
    return {
        "caption": caption,
        "head": word(ctx, "node"),
        "total_label": word(ctx, "total"),
        "columns": [column_label(ctx, group, c) for c in table.columns],
        "rows": rows,
        "totals": [table.totals[c] for c in table.columns],
        "total": table.total,
    }


def bars(ctx: Context, table: Table) -> list[Bar]:
    """One bar per subsystem (and for records outside every subsystem, if any)."""
    out = []
    for row in table.rows:
        if row.node is None:
            label = word(ctx, "elsewhere")
        elif row.depth == SUBSYSTEM:
            code = row.node.get("code")
            label = f"{code} {ctx.title(row.node)}" if code else ctx.title(row.node)
        else:
            continue
        out.append(Bar(label, tuple(row.counts[c] for c in table.columns)))
    return out
