"""The export formats by name, and the function that writes a chosen set of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from stdcat.exports import citation, csv_tables, feed, json_data, schema_docs, sqlite_db, xlsx_table
from stdcat.exports.context import Context

Writer = Callable[[Context, Path], list[Path]]

FORMATS: dict[str, Writer] = {
    "json": json_data.write,
    "csv": csv_tables.write,
    "xlsx": xlsx_table.write,
    "sqlite": sqlite_db.write,
    "bib": citation.write,
    "changes": feed.write,
    "schema": schema_docs.write,
}


def export(ctx: Context, out: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the chosen formats under ``out``; return the files written, in order."""
    written: list[Path] = []
    for name in formats:
        written.extend(FORMATS[name](ctx, out))
    return written
