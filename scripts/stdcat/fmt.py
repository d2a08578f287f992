"""``python -m stdcat fmt``: rewrite records into their canonical form, or check that they are.

The canonical form (see ``stdcat.layout``) leaves nothing to argue about in review: the schema's
key order, one quoting rule, block style, the modeline, and a file named after its id. With
``--check`` nothing is written: every file that is not canonical is reported at the first spot
that differs, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stdcat import report
from stdcat.check import display_path, record_files
from stdcat.decode import decode
from stdcat.problem import Problem

if TYPE_CHECKING:
    from stdcat.layout.cache import Cache
    from stdcat.layout.canonical import Outcome
    from stdcat.layout.order import SchemaDocs

ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
CACHE = Path(".cache") / "stdcat" / "fmt.json"


def add_parser(commands: argparse._SubParsersAction) -> None:
    fmt = commands.add_parser("fmt", help="rewrite records into the canonical layout (or --check it)")
    fmt.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all of catalog/)")
    fmt.add_argument("--check", action="store_true", help="write nothing; list files not in canonical form, exit 1")
    fmt.add_argument("--format", choices=sorted(report.FORMATS), default="text", help="how to print problems")
    fmt.add_argument("--no-cache", action="store_true", help=f"lay out every file, ignoring {CACHE.as_posix()}")


@dataclass
class Tally:
    """What one run did, for the closing line."""

    files: int = 0
    changed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def run(args: argparse.Namespace, root: Path, files: list[Path] | None) -> int:
    # The layout (and ruamel.yaml under it) loads here, not with the CLI: every other command,
    # validate first, starts without it.
    from stdcat.layout.cache import Cache, rules_key
    from stdcat.layout.order import SchemaDocs

    docs = SchemaDocs.from_dir(root / "schema")
    cache = Cache(None if args.no_cache else root / CACHE, rules_key(root / "schema"))
    tally = Tally()
    for file in files if files is not None else record_files(root / "catalog"):
        tally.files += 1
        _one(file, display_path(file, root), docs, cache, args.check, tally)
    cache.save()
    sys.stdout.write(report.FORMATS[args.format](sorted(tally.problems)))
    print(_summary(tally, args.check), file=sys.stderr)
    return 1 if tally.problems else 0


def _one(file: Path, display: str, docs: SchemaDocs, cache: Cache, check: bool, tally: Tally) -> None:
    from stdcat.layout.cache import entry
    from stdcat.layout.canonical import LayoutError, canonical
    from stdcat.layout.explain import difference

    text, problems = decode(file.read_bytes(), display)
    if text is None:
        tally.problems.extend(problems)
        return
    key = entry(display, text)
    if key in cache:
        return
    try:
        outcome = canonical(text, display, docs)
    except LayoutError as err:
        tally.problems.append(Problem(display, 1, 1, "not-canonical", f"{err} (a bug in fmt: please report it)"))
        return
    if outcome.text is None:
        tally.problems.extend(outcome.problems)
        return
    if outcome.text != text:
        if check:
            tally.problems.append(difference(text, outcome.text, outcome.loaded, docs))
        else:
            file.write_text(outcome.text, encoding="utf-8")
            tally.changed.append(display)
    renamed = _name(file, display, outcome, check, tally)
    if not renamed and (outcome.text == text or not check):
        cache.add(entry(display, outcome.text))


def _name(file: Path, display: str, outcome: Outcome, check: bool, tally: Tally) -> bool:
    """Rename the file after its id, or report that it should be; True when the name was wrong."""
    rid = outcome.data.get("id")
    if not isinstance(rid, str) or not ID.fullmatch(rid) or file.name == f"{rid}.yaml":
        return False
    line, col = outcome.loaded.where(("id",))
    target = file.with_name(f"{rid}.yaml")
    if check or target.exists():
        why = f"'{target.name}' already exists" if target.exists() else "`python -m stdcat fmt` renames it"
        message = f"the file name '{file.name}' differs from the id '{rid}'"
        tally.problems.append(Problem(display, line, col, "file-name", message, why))
        return True
    file.rename(target)
    tally.renamed.append(f"{display} → {target.name}")
    return True


def _summary(tally: Tally, check: bool) -> str:
    lines = [f"renamed {r}" for r in tally.renamed]
    if check:
        bad = len({p.path for p in tally.problems})
        verdict = "all in canonical form" if not bad else f"{bad} not in canonical form or not readable"
        lines.append(f"fmt: {tally.files} file{'s' * (tally.files != 1)} checked, {verdict}")
    else:
        lines.append(f"fmt: {len(tally.changed)} of {tally.files} file{'s' * (tally.files != 1)} rewritten")
        if tally.problems:
            left = len({p.path for p in tally.problems})
            lines.append(f"fmt: {left} file{'s' * (left != 1)} left as they were: fix the problems above")
    return "\n".join(lines)
