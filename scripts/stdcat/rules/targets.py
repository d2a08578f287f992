"""A target's selector names real fields and values, and its value agrees with its certainty.

Passes: ``counts: {kind: standard, where: {level: [local]}}``; a lost digit as
``value: null, uncertain: true, value_range: [10, 90]``; no ``value`` at all when the plan gives no
number and the selector names the goal's records by id (``where: {id: [...]}``).
Fails: ``where: {levle: [local]}`` or ``where: {level: [provincial]}`` (target-selector);
``value: null`` without ``uncertain: true`` and a range, a qualitative goal with a value, or a
value outside its range (target-value).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem
from stdcat.suggest import close_matches


def check(ctx: Context) -> Iterator[Problem]:
    for target in ctx.catalog.by_kind("target"):
        yield from _value(target)
        counts = target.get("counts")
        if isinstance(counts, dict):
            yield from _selector(ctx, target, counts)


def _value(target: Record) -> Iterator[Problem]:
    comparator, value = target.get("comparator"), target.get("value")
    if comparator == "qualitative":
        for field in ("value", "counts", "value_range"):
            if field in target.data:
                yield problem(
                    target,
                    (field,),
                    "target-value",
                    f"a qualitative target has no '{field}'",
                    "remove it, or set a comparator",
                )
        return
    if "value" not in target.data and not _names_its_records(target):
        yield problem(
            target,
            ("comparator",),
            "target-value",
            "a quantitative target needs 'value' (null when it is lost)",
            "a goal that names its deliverables without a number selects them by id instead",
        )
    elif "value" in target.data and value is None and not (target.get("uncertain") and target.get("value_range")):
        yield problem(
            target,
            ("value",),
            "target-value",
            "an unknown value needs 'uncertain: true' and 'value_range'",
            "say what is known of the lost number",
        )
    span = target.get("value_range")
    if isinstance(span, list) and len(span) == 2:
        if span[0] > span[1]:
            yield problem(target, ("value_range",), "target-value", f"the range {span} runs backwards")
        elif isinstance(value, int) and not span[0] <= value <= span[1]:
            yield problem(target, ("value",), "target-value", f"the value {value} is outside its range {span}")


def _names_its_records(target: Record) -> bool:
    """Whether the selector names the counted records one by one (``where: {id: [...]}``), as a goal
    such as 力争筹建国家碳计量中心（江西） does: it gives no number, so none is written."""
    counts = target.get("counts")
    where = counts.get("where") if isinstance(counts, dict) else None
    return isinstance(where, dict) and bool(where.get("id"))


def _selector(ctx: Context, target: Record, counts: dict) -> Iterator[Problem]:
    kind = counts.get("kind")
    schema = ctx.schemas.get(kind or "", {})
    properties = schema.get("properties", {})
    for field, values in (counts.get("where") or {}).items():
        if field not in properties:
            close = close_matches(field, properties, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"fields of {kind}: {', '.join(properties)}"
            yield problem(
                target,
                ("counts", "where", field),
                "target-selector",
                f"{kind} records have no field '{field}'",
                hint,
                key=True,
            )
            continue
        allowed = _allowed(ctx, properties[field])
        for i, value in enumerate(values):
            if allowed is not None and value not in allowed:
                yield problem(
                    target,
                    ("counts", "where", field, i),
                    "target-selector",
                    f"'{value}' is not a value of {kind}.{field}",
                    "allowed: " + ", ".join(map(str, allowed)),
                )


def _allowed(ctx: Context, prop: dict[str, Any]) -> list[Any] | None:
    """The values a property allows, when it is an enumeration (directly or as a list of one)."""
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        prop = prop["items"]
    ref = prop.get("$ref", "")
    if "#/$defs/" in ref:
        prop = ctx.schemas.get("defs", {}).get("$defs", {}).get(ref.rsplit("/", 1)[1], {})
        if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
            return _allowed(ctx, prop)
    options = prop.get("oneOf")
    if isinstance(options, list) and all("const" in o for o in options):
        return [o["const"] for o in options]
    return prop.get("enum")
