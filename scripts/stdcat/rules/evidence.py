"""Evidence names the fields it supports, and they are fields the record has.

Passes: ``number: 赣府发〔2022〕24号`` with ``evidence: [{url: …, title: …, states: …, read: '2026-12-06',
supports: [number]}]``; ``supports: [dates.published]`` when the record has ``dates.published``.
Fails: ``supports: [numbr]`` or ``supports: [date]`` on a record without a ``date`` (evidence): a page
cited for a field the record does not carry supports nothing a reader can see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem
from stdcat.suggest import close_matches


def check(ctx: Context) -> Iterator[Problem]:
    for record in ctx.catalog.records.values():
        evidence = record.get("evidence")
        if isinstance(evidence, list):
            yield from _supports(record, evidence)


def _supports(record: Record, evidence: list[Any]) -> Iterator[Problem]:
    for i, entry in enumerate(evidence):
        fields = entry.get("supports") if isinstance(entry, dict) else None
        for j, field in enumerate(fields if isinstance(fields, list) else []):
            if isinstance(field, str) and not _has(record.data, field):
                close = close_matches(field.split(".")[0], [str(k) for k in record.data], n=1)
                yield problem(
                    record,
                    ("evidence", i, "supports", j),
                    "evidence",
                    f"the evidence supports '{field}', which this record does not have",
                    f"did you mean '{close[0]}'?" if close else "name a field of this record, such as number or date",
                )


def _has(data: Any, dotted: str) -> bool:
    """Whether a dotted path (``dates.published``) names a value present in the record."""
    for part in dotted.split("."):
        if not isinstance(data, dict) or data.get(part) is None:
            return False
        data = data[part]
    return True
