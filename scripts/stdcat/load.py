"""Text to values, keeping the 1-based line and column of every key and value.

The only reader of record files. It follows YAML 1.2's core schema whatever PyYAML's own
1.1 rules say: ``no``/``on``/``off`` stay strings, ``2025-12-31`` stays a string (the schema
then checks its form), ``010`` is the integer 10. It refuses what a record never needs and
an attacker might use: tags beyond the core schema, anchors and aliases (and so alias
bombs), merge keys, duplicate keys, several documents, deep nesting.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from stdcat.decode import decode
from stdcat.problem import Problem

Path_ = tuple[str | int, ...]
Position = tuple[int, int]

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN = "!plain"
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
MAX_DEPTH = 32

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Composes nodes without PyYAML's 1.1 resolvers: plain scalars are resolved by us."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else f"{_CORE}str"
        return f"{_CORE}map" if kind is yaml.MappingNode else f"{_CORE}seq"


def core_scalar(text: str) -> Any:
    """The value of a plain scalar under YAML 1.2's core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        if text.startswith("0o"):
            return int(text[2:], 8)
        return int(text, 16) if text.startswith("0x") else int(text)
    if _FLOAT.fullmatch(text):
        lowered = text.lower()
        if lowered.endswith("nan"):
            return math.nan
        if lowered.endswith("inf"):
            return -math.inf if text.startswith("-") else math.inf
        return float(text)
    return text


@dataclass
class Loaded:
    """One record file as loaded: its values, their positions, and what was wrong."""

    path: str
    data: dict[str, Any] | None = None
    positions: dict[Path_, Position] = field(default_factory=dict)
    key_positions: dict[Path_, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path_, key: bool = False) -> Position:
        """Position of the value (or its key) at ``path``, else of its nearest ancestor."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def load_file(file: Path, display: str) -> Loaded:
    """Read and load one record file; never raises on bad content."""
    try:
        raw = file.read_bytes()
    except OSError as err:
        return Loaded(display, problems=[Problem(display, 1, 1, "not-utf8", f"cannot read the file: {err.strerror}")])
    text, problems = decode(raw, display)
    if text is None:
        return Loaded(display, problems=problems)
    return load_text(text, display)


def load_text(text: str, display: str) -> Loaded:
    """Load the text of one record file."""
    loaded = Loaded(display)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        loaded.problems.append(_syntax_problem(err, display))
        return loaded
    except (yaml.YAMLError, RecursionError) as err:
        loaded.problems.append(Problem(display, 1, 1, "yaml-syntax", str(err).splitlines()[0]))
        return loaded
    finally:
        loader.dispose()
    if node is None:
        loaded.problems.append(
            Problem(
                display, 1, 1, "empty-file", "the file holds no record", "start from `python -m stdcat new KIND ID`"
            )
        )
        return loaded
    if not isinstance(node, yaml.MappingNode):
        line, col = _mark(node)
        loaded.problems.append(
            Problem(
                display, line, col, "not-a-mapping", "the top level must be a mapping of fields (`id: …`, `kind: …`)"
            )
        )
        return loaded
    walker = _Walker(loaded)
    data = walker.value(node, (), 0)
    if not loaded.problems:
        loaded.data = data
    return loaded


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _syntax_problem(err: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = err.problem or "invalid YAML"
    if "expected a single document" in f"{err.context} {message}":
        return Problem(
            display,
            line,
            col,
            "multiple-documents",
            "the file holds more than one YAML document",
            "one record per file: remove the `---` and what follows",
        )
    if err.context:
        message = f"{message} ({err.context})"
    return Problem(display, line, col, "yaml-syntax", message)


class _Walker:
    """Turns composed nodes into values, recording positions and refusing what records never need."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.seen: set[int] = set()

    def fail(
        self, node: yaml.Node, code: str, message: str, hint: str | None = None, at: Position | None = None
    ) -> None:
        line, col = at or _mark(node)
        self.loaded.problems.append(Problem(self.loaded.path, line, col, code, message, hint))

    def value(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen:
            # The alias shares its anchor's node, so point at the key that uses it.
            at = self.loaded.key_positions.get(path)
            self.fail(node, "yaml-alias", "aliases (*name) are not allowed", "write the value out in full", at)
            return None
        self.seen.add(id(node))
        self.loaded.positions[path] = _mark(node)
        if depth > MAX_DEPTH:
            self.fail(node, "too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
            return None
        if node.tag not in _ALLOWED_TAGS and node.tag != _PLAIN:
            self.fail(
                node,
                "yaml-tag",
                f"the tag {node.tag.replace(_CORE, '!!')} is not allowed",
                "remove the tag; records use plain values",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _PLAIN:
            return core_scalar(node.value)
        if node.tag == f"{_CORE}str":
            return node.value
        value = core_scalar(node.value)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}[node.tag.removeprefix(_CORE)]
        if expected is float and type(value) is int:
            return float(value)
        if type(value) is not expected:
            self.fail(node, "yaml-tag", f"{node.value!r} is not a valid {node.tag.replace(_CORE, '!!')}")
        return value

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            if key in out:
                line, col = self.loaded.key_positions[(*path, key)]
                self.fail(
                    key_node,
                    "duplicate-key",
                    f"duplicate key '{key}' (first at line {line}, column {col})",
                    "keep one of them",
                )
                continue
            self.loaded.key_positions[(*path, key)] = _mark(key_node)
            out[key] = self.value(value_node, (*path, key), depth + 1)
        return out

    def key(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, "key-type", "a mapping key must be a plain string, not a mapping or list")
            return None
        if node.tag == _PLAIN and node.value == "<<":
            self.fail(node, "yaml-alias", "merge keys (<<) are not allowed", "write the fields out in full")
            return None
        if node.tag not in (_PLAIN, f"{_CORE}str"):
            self.fail(node, "yaml-tag", f"the tag {node.tag.replace(_CORE, '!!')} is not allowed on a key")
            return None
        value = node.value if node.tag != _PLAIN else core_scalar(node.value)
        if not isinstance(value, str):
            self.fail(
                node, "key-type", f"the key {node.value!r} is read as {type(value).__name__}, not a string", "quote it"
            )
            return None
        return value
