"""The framework diagram: framework records → DOT → SVG, drawn by Graphviz's ``dot``.

One layout shows the root, the standards system and the metrology system as two clusters, and
their subsystems and areas. A view focused on a node also unfolds the children of every node on
its path (so an area's topics appear on the area's page and on each topic's page). Views that show
the same nodes share one layout: Graphviz runs once per distinct layout and language.

The SVG is generated with placeholders instead of page addresses (``xlink:href="stdcat:<id>"``),
so one drawing serves every page: ``place()`` puts in each page's relative links and marks the
focused node and its path with CSS classes (``fw-current``, ``fw-path``). The same input gives
the same bytes. Labels name a font stack whose first font (Noto Sans CJK SC, Debian's
``fonts-noto-cjk``) lets ``dot`` measure Chinese text with real glyphs; the SVG keeps the whole stack,
so a reader without Noto sees the text in another CJK sans-serif of the same widths. Labels are
whole, broken into lines by ``drawing_text.wrap_label``; ``drawing_text.tidy_svg`` removes what
Graphviz writes that a validator or a screen reader would trip on.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import graphviz

from stdcat.catalog import Catalog, Record
from stdcat.drawing_text import tidy_svg, wrap_label

# A font stack (Pango reads the list; the SVG's font-family keeps it for the browser).
FONT = "Noto Sans CJK SC,Source Han Sans SC,Noto Sans SC,PingFang SC,Microsoft YaHei,WenQuanYi Micro Hei,sans-serif"
PLACEHOLDER = "stdcat:"
OVERVIEW_DEPTH = 3  # root 0, systems 1, subsystems 2, areas 3
COLOURS = {  # per system: (cluster background, node fill, border)
    "standards-system": ("#eef4fb", "#ffffff", "#3f6fa8"),
    "metrology-system": ("#eef7f0", "#ffffff", "#3b8a55"),
}
DEFAULT_COLOURS = ("#f4f4f4", "#ffffff", "#666666")


@dataclass(frozen=True)
class View:
    """The nodes a diagram shows: every node down to the areas, plus the unfolded ones' children."""

    nodes: tuple[str, ...]

    @property
    def key(self) -> tuple[str, ...]:
        return self.nodes


def depth(catalog: Catalog, node_id: str) -> int:
    return len(catalog.framework_path(node_id)) - 1


def view(catalog: Catalog, focus: str | None = None) -> View:
    """The nodes shown when ``focus`` (or nothing, for the overview) is the page's node."""
    unfold = {n.id for n in catalog.framework_path(focus)} if focus else set()
    shown: list[str] = []
    for root in catalog.roots():
        for node in catalog.subtree(root.id):
            parent = node.get("parent")
            if depth(catalog, node.id) <= OVERVIEW_DEPTH or parent in unfold:
                shown.append(node.id)
    return View(tuple(shown))


def _wrap(text: str, lang: str) -> str:
    """Break a long label into lines (Chinese by characters, English by words), never cutting it."""
    return wrap_label(text, lang, 12 if lang == "zh" else 26)


def _dot_text(text: str) -> str:
    r"""Escape text for a DOT string: a backslash would otherwise start an escape such as \N or \l."""
    return text.replace("\\", "\\\\")


def _system_of(catalog: Catalog, node_id: str) -> str | None:
    path = catalog.framework_path(node_id)
    return path[1].id if len(path) > 1 else None


def _label(node: Record, lang: str) -> str:
    code = str(node.get("code") or "")
    title = _wrap(node.title(lang), lang)
    return f"{code} {title}" if code and code != "0" else title


def _tooltip(catalog: Catalog, node: Record, lang: str) -> str:
    count = len(catalog.records_under(node.id))
    unit = f"{count} 项记录" if lang == "zh" else f"{count} record{'s' if count != 1 else ''}"
    code = str(node.get("code") or "")
    return f"{code} {node.title(lang)} · {unit}".strip()


