"""Load every record, check it against its schema, then run the cross-record rules.

Never raises on bad data: every fault becomes a positioned Problem, and one broken file never
stops the others from being checked.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from stdcat.catalog import KINDS, Catalog, Record
from stdcat.load import Loaded, load_file
from stdcat.problem import ERROR, Problem
from stdcat.rules import RULES, Context
from stdcat.schema import SchemaSet
from stdcat.search import synonyms


@dataclass
class Result:
    """What a check found: the problems, and the catalog of the records that passed their schema."""

    problems: list[Problem]
    catalog: Catalog
    files: int = 0
    everything: list[Record] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)


def record_files(catalog_dir: Path) -> list[Path]:
    """Every record file under the catalog folder, in a stable order."""
    files: list[Path] = []
    for folder, _dirs, names in os.walk(catalog_dir):
        files.extend(Path(folder, name) for name in names if name.endswith((".yaml", ".yml")))
    return sorted(files, key=lambda path: path.parts)  # Path's order, without its slow comparisons


def display_path(file: Path, root: Path) -> str:
    """The path as reports show it: relative to the repository root, with forward slashes."""
    text, prefix = str(file), str(root) + os.sep
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


# A file's own findings, kept by ``mkdocs serve`` between its checks (see ``_check_file``).
FileMemo = dict[str, tuple[tuple[int, int], "FileFindings"]]
FileFindings = tuple[Loaded, str | None, list[Problem], list[Problem]]


def check(
    root: Path, only: list[Path] | None = None, schemas: SchemaSet | None = None, memo: FileMemo | None = None
) -> Result:
    """Check the catalog under ``root``; with ``only``, report only problems of those files.

    ``memo`` keeps each file's own findings (loading, kind, schema) for the next check with the
    same schemas, which then reads again only the files whose size or time changed.
    """
    with _no_collection():
        return _check(root, only, schemas, memo)


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Loading makes millions of small containers and no cycles: the garbage collector would walk
    them again and again for nothing (a fifth of ``validate`` at 10,000 records)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(root: Path, only: list[Path] | None, schemas: SchemaSet | None, memo: FileMemo | None) -> Result:
    root = root.resolve()
    schemas = schemas or SchemaSet.from_dir(root / "schema")
    files = record_files(root / "catalog")
    if only:
        # A file given on the command line but kept elsewhere (a draft) is checked in the catalog's context.
        known = {f.resolve() for f in files}
        files += [f for f in only if f.resolve() not in known]
    problems: list[Problem] = []
    valid: list[Record] = []
    everything: list[Record] = []
    unknown_kind_ids: set[str] = set()
    for file in files:
        loaded, kind, file_problems, schema_problems = _check_file(file, root, schemas, memo)
        problems.extend(file_problems)
        if kind is None:
            # References to a record whose file could not be read are not reported again.
            if loaded.data and isinstance(loaded.data.get("id"), str):
                unknown_kind_ids.add(loaded.data["id"])
            elif loaded.data is None:
                unknown_kind_ids.add(file.stem)
            continue
        rid = loaded.data.get("id") if loaded.data else None
        if not isinstance(rid, str):
            continue  # the schema has reported the missing or malformed id
        record = Record(rid, kind, loaded.data or {}, loaded)
        everything.append(record)
        if not schema_problems:
            valid.append(record)
    catalog = Catalog(valid)
    context = Context(catalog, everything, {**schemas.schemas, "defs": schemas.defs}, unknown_kind_ids)
    # A value of the wrong type or form is not judged again by a rule (an invalid date is not
    # also 'before' another one).
    unreadable = {(p.path, p.line, p.col) for p in problems if p.code in ("type", "format", "enum")}
    for rule in RULES.values():
        problems.extend(
            p for p in rule(context) if p.code == "placeholder" or (p.path, p.line, p.col) not in unreadable
        )
    problems.extend(synonyms.problems(root))  # search/synonyms.yaml: data too, checked with the records
    problems = _without_echoes(problems)
    if only is not None:
        wanted = {display_path(p, root) for p in only}
        problems = [p for p in problems if p.path in wanted]
    return Result(sorted(set(problems)), catalog, len(files), everything)


def _check_file(file: Path, root: Path, schemas: SchemaSet, memo: FileMemo | None) -> FileFindings:
    """What one file holds and what is wrong with it on its own: its load, its kind, its schema."""
    stamp = (0, 0)
    if memo is not None:
        try:
            stat = file.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:  # gone meanwhile: load_file reports it
            pass
        kept = memo.get(str(file))
        if kept is not None and kept[0] == stamp:
            return kept[1]
    loaded = load_file(file, display_path(file, root))
    problems = list(loaded.problems)
    kind = _kind(loaded, problems)
    schema_problems = schemas.problems(kind, loaded) if kind is not None else []
    findings = (loaded, kind, problems + schema_problems, schema_problems)
    if memo is not None and stamp != (0, 0):
        memo[str(file)] = (stamp, findings)
    return findings


def _without_echoes(problems: list[Problem]) -> list[Problem]:
    """Drop any other complaint about a value that is a placeholder: 'fill it in' says it all."""
    placeholders = {(p.path, p.line, p.col) for p in problems if p.code == "placeholder"}
    return [p for p in problems if p.code == "placeholder" or (p.path, p.line, p.col) not in placeholders]


def _kind(loaded: Loaded, problems: list[Problem]) -> str | None:
    """The kind of a loaded record, if the file loaded and names a known kind."""
    data = loaded.data
    if data is None:
        return None
    kind = data.get("kind")
    if kind in KINDS:
        return str(kind)
    line, col = loaded.where(("kind",)) if "kind" in data else (1, 1)
    shown = f"the kind {kind!r}" if kind is not None else "no kind"
    problems.append(
        Problem(
            loaded.path, line, col, "unknown-kind", f"the record has {shown}", "kind is one of: " + ", ".join(KINDS)
        )
    )
    return None
