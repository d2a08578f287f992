"""A record's neighbourhood: the record, its framework node, its departments and related records, as DOT.

The neighbourhood is what a reader of one record page may want to visit next; ``dot_source`` draws
it left to right: the framework node and the records naming this one on the left, the record in
the middle, the records it names and its departments on the right. Node links are placeholders
(``xlink:href="stdcat:<id>"``, see ``diagram.place``) so that the DOT text does not depend on the
page, and the same neighbourhood gives the same text, hence the same drawing.

The DOT text is written by hand rather than with the ``graphviz`` package: twenty thousand record
pages make this a hot path, and every value it writes is quoted by ``_quoted``.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdcat.catalog import Catalog, Record
from stdcat.diagram import FONT, PLACEHOLDER
from stdcat.drawing_text import wrap_label

DEPARTMENT_FIELDS = ("lead", "participants", "implementers")
# Role → (fill, border) per kind of neighbour; the record itself stands out in the page's accent.
COLOURS = {
    "record": ("#ffe9b0", "#c67c00"),
    "framework": ("#eef4fb", "#3f6fa8"),
    "lead": ("#eef7f0", "#3b8a55"),
    "participants": ("#eef7f0", "#3b8a55"),
    "implementers": ("#eef7f0", "#3b8a55"),
    "related": ("#f4f4f4", "#666666"),
    "related_from": ("#f4f4f4", "#666666"),
}
ROLE_WORDS = {  # tooltip prefixes: what the neighbour is to the record
    "record": ("本记录", "This record"),
    "framework": ("所属体系节点", "Framework node"),
    "lead": ("牵头单位", "Lead"),
    "participants": ("参与单位", "Participant"),
    "implementers": ("实施单位", "Implementer"),
    "related": ("相关记录", "Related record"),
    "related_from": ("引用本记录", "Refers to this record"),
}
# Departments and the node are joined by lines; references between records are arrows.
EDGE_ATTRS = {
    "framework": "arrowhead=none",
    "lead": "arrowhead=none",
    "participants": "arrowhead=none style=dashed",
    "implementers": "arrowhead=none style=dotted",
}


@dataclass(frozen=True)
class Neighbour:
    """One node of the drawing: a record and what it is to the focused record."""

    record: Record
    role: str


@dataclass(frozen=True)
class Neighbourhood:
    """The focused record and its neighbours, each record once, in a fixed order."""

    record: Record
    neighbours: tuple[Neighbour, ...]


def neighbourhood(catalog: Catalog, record: Record) -> Neighbourhood:
    """Who is around ``record``: framework node, departments, related records both ways."""
    found: dict[str, Neighbour] = {}

    def add(record_id: object, role: str) -> None:
        other = catalog.get(record_id) if isinstance(record_id, str) else None
        if other is not None and other.id != record.id and other.id not in found:
            found[other.id] = Neighbour(other, role)

    add(record.get("framework"), "framework")
    for field in DEPARTMENT_FIELDS:
        for org in record.get(field) or []:
            add(org, field)
    for other in record.get("related") or []:
        add(other, "related")
    for link in sorted(catalog.referrers(record.id, "related"), key=lambda link: link.source.id):
        add(link.source.id, "related_from")
    return Neighbourhood(record, tuple(found.values()))


def dot_source(nb: Neighbourhood, lang: str, memo: dict[tuple[str, str], str] | None = None) -> str:
    """The DOT text of a neighbourhood in ``lang``: one link, tooltip and class per node.

    ``memo`` keeps node lines by (record id, role) for one catalog and language: departments and
    framework nodes recur in thousands of drawings, and writing their lines is most of the cost.
    """
    memo = {} if memo is None else memo
    lines = [
        "digraph {",
        f'graph [id="nb-graph" rankdir=LR bgcolor=transparent fontname="{FONT}" tooltip=" " nodesep=0.1 ranksep=0.3];',
        f'node [shape=box style=filled fontname="{FONT}" fontsize=11 margin="0.1,0.04" penwidth=1];',
        'edge [color="#8a8a8a" arrowsize=0.6];',
        _node(nb.record, "record", lang),
    ]
    for neighbour in nb.neighbours:
        line = memo.get((neighbour.record.id, neighbour.role))
        if line is None:
            line = memo[neighbour.record.id, neighbour.role] = _node(neighbour.record, neighbour.role, lang)
        lines.append(line)
    for neighbour in nb.neighbours:
        lines.append(_edge(nb.record.id, neighbour))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(record: Record, role: str, lang: str) -> str:
    fill, border = COLOURS[role]
    words = ROLE_WORDS[role][0 if lang == "zh" else 1]
    name = _name(record, lang)
    attrs = {
        "label": wrap_label(name, lang, 12 if lang == "zh" else 24),  # whole: never cut
        # dot unescapes a tooltip twice (a label once): its backslashes are doubled twice.
        "tooltip": (f"{words}：{name}" if lang == "zh" else f"{words}: {name}").replace("\\", "\\\\"),
        "URL": f"{PLACEHOLDER}{record.id}",
        "id": f"nb-{record.id}",
        "class": f"nb nb-{role}" + (" nb-current" if role == "record" else ""),
        "fillcolor": fill,
        "color": border,
    }
    if role == "record":
        attrs["penwidth"] = "2"
    return f"{_quoted(record.id)} [{_attrs(attrs)}];"


def _edge(focus: str, neighbour: Neighbour) -> str:
    """Edges run the way the reference goes: node → record → what it names; referrers → record."""
    role, other = neighbour.role, neighbour.record.id
    tail, head = (other, focus) if role in ("framework", "related_from") else (focus, other)
    return f"{_quoted(tail)} -> {_quoted(head)} [{EDGE_ATTRS.get(role, '')}];"


def _name(record: Record, lang: str) -> str:
    """How the record is named: a department as the plan writes it, a node with its code, a number first."""
    if record.kind == "organization" and lang == "zh" and record.get("short"):
        return " ".join(str(record.get("short")).split())
    code = record.get("code") if record.kind == "framework" else record.get("number")
    title = " ".join(record.title(lang).split())  # a line break in a title would break the label
    if isinstance(code, str) and code and code != "0" and record.kind != "document":
        return f"{code} {title}"
    return title


def _quoted(text: str) -> str:
    r"""A DOT string: quotes and backslashes escaped (else \N would print the node's name), \n a line break."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f"{key}={_quoted(value)}" for key, value in attrs.items())
