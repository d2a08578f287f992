"""Comments survive formatting: each one is tied to the key or list item it belongs to.

A full-line comment belongs to the key or item on the next line that holds one (it is read as
"the comment above this key"), an end-of-line comment to the innermost key or item of its
line. Comments above the first key form the header, comments below the last one the trailer.
Ties are made from positions in the text, not from the YAML library's own bookkeeping, which
attaches a comment to the key *before* it and so would carry it off when keys are reordered.
Blank lines are not kept: the canonical layout has none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from stdcat.load import Path_

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]{0,2}(\s+(#.*))?")
_MASK = "x"
_MODELINE = re.compile(r"#\s*yaml-language-server:")


@dataclass
class Comments:
    """The comments of a record file, each tied to the path of a key or list item."""

    header: list[str] = field(default_factory=list)
    before: dict[Path_, list[str]] = field(default_factory=dict)
    eol: dict[Path_, str] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.header or self.before or self.eol or self.trailer)


@dataclass(frozen=True)
class Anchor:
    """A key or list item: where a comment can be tied."""

    path: Path_
    line: int  # 0-based, where it starts
    end: int  # the last line of its value


def _end_line(node: yaml.Node) -> int:
    mark = node.end_mark
    return mark.line - 1 if mark.column == 0 and mark.line > node.start_mark.line else mark.line


def anchors_and_spans(node: yaml.Node) -> tuple[list[Anchor], list[yaml.ScalarNode]]:
    """Every key and list item in document order, and every scalar (to tell comments from text)."""
    anchors: list[Anchor] = []
    scalars: list[yaml.ScalarNode] = []

    def walk(node: yaml.Node, path: Path_) -> None:
        if isinstance(node, yaml.ScalarNode):
            scalars.append(node)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                scalars.append(key)
                here = (*path, key.value)
                anchors.append(Anchor(here, key.start_mark.line, _end_line(value)))
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                anchors.append(Anchor((*path, i), item.start_mark.line, _end_line(item)))
                walk(item, (*path, i))

    walk(node, ())
    return anchors, scalars


def _masks(lines: list[str], scalars: list[yaml.ScalarNode]) -> tuple[list[str], dict[int, str]]:
    """The lines with every scalar's text blanked out, and the comments of block scalars' headers."""
    masked = list(lines)
    headers: dict[int, str] = {}

    def blank(line: int, start: int, end: int | None = None) -> None:
        text = masked[line]
        stop = len(text) if end is None else end
        masked[line] = text[:start] + _MASK * (stop - start) + text[stop:]

    for node in scalars:
        (l0, c0), (l1, c1) = (node.start_mark.line, node.start_mark.column), (node.end_mark.line, node.end_mark.column)
        if node.style in ("|", ">"):
            match = _BLOCK_HEADER.match(lines[l0], c0)
            if match and match.group(2):
                headers[l0] = match.group(2).rstrip()
            blank(l0, c0)
            for line in range(l0 + 1, l1 if c1 == 0 else min(l1 + 1, len(lines))):
                blank(line, 0)
        elif l0 == l1:
            blank(l0, c0, c1)
        else:
            blank(l0, c0)
            for line in range(l0 + 1, l1):
                blank(line, 0)
            blank(l1, 0, c1)
    return masked, headers


def _found(lines: list[str], masked: list[str], headers: dict[int, str]) -> Iterator[tuple[int, bool, str]]:
    """(line, is it a full-line comment, its text) for every comment of the file."""
    for i, text in enumerate(masked):
        if i in headers:
            yield i, False, headers[i]
            continue
        match = re.search(r"(^|\s)#", text)
        if match:
            start = match.end() - 1
            yield i, not text[:start].strip(), lines[i][start:].rstrip()


def extract(text: str) -> Comments:
    """The comments of a record's text (which must be valid YAML)."""
    lines = text.splitlines()
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if node is None:
        return Comments(header=[c for _, _, c in _found(lines, lines, {})])
    anchors, scalars = anchors_and_spans(node)
    masked, headers = _masks(lines, scalars)
    starts = [a.line for a in anchors]  # non-decreasing: document order is line order
    comments = Comments()
    for line, full, comment in _found(lines, masked, headers):
        if _MODELINE.match(comment):
            continue  # the modeline is written anew, on the first line
        after = bisect.bisect_right(starts, line)  # anchors[after] is the first below this line
        if full and after == len(anchors):
            (comments.trailer if anchors else comments.header).append(comment)
        elif full and after == 0:
            comments.header.append(comment)
        elif full:
            comments.before.setdefault(anchors[after].path, []).append(comment)
        elif after == 0:
            comments.header.append(comment)
        else:
            path = _eol_owner(anchors, starts, after, line)
            comments.eol[path] = f"{comments.eol[path]}  {comment}" if path in comments.eol else comment
    return comments


def _eol_owner(anchors: list[Anchor], starts: list[int], after: int, line: int) -> Path_:
    """The key or item an end-of-line comment belongs to.

    Of the anchors starting on the comment's line (or, on a continuation line, on the line of
    the last anchor above), the outermost whose value ends there (``title: {zh: …}  # c`` is
    about ``title``), else the innermost (``- id: x  # c`` is about ``id``).
    """
    first_line = anchors[after - 1].line
    on_line = anchors[bisect.bisect_left(starts, first_line) : after]
    ending = [a for a in on_line if a.end == line]
    return (ending[0] if ending else on_line[-1]).path


def insert(text: str, comments: Comments) -> str:
    """Put ``comments`` back into ``text`` (a canonical body without comments), beside their anchors."""
    lines = text.splitlines()
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    anchors = anchors_and_spans(node)[0] if node is not None else []
    line_of = {a.path: a.line for a in anchors}
    before: dict[int, list[str]] = {}
    eol: dict[int, list[str]] = {}
    trailer = list(comments.trailer)
    for path, texts in comments.before.items():
        home = _home(path, line_of)
        if home is None:
            trailer.extend(texts)
        else:
            before.setdefault(home, []).extend(texts)
    for path, comment in comments.eol.items():
        home = _home(path, line_of)
        if home is None:
            trailer.append(comment)
        else:
            eol.setdefault(home, []).append(comment)
    out: list[str] = []
    for i, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" "))]
        out.extend(indent + c for c in before.get(i, []))
        out.append(line + "".join(f"  {c}" for c in eol.get(i, [])))
    out.extend(trailer)
    return "".join(line + "\n" for line in out)


def _home(path: Path_, line_of: dict[Path_, int]) -> int | None:
    """The line of ``path``, or of its nearest ancestor still present (a migration may drop a key)."""
    while path:
        if path in line_of:
            return line_of[path]
        path = path[:-1]
    return None
