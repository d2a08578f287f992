"""The catalog as CSV: one table per kind, and the detail table (标准明细表).

Outputs: ``data/<kind>.csv`` for every kind but ``text`` (its paragraphs are in the SQLite
database), ``data/detail.csv`` (Chinese) and ``data/detail-en.csv`` (English).

Files are UTF-8 with a byte-order mark (so that Excel reads the Chinese correctly), with
``\\r\\n`` line ends as the csv module writes them. A kind's columns follow its schema's
properties, nested mappings flattened (``title_zh``, ``source_paragraph``), lists joined with
``"; "`` and lists of mappings (``history``) as compact JSON; derived columns, prefixed ``_``,
come last. A cell starting with ``= + - @`` (or a tab or carriage return) is prefixed with ``'``
so that a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stdcat.catalog import KINDS, Record
from stdcat.derive import progress
from stdcat.exports import detail
from stdcat.exports.common import compact, write_bytes
from stdcat.exports.context import Context
from stdcat.exports.schema_docs import resolve

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "
CSV_KINDS = [kind for kind in KINDS if kind not in ("text", "vocabulary")]  # not tables of records

Getter = Callable[[Record], Any]


def safe(value: Any) -> str:
    """A cell's text, with a leading quote on anything a spreadsheet could take for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number is never a formula, even when negative
    if isinstance(value, list):
        value = (
            SEPARATOR.join(safe(v) for v in value)
            if all(not isinstance(v, dict | list) for v in value)
            else compact(value)
        )
    elif isinstance(value, dict):
        value = compact(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([safe(h) for h in header])
    writer.writerows([safe(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def columns(ctx: Context, kind: str) -> list[tuple[str, Getter]]:
    """The columns of a kind's table: schema properties flattened, then derived ones."""
    defs = ctx.schemas.defs["$defs"]
    out: list[tuple[str, Getter]] = []
    for name, prop in ctx.schemas.schemas[kind]["properties"].items():
        out.extend(_flatten(name, (name,), prop, defs))
    return out + _derived_columns(ctx, kind)


def _flatten(name: str, path: tuple[str, ...], prop: dict[str, Any], defs: dict[str, Any]) -> list[tuple[str, Getter]]:
    resolved = resolve(prop, defs)
    if resolved.get("type") == "object" and resolved.get("properties"):
        out: list[tuple[str, Getter]] = []
        for sub, sub_prop in resolved["properties"].items():
            out.extend(_flatten(f"{name}_{sub}", (*path, sub), sub_prop, defs))
        return out
    return [(name, _getter(path))]


def _getter(path: tuple[str, ...]) -> Getter:
    def get(record: Record) -> Any:
        value: Any = record.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return get


def _derived_columns(ctx: Context, kind: str) -> list[tuple[str, Getter]]:
    out: list[tuple[str, Getter]] = []
    if "framework" in ctx.schemas.schemas[kind]["properties"]:
        out.append(("_framework_code", lambda r: _code(ctx, r.get("framework"))))
    if kind == "target":
        out.append(("_records", lambda r: len(p.records) if (p := progress(ctx.catalog, r)) else None))
        out.append(("_delivered", lambda r: p.delivered if (p := progress(ctx.catalog, r)) else None))
    return out


def _code(ctx: Context, node_id: Any) -> Any:
    node = ctx.catalog.get(node_id) if isinstance(node_id, str) else None
    return node.get("code") if node else None


def kind_table(ctx: Context, kind: str) -> bytes:
    cols = columns(ctx, kind)
    rows = [[get(record) for _, get in cols] for record in ctx.catalog.by_kind(kind)]
    return csv_bytes([name for name, _ in cols], rows)


def write(ctx: Context, out: Path) -> list[Path]:
    data = out / "data"
    written = [write_bytes(data / f"{kind}.csv", kind_table(ctx, kind)) for kind in CSV_KINDS]
    rows = detail.rows(ctx)
    for lang, name in (("zh", "detail.csv"), ("en", "detail-en.csv")):
        header, table = detail.table(rows, lang)
        written.append(write_bytes(data / name, csv_bytes(header, table)))
    return written
