"""Say where a file departs from its canonical form, and how, in one positioned problem."""

from __future__ import annotations

import difflib
from typing import Any

from stdcat.layout.order import SchemaDocs, reorder
from stdcat.load import Loaded, Path_
from stdcat.problem import Problem

CODE = "not-canonical"
SHOWN = 72  # characters of a line quoted in a message


def difference(original: str, canonical: str, loaded: Loaded, docs: SchemaDocs) -> Problem:
    """The first way ``original`` differs from ``canonical``: modeline, key order, then the first line."""
    hint = f"run `python -m stdcat fmt {loaded.path}`"
    first = canonical.split("\n", 1)[0]
    if original.split("\n", 1)[0] != first:
        return Problem(loaded.path, 1, 1, CODE, f"the first line must be the modeline `{first}`", hint)
    misplaced = _first_misplaced_key(loaded.data or {}, reorder(loaded.data, _schema(loaded, docs), docs), ())
    if misplaced is not None:
        path, expected = misplaced
        line, col = loaded.where(path, key=True)
        message = f"'{expected}' comes before '{path[-1]}' in the schema's order"
        return Problem(loaded.path, line, col, CODE, message, hint)
    return _first_line(original.splitlines(), canonical.splitlines(), loaded.path, hint)


def _schema(loaded: Loaded, docs: SchemaDocs) -> dict[str, Any]:
    return docs.for_kind(str((loaded.data or {}).get("kind")))


def _first_misplaced_key(actual: Any, ordered: Any, path: Path_) -> tuple[Path_, str] | None:
    """The first key (in document order) found where another should stand, and that other key."""
    if isinstance(actual, dict):
        for (have, value), want in zip(actual.items(), ordered, strict=True):
            if have != want:
                return (*path, have), want
            found = _first_misplaced_key(value, ordered[want], (*path, have))
            if found:
                return found
    elif isinstance(actual, list):
        for i, (value, want) in enumerate(zip(actual, ordered, strict=True)):
            found = _first_misplaced_key(value, want, (*path, i))
            if found:
                return found
    return None


def _first_line(have: list[str], want: list[str], display: str, hint: str) -> Problem:
    for tag, i1, _, j1, _ in difflib.SequenceMatcher(None, have, want, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            return Problem(display, i1 + 1, 1, CODE, f"a line is missing here: `{_short(want[j1])}`", hint)
        if tag == "delete":
            what = "a blank line" if not have[i1].strip() else "this line"
            return Problem(display, i1 + 1, 1, CODE, f"{what} should not be here", hint)
        col = next((k for k, (a, b) in enumerate(zip(have[i1], want[j1], strict=False)) if a != b), None)
        col = min(len(have[i1]), len(want[j1])) if col is None else col
        return Problem(display, i1 + 1, col + 1, CODE, f"this line should read `{_short(want[j1])}`", hint)
    return Problem(display, 1, 1, CODE, "the file differs from its canonical form in its line endings", hint)


def _short(line: str) -> str:
    return line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"
