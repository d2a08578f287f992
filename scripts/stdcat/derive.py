"""Values derived from the authored records, kept apart from them.

Derived here, and only here:
- ``delivered(record)``: a standard or specification is delivered once published (and not yet
  withdrawn); any other record once its work status is ``completed``.
- ``selected(catalog, counts)``: the records a target's selector names.
- ``progress(catalog, target)``: how many selected records exist and how many are delivered.
- ``tally(catalog)``: counts by kind, level, status and type, for statistics.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from stdcat.catalog import Catalog, Record
from stdcat.rules.lifecycle import is_document

DELIVERED_DOCUMENT = {"published", "periodic-review"}


def delivered(record: Record) -> bool:
    status = record.get("status")
    if is_document(record):
        return status in DELIVERED_DOCUMENT
    return status == "completed"


def _matches(value: Any, allowed: list[Any]) -> bool:
    if value is None and any(v is False for v in allowed):
        return True  # an absent flag (such as series) means false
    if isinstance(value, list):
        return any(v in allowed for v in value)
    return value in allowed


def selected(catalog: Catalog, counts: dict[str, Any]) -> list[Record]:
    """The records of the selector's kind whose fields take one of the listed values."""
    where = counts.get("where") or {}
    return [
        record
        for record in catalog.by_kind(counts.get("kind", ""))
        if all(_matches(record.id if field == "id" else record.get(field), values) for field, values in where.items())
    ]


@dataclass(frozen=True)
class Progress:
    """Where a target stands, computed from the records."""

    target: Record
    records: tuple[Record, ...]
    delivered: int

    @property
    def value(self) -> int | None:
        return self.target.get("value")

    @property
    def known(self) -> bool:
        """Whether there is a number to measure against (a lost digit gives none)."""
        return isinstance(self.value, int) and self.value > 0

    @property
    def ratio(self) -> float | None:
        return min(1.0, self.delivered / self.value) if self.known else None


def progress(catalog: Catalog, target: Record) -> Progress | None:
    counts = target.get("counts")
    if not isinstance(counts, dict):
        return None
    records = selected(catalog, counts)
    return Progress(target, tuple(records), sum(1 for r in records if delivered(r)))


def tally(catalog: Catalog) -> dict[str, Counter[str]]:
    """Counts of records by kind, and of standards and metrology by level, status and type."""
    out: dict[str, Counter[str]] = {"kind": Counter(), "level": Counter(), "status": Counter(), "type": Counter()}
    for record in catalog.records.values():
        out["kind"][record.kind] += 1
        if record.kind in ("standard", "metrology", "task"):
            out["status"][f"{record.kind}:{record.get('status')}"] += 1
        if record.kind in ("standard", "metrology") and record.get("level"):
            out["level"][f"{record.kind}:{record.get('level')}"] += 1
        if record.kind in ("metrology", "task"):
            out["type"][f"{record.kind}:{record.get('type')}"] += 1
    return out
