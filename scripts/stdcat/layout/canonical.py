"""A record's text in, its canonical text out.

The canonical form: the first line is the editor modeline naming the kind's schema; keys in the
schema's order at every level; block style with 2-space indentation; the quoting rule of
``scalars``; comments kept beside the key or item they belong to; no blank lines. Values never
change: the result is loaded again and compared with the original before anyone writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stdcat.layout import comments, scalars
from stdcat.layout.order import SchemaDocs, reorder
from stdcat.load import Loaded, load_text
from stdcat.problem import Problem

MODELINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json"


class LayoutError(Exception):
    """Formatting would have changed a record's values: a bug in the formatter, never written."""


@dataclass
class Outcome:
    """What formatting one file gave: the canonical text, or the problems that prevent it."""

    text: str | None
    loaded: Loaded
    problems: list[Problem] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return self.loaded.data or {}


def modeline(kind: str) -> str:
    return MODELINE.format(kind=kind)


def canonical(text: str, display: str, docs: SchemaDocs) -> Outcome:
    """The canonical text of the record file ``display`` whose content is ``text``."""
    loaded = load_text(text, display)
    if loaded.problems or loaded.data is None:
        return Outcome(None, loaded, loaded.problems)
    data = loaded.data
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in docs.kinds():
        line, col = loaded.where(("kind",))
        shown = f"of kind {kind!r}" if "kind" in data else "with no kind"
        message = f"cannot lay out a record {shown}"
        hint = "kind is one of: " + ", ".join(sorted(docs.kinds()))
        return Outcome(None, loaded, [Problem(display, line, col, "unknown-kind", message, hint)])
    return Outcome(render(data, comments.extract(text), kind, docs), loaded)


def render(data: dict[str, Any], notes: comments.Comments, kind: str, docs: SchemaDocs) -> str:
    """The canonical text of ``data`` with its comments ``notes``; checks that values survive."""
    ordered = reorder(data, docs.for_kind(kind), docs)
    header = [modeline(kind), *notes.header]
    body = comments.insert(scalars.dump(ordered), notes)
    result = "".join(line + "\n" for line in header) + body
    again = load_text(result, "(formatted)")
    if again.problems or again.data != data:
        raise LayoutError("the canonical text would not hold the same values")
    return result
