"""The command line: parse options, build the collaborators, set the exit status.

Exit 0 when the catalog is valid, 1 when any record is invalid, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from stdcat import __version__, fmt, migrate, report
from stdcat.bench import command as bench_command
from stdcat.catalog import KINDS
from stdcat.check import check
from stdcat.derive import tally
from stdcat.exports import command as export_command
from stdcat.schema import SchemaSet
from stdcat.skeleton import PLAN, skeleton

ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class UsageError(Exception):
    """A problem with how the command was called (exit 2)."""


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above ``start`` with catalog/ and schema/."""
    for folder in (start, *start.parents):
        if (folder / "catalog").is_dir() and (folder / "schema").is_dir():
            return folder
    raise UsageError(f"no catalog/ and schema/ found at or above {start}: run from the repository root or pass --root")


def _explicit_root(root: Path) -> Path:
    if not ((root / "catalog").is_dir() and (root / "schema").is_dir()):
        raise UsageError(f"{root} has no catalog/ and schema/ folders")
    return root.resolve()


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="stdcat", description="Catalog of Jiangxi's dual-carbon standards and metrology system."
    )
    top.add_argument("--version", action="version", version=f"stdcat {__version__}")
    top.add_argument("--root", type=Path, help="the repository root (default: found from the current folder)")
    commands = top.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check records against the schemas and the catalog rules")
    validate.add_argument(
        "paths", nargs="*", type=Path, help="files or folders to report on (default: all of catalog/)"
    )
    validate.add_argument("--format", choices=sorted(report.FORMATS), default="text", help="how to print problems")
    new = commands.add_parser("new", help="write a skeleton record of a kind")
    new.add_argument("kind", choices=[k for k in KINDS if k not in ("text", "vocabulary")])
    new.add_argument("id", help="the new record's id: lowercase words joined by hyphens")
    stats = commands.add_parser("stats", help="print counts by kind, level, status and type")
    stats.add_argument("--format", choices=["text", "json"], default="text")
    export_command.add_parser(commands)
    fmt.add_parser(commands)
    migrate.add_parser(commands)
    bench_command.add_parser(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # odd bytes in a file name must not crash a report
    args = parser().parse_args(argv)
    try:
        root = _explicit_root(args.root) if args.root else find_root(Path.cwd())
        return COMMANDS[args.command](args, root)
    except UsageError as err:
        print(f"stdcat: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the last guard: never a traceback, whatever the input
        print(f"stdcat: internal error: {type(err).__name__}: {err} (please report it)", file=sys.stderr)
        return 3


def run_validate(args: argparse.Namespace, root: Path) -> int:
    only = _expand(args.paths) if args.paths else None
    result = check(root, only)
    sys.stdout.write(report.FORMATS[args.format](result.problems))
    if args.format == "text":
        print(report.summary(result.problems, result.files, len(result.everything)), file=sys.stderr)
    return 0 if result.ok else 1


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return files


def run_new(args: argparse.Namespace, root: Path) -> int:
    if not ID.fullmatch(args.id) or len(args.id) > 80:
        raise UsageError(f"'{args.id}' is not an id: lowercase ASCII words joined by hyphens")
    target = root / "catalog" / args.kind / f"{args.id}.yaml"
    if target.exists():
        print(f"stdcat: {target.relative_to(root).as_posix()} already exists", file=sys.stderr)
        return 1
    schemas = SchemaSet.from_dir(root / "schema")
    target.parent.mkdir(parents=True, exist_ok=True)
    plan = PLAN if (root / "catalog" / "document" / f"{PLAN}.yaml").is_file() else None
    target.write_text(skeleton(args.kind, args.id, schemas.schemas[args.kind], schemas.defs, plan), encoding="utf-8")
    print(f"wrote {target.relative_to(root).as_posix()}: replace every TODO, then run `python -m stdcat validate`")
    return 0


def run_stats(args: argparse.Namespace, root: Path) -> int:
    result = check(root)
    counts = tally(result.catalog)
    if args.format == "json":
        print(json.dumps({k: dict(sorted(v.items())) for k, v in counts.items()}, ensure_ascii=False, indent=2))
    else:
        for group, counter in counts.items():
            print(f"by {group}:")
            for key, n in sorted(counter.items()):
                print(f"  {key:<40} {n:>5}")
        print(f"total records: {len(result.catalog)}")
    if not result.ok:
        print(
            f"stdcat: note: the catalog has problems; these counts cover the {len(result.catalog)} valid records "
            "(run `python -m stdcat validate`)",
            file=sys.stderr,
        )
    return 0


def run_fmt(args: argparse.Namespace, root: Path) -> int:
    return fmt.run(args, root, _expand(args.paths) if args.paths else None)


def run_migrate(args: argparse.Namespace, root: Path) -> int:
    return migrate.run(args, root, _expand(args.paths) if args.paths else None)


COMMANDS = {
    "validate": run_validate,
    "new": run_new,
    "stats": run_stats,
    "export": export_command.run,
    "fmt": run_fmt,
    "migrate": run_migrate,
    "bench": bench_command.run,
}
