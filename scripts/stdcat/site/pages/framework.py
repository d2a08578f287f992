"""The framework (附件1): the overview with the whole diagram, and one page per node.

A node's page shows its description and source, its place in the diagram (the node and its path
marked), its children with how many records each holds, and the records attached to it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from stdcat.catalog import Record
from stdcat.diagram import place
from stdcat.site.links import FRAMEWORK, Target
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import SVG_MARKER, Context, Page, ref, row
from stdcat.site.pages.records import _source as source_view
from stdcat.site.pages.records import source_paragraph


def pages(ctx: Context) -> list[Page]:
    out = [overview(ctx)]
    out.extend(node_page(ctx, node) for node in ctx.catalog.by_kind("framework"))
    return out


def diagram(ctx: Context, here: str, focus: str | None = None) -> Markup:
    """The diagram's figure for one page: links relative to the page, the focus and its path marked.

    The figure holds the marker ``SVG_MARKER``; the drawing itself goes to ``ctx.svgs[here]`` and
    is put in place of the marker in the finished HTML page. Tens of kilobytes of SVG per page
    would otherwise go through Markdown and the search indexer for nothing.
    """
    svg = ctx.drawings.svg(focus)
    path = tuple(n.id for n in ctx.catalog.framework_path(focus)) if focus else ()

    def href(node_id: str) -> str:
        return ctx.linker.to(here, node_id) or "#"

    ctx.svgs[here] = place(svg, href, focus, path)
    # The drawing's content as text: the framework's outline (on the framework page, below it).
    outline = "#outline" if here == FRAMEWORK else ctx.linker.url(here, Target(FRAMEWORK, "outline"))
    return Markup(ctx.render("diagram.html", svg=Markup(SVG_MARKER), current=focus, outline=outline))


def tree(ctx: Context, here: str) -> list[dict[str, Any]]:
    """The framework as nested items with record counts, for the overview's outline."""

    def item(node: Record) -> dict[str, Any]:
        entry = ref(ctx, here, node.id)
        entry["count"] = len(ctx.catalog.records_under(node.id))
        entry["children"] = [item(child) for child in ctx.catalog.children(node.id)]
        return entry

    return [item(root) for root in ctx.catalog.roots()]


def overview(ctx: Context) -> Page:
    parts = [
        heading(1, ctx.t("framework")),
        "\n",
        ctx.render("framework_intro.html"),
        "\n",
        diagram(ctx, FRAMEWORK),
        "\n",
        ctx.render("framework_tree.html", tree=tree(ctx, FRAMEWORK)),
    ]
    return Page(FRAMEWORK, "".join(parts), in_nav=True)


def node_page(ctx: Context, node: Record) -> Page:
    if ctx.memo is None:
        return _make(ctx, node)
    here = f"framework/{node.id}.md"

    def make() -> tuple[Page, str | None]:
        return _make(ctx, node), ctx.svgs.get(here)

    page, svg = ctx.memo.page(ctx, here, shows(ctx, node), make, _counts(ctx), source_paragraph(ctx, node))
    if svg is not None:  # the drawing goes in place of the page's marker (see ``diagram``)
        ctx.svgs[here] = svg
    return page


def shows(ctx: Context, node: Record) -> list[Any]:
    """The records a node's page shows: the whole framework (its diagram, path and children), the
    records attached to the node and their lead departments."""
    direct = [link.source for link in ctx.catalog.referrers(node.id, "framework")]
    leads = sorted({lead for record in direct for lead in record.get("lead") or []})
    framework = [n.id for n in ctx.catalog.by_kind("framework")]
    source = node.get("source")
    document = source.get("document") if isinstance(source, dict) else None
    return [*framework, document, "direct", *sorted(r.id for r in direct), "leads", *leads]


def _counts(ctx: Context) -> list[int]:
    """How many records each node holds (the diagram's tooltips and the children's counts), once per build."""
    if "node_counts" not in ctx._cache:
        ctx._cache["node_counts"] = [len(ctx.catalog.records_under(n.id)) for n in ctx.catalog.by_kind("framework")]
    return ctx._cache["node_counts"]


def _make(ctx: Context, node: Record) -> Page:
    here = f"framework/{node.id}.md"
    code = str(node.get("code") or "")
    title = f"{code} {ctx.title(node)}" if code and code != "0" else ctx.title(node)
    direct = [link.source for link in ctx.catalog.referrers(node.id, "framework")]
    direct.sort(key=lambda r: (WORK.index(r.kind) if r.kind in WORK else len(WORK), r.id))
    children = []
    for child in ctx.catalog.children(node.id):
        entry = ref(ctx, here, child.id)
        entry["count"] = len(ctx.catalog.records_under(child.id))
        children.append(entry)
    data = {
        "other_title": ctx.other_title(node),
        "summary": ctx.text(node.get("summary")),
        "breadcrumb": [ref(ctx, here, n.id) for n in ctx.catalog.framework_path(node.id)[:-1]],
        "source": source_view(ctx, here, node),
        "children": children,
        "rows": [row(ctx, here, r) for r in direct],
        "total": len(ctx.catalog.records_under(node.id)),
        "by_kind": _by_kind(ctx, node),
        "notes": ctx.text(node.get("notes")),
    }
    meta = {"stdcat": {"record": node.id, "kind": "framework"}}
    parts = [
        front_matter(meta),
        heading(1, title),
        "\n",
        ctx.render("node.html", n=data, diagram=diagram(ctx, here, node.id)),
    ]
    return Page(here, "".join(parts), edit_path=node.path)


WORK = ("standard", "metrology", "task")


def _by_kind(ctx: Context, node: Record) -> list[dict[str, Any]]:
    """How many records of each kind the node holds with its subnodes: the same count says the same
    everywhere (diagram tooltip, outline, this page); the detail table counts only the first two."""
    under = ctx.catalog.records_under(node.id)
    kinds = [r.kind for r in under]
    return [{"label": ctx.label("kind", k), "count": kinds.count(k)} for k in dict.fromkeys(kinds)]
