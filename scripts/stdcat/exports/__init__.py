"""Exports: the validated catalog in forms other tools can use, one module per format.

Every export reads only the ``Context`` (the validated Catalog, the schemas, the site URL) and
writes under one output folder, the site root; the same catalog gives the same bytes.

=========  =====================================================================  =================
format     files (under the site root)                                            module
=========  =====================================================================  =================
json       ``data/index.json``, ``data/<kind>.json``, ``data/records/<id>.json``  ``json_data``
csv        ``data/<kind>.csv``, ``data/detail.csv``, ``data/detail-en.csv``       ``csv_tables``
xlsx       ``data/detail.xlsx`` (标准明细表 and an English sheet)                 ``xlsx_table``
sqlite     ``data/catalog.sqlite``                                                ``sqlite_db``
bib        ``data/catalog.bib``                                                   ``citation``
changes    ``data/changes.json``, ``changes.atom`` (from git)                     ``feed``
schema     ``schema/<kind>.schema.json`` at their ``$id``                         ``schema_docs``
=========  =====================================================================  =================
"""

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
