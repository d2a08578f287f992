"""Counts of records by framework branch crossed with one field (level, status …): the 统计表.

A record counts toward every node on its framework path, so each row counts the records at its
node and below, and a system's row is the subtotal of its subsystems (plus what is attached to the
system itself). The rows are the framework's top three levels below its root(s): systems (the
standards system, the metrology system), their subsystems, and the subsystems' areas. Records
placed nowhere below a system (no framework node, or the root itself) get a row of their own, so
the column totals always count every record once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from stdcat.catalog import Catalog, Record

SYSTEM, SUBSYSTEM, AREA = 1, 2, 3  # depth of a row's node below the framework's root


@dataclass
class Row:
    """One framework node (or, with ``node`` None, the records placed outside every system)."""

    node: Record | None
    depth: int
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Table:
    """Rows in the framework's order, the columns that occur, and the column totals."""

    rows: list[Row]
    columns: list[str]
    totals: Counter[str]

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def key(value: Any) -> str:
    """A field value as a column key; an absent value is the empty key."""
    return "" if value is None else str(value)


def crosstab(
    catalog: Catalog, kinds: tuple[str, ...], field_name: str, order: list[str], depth: int = AREA, absent: str = ""
) -> Table:
    """Records of ``kinds`` counted by framework node (down to ``depth``) and by ``field_name``.

    ``order`` is the schema's order of the field's values; values outside it come after, and the
    absent value last. ``absent`` is the value a record without the field counts as: a metrology
    record with no level is as unstated as one whose level is ``unspecified``, so both count in one
    column.
    """
    rows = _framework_rows(catalog, depth)
    by_id = {row.node.id: row for row in rows if row.node is not None}
    elsewhere = Row(None, SYSTEM)
    totals: Counter[str] = Counter()
    for kind in kinds:
        for record in catalog.by_kind(kind):
            column = key(record.get(field_name)) or absent
            totals[column] += 1
            placed = [by_id[n.id] for n in _path(catalog, record) if n.id in by_id]
            for row in placed or [elsewhere]:
                row.counts[column] += 1
    if elsewhere.total:
        rows.append(elsewhere)
    return Table(rows, _columns(totals, order), totals)


def _path(catalog: Catalog, record: Record) -> list[Record]:
    node = record.get("framework")
    return catalog.framework_path(node) if isinstance(node, str) else []


def _framework_rows(catalog: Catalog, depth: int) -> list[Row]:
    """A row for every node from depth 1 (a root's children) down to ``depth``, depth first."""
    rows: list[Row] = []

    def walk(node: Record, level: int) -> None:
        rows.append(Row(node, level))
        if level < depth:
            for child in catalog.children(node.id):
                walk(child, level + 1)

    for root in catalog.roots():
        for system in catalog.children(root.id):
            walk(system, SYSTEM)
    return rows


def _columns(totals: Counter[str], order: list[str]) -> list[str]:
    known = [value for value in order if totals[value]]
    rest = sorted(value for value in totals if value and value not in order)
    return known + rest + ([""] if totals[""] else [])