def dot_source(catalog: Catalog, shown: View, lang: str) -> str:
    """The DOT text of a view: clusters per system, one link and tooltip per node."""
    graph = graphviz.Digraph("framework", engine="dot")
    # ordering=out keeps children in the order of their edges; LR draws the first edge lowest,
    # so edges go in reverse order to put each parent's first child on top.
    graph.attr(rankdir="LR", ordering="out", splines="polyline", ranksep="0.35", nodesep="0.12")
    # The graph's id prefixes every id dot makes up (valid XML names, unique beside a neighbourhood).
    graph.attr(bgcolor="transparent", fontname=FONT, tooltip=" ", id="fw-graph")
    graph.attr("node", shape="box", style="rounded,filled", fontname=FONT, fontsize="11", margin="0.12,0.05")
    graph.attr("edge", arrowhead="none", color="#8a8a8a", fontname=FONT)
    nodes = [catalog.records[n] for n in shown.nodes if n in catalog.records]
    clusters: dict[str | None, list[Record]] = {}
    for node in nodes:
        clusters.setdefault(_system_of(catalog, node.id), []).append(node)
    for system, members in clusters.items():
        background, fill, border = COLOURS.get(system or "", DEFAULT_COLOURS)
        target = graph if system is None else graphviz.Digraph(f"cluster_{system}")
        if system is not None:
            target.attr(style="rounded,filled", color=background, fillcolor=background, label="", tooltip=" ")
            target.attr(id=f"fw-cluster-{system}")  # else it inherits the graph's id
        for node in members:
            target.node(
                node.id,
                label=_dot_text(_label(node, lang)),
                tooltip=_dot_text(_tooltip(catalog, node, lang)),
                URL=f"{PLACEHOLDER}{node.id}",
                id=f"fw-{node.id}",
                **{"class": f"fw fw-d{depth(catalog, node.id)}"},
                fillcolor=fill,
                color=border,
                penwidth="1.6" if depth(catalog, node.id) <= 1 else "1",
            )
        if target is not graph:
            graph.subgraph(target)
    ids = {n.id for n in nodes}
    for node in reversed(nodes):
        parent = node.get("parent")
        if isinstance(parent, str) and parent in ids:
            graph.edge(parent, node.id, id=f"fe-{node.id}", **{"class": "fe"})
    return graph.source


def render_svg(source: str) -> str:
    """Run ``dot`` on the DOT text and return the ``<svg>`` element alone (no XML prologue)."""
    svg = graphviz.Source(source, engine="dot").pipe(format="svg", encoding="utf-8")
    start = svg.index("<svg")
    return tidy_svg(svg[start:].strip()) + "\n"


# Drawings by DOT text, kept for the process: a served site's rebuilds run Graphviz only for
# layouts that changed (a record's count in a tooltip, a node's title).
_RENDERED: dict[str, str] = {}


class Drawings:
    """Renders each distinct layout once per language and keeps it for the build."""

    def __init__(self, catalog: Catalog, lang: str, renderer: Callable[[str], str] = render_svg) -> None:
        self.catalog = catalog
        self.lang = lang
        self.renderer = renderer
        self._cache: dict[tuple[str, ...], str] = {}

    def svg(self, focus: str | None = None) -> str:
        """The drawing for a page focused on ``focus`` (placeholders unresolved, nothing marked)."""
        shown = view(self.catalog, focus)
        if shown.key not in self._cache:
            source = dot_source(self.catalog, shown, self.lang)
            if self.renderer is not render_svg:
                self._cache[shown.key] = self.renderer(source)
            else:
                if source not in _RENDERED:
                    _RENDERED[source] = render_svg(source)
                self._cache[shown.key] = _RENDERED[source]
        return self._cache[shown.key]


_HREF = re.compile(r'xlink:href="stdcat:([a-z0-9-]+)"')


def place(svg: str, href: Callable[[str], str], current: str | None = None, path: tuple[str, ...] = ()) -> str:
    """One page's copy of a drawing: its own relative links, its node and path marked.

    Args:
        svg: a drawing from ``Drawings.svg``.
        href: the relative URL of a node's page, seen from this page.
        current: the node the page is about, marked ``fw-current``.
        path: the nodes from the root to ``current``, marked ``fw-path`` with their edges.
    """
    out = _HREF.sub(lambda m: f'xlink:href="{html.escape(href(m.group(1)), quote=True)}"', svg)
    for node_id in path:
        mark = "fw-current" if node_id == current else "fw-path"
        node, edge = _svg_id(f"fw-{node_id}"), _svg_id(f"fe-{node_id}")
        out = out.replace(f'id="{node}" class="node fw ', f'id="{node}" class="node fw {mark} ', 1)
        out = out.replace(f'id="{edge}" class="edge fe"', f'id="{edge}" class="edge fe fw-path"', 1)
    return out


def _svg_id(value: str) -> str:
    """An id as dot writes it into SVG attributes (it escapes the hyphen)."""
    return value.replace("-", "&#45;")
