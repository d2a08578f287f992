"""``python -m stdcat migrate``: bring records written for an older schema up to the current one.

Runs the migrations of ``stdcat.migrations`` newer than ``--from`` (default: all of them; each
is idempotent) on every record, then writes the records in the canonical layout, comments
kept. Each change is listed at its place in the file as it was; ``--check`` writes nothing and
exits 1 when a migration would change something.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stdcat import report, versioning
from stdcat.check import display_path, record_files
from stdcat.decode import decode
from stdcat.load import load_text
from stdcat.migrations import MIGRATIONS, Migration
from stdcat.problem import Problem

if TYPE_CHECKING:
    from stdcat.layout.order import SchemaDocs


def add_parser(commands: argparse._SubParsersAction) -> None:
    migrate = commands.add_parser("migrate", help="bring records written for an older schema up to the current one")
    migrate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all of catalog/)")
    migrate.add_argument(
        "--from", dest="since", type=versioning.parse, metavar="VERSION", help="the schema version the records follow"
    )
    migrate.add_argument("--check", action="store_true", help="write nothing; exit 1 if a migration would apply")
    migrate.add_argument("--list", action="store_true", help="print the schema version and every migration")


def run(args: argparse.Namespace, root: Path, files: list[Path] | None) -> int:
    current = versioning.current(root / "schema")
    if args.list:
        print(f"schemas at version {versioning.show(current)}")
        for step in MIGRATIONS:
            print(f"  {step.doc.splitlines()[0]}")
        return 0
    steps = [m for m in MIGRATIONS if (args.since or (0, 0, 0)) < m.version <= current]
    from stdcat.layout.order import SchemaDocs  # the layout loads with the commands that write records

    docs = SchemaDocs.from_dir(root / "schema")
    changed, problems = 0, []
    for file in files if files is not None else record_files(root / "catalog"):
        found = _one(file, display_path(file, root), steps, docs, args.check)
        if isinstance(found, list):
            problems.extend(found)
        else:
            changed += found
    sys.stdout.write(report.text(sorted(problems)))
    verb = "would change" if args.check else "changed"
    tail = "; then run `python -m stdcat validate` and fill in every TODO" if changed and not args.check else ""
    print(
        f"migrate: {verb} {changed} file{'s' * (changed != 1)} (schemas at {versioning.show(current)}){tail}",
        file=sys.stderr,
    )
    return 1 if problems or (args.check and changed) else 0


def _one(file: Path, display: str, steps: list[Migration], docs: SchemaDocs, check: bool) -> int | list[Problem]:
    """Migrate one file: 1 if it changed (or would), 0 if not, or the problems that stop it."""
    text, problems = decode(file.read_bytes(), display)
    if text is None:
        return problems
    loaded = load_text(text, display)
    if loaded.problems or loaded.data is None:
        return loaded.problems
    kind = loaded.data.get("kind")
    if not isinstance(kind, str) or kind not in docs.kinds():
        return []  # the validator reports it; there is nothing a migration could do
    data = copy.deepcopy(loaded.data)
    done = [(step, change) for step in steps for change in step.apply(data, kind)]
    for step, change in done:
        line, col = loaded.where(change.path)
        print(f"{display}:{line}:{col}: migrated[{step.name}]: {change.message}")
    if done and not check:
        from stdcat.layout import comments
        from stdcat.layout.canonical import render

        file.write_text(render(data, comments.extract(text), kind, docs), encoding="utf-8")
    return 1 if done else 0
