"""``python -m stdcat export --out DIR [--format F]…``: write the exports of a valid catalog.

Refuses (exit 1) when the catalog has errors: published data is always validated data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

# The names of the formats, kept here so that building the parser imports no exporter
# (a test checks them against ``formats.FORMATS``).
FORMAT_NAMES = ("json", "csv", "xlsx", "sqlite", "bib", "changes", "schema")


def add_parser(commands: Any) -> None:
    """Register the ``export`` subcommand."""
    command = commands.add_parser("export", help="write the catalog as JSON, CSV, XLSX, SQLite, BibTeX, Atom, schemas")
    command.add_argument("--out", type=Path, required=True, help="the output folder (the site root)")
    command.add_argument(
        "--format", action="append", choices=FORMAT_NAMES, help="a format to write (repeatable; default: all)"
    )
    command.add_argument("--site-url", help="the site's root URL (default: from the schemas' $id)")


def run(args: argparse.Namespace, root: Path) -> int:
    from stdcat.check import check
    from stdcat.exports.context import Context
    from stdcat.exports.formats import FORMATS, export

    result = check(root)
    if not result.ok:
        print(
            "stdcat: error: the catalog has problems; nothing exported (run `python -m stdcat validate`)",
            file=sys.stderr,
        )
        return 1
    site_url = args.site_url if args.site_url is None or args.site_url.endswith("/") else args.site_url + "/"
    ctx = Context.build(result.catalog, root, site_url)
    formats = list(dict.fromkeys(args.format or FORMATS))
    written = export(ctx, args.out, formats)
    out = args.out.resolve()
    for path in written:
        if path.parent.name != "records":
            print(f"{path.resolve().relative_to(out).as_posix():<32} {path.stat().st_size:>10,} bytes")
    per_record = [p for p in written if p.parent.name == "records"]
    if per_record:
        size = sum(p.stat().st_size for p in per_record)
        print(f"{'data/records/*.json':<32} {size:>10,} bytes in {len(per_record)} files")
    return 0
