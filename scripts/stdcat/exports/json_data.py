"""The catalog as JSON: one file per kind, one per record at a stable path, and an index.

Outputs (under the site root):
- ``data/index.json``: schema version and digest, counts by kind, and where every file is;
- ``data/<kind>.json``: ``{kind, schema, count, records: [...]}``, records sorted by id;
- ``data/records/<id>.json``: one record.

A record is its authored fields exactly as written, in the file's order, plus ``_derived``
(see ``derived.py``); dropping ``_derived`` gives a record that validates against its schema.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from stdcat import __version__
from stdcat.catalog import KINDS, Record
from stdcat.exports.common import dumps, write_text
from stdcat.exports.context import RECORD_JSON, Context
from stdcat.exports.derived import derived

DERIVED = "_derived"


def exported(ctx: Context, record: Record) -> dict[str, Any]:
    """The record as published: authored fields, then ``_derived``."""
    return {**record.data, DERIVED: derived(ctx, record)}


def authored(published: dict[str, Any]) -> dict[str, Any]:
    """Back from a published record to its authored fields."""
    return {key: value for key, value in published.items() if key != DERIVED}


def schema_digest(ctx: Context) -> str:
    """SHA-256 over the schema files (name and bytes, in name order): changes when any schema does."""
    digest = hashlib.sha256()
    for path in sorted(ctx.schema_dir.glob("*.schema.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def index(ctx: Context) -> dict[str, Any]:
    kinds = {
        kind: {
            "count": len(ctx.catalog.by_kind(kind)),
            "file": f"data/{kind}.json",
            "schema": ctx.schemas.schemas[kind]["$id"],
        }
        for kind in KINDS
    }
    return {
        "title": {
            "zh": "江西省碳达峰碳中和标准计量体系目录",
            "en": "Catalog of Jiangxi's dual-carbon standards and metrology system",
        },
        "schema_version": __version__,
        "schema_sha256": schema_digest(ctx),
        "count": len(ctx.catalog),
        "kinds": kinds,
        "record_file": RECORD_JSON,
        "records": {
            rid: {"kind": r.kind, "file": RECORD_JSON.format(id=rid)} for rid, r in sorted(ctx.catalog.records.items())
        },
        "derived_key": DERIVED,
    }


def write(ctx: Context, out: Path) -> list[Path]:
    data = out / "data"
    records_dir = data / "records"
    if records_dir.is_dir():
        shutil.rmtree(records_dir)  # ours alone: a removed record must not linger
    written = [write_text(data / "index.json", dumps(index(ctx)))]
    for kind in KINDS:
        records = [exported(ctx, record) for record in ctx.catalog.by_kind(kind)]
        document = {"kind": kind, "schema": ctx.schemas.schemas[kind]["$id"], "count": len(records), "records": records}
        written.append(write_text(data / f"{kind}.json", dumps(document)))
        for record in records:
            written.append(write_text(out / RECORD_JSON.format(id=record["id"]), dumps(record)))
    return written
