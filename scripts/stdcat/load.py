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
_SPECIAL_START = frozenset("~nNtTfF0123456789+-.")
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
    if text and text[0] not in _SPECIAL_START:
        return text  # most values are words: nothing else starts this way
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
    """One record file as loaded: its values, what was wrong, and where every value stands.

    Positions are indexed on first use from the kept text: a valid record never needs them,
    and a catalog of ten thousand records should not pay for them.
    """

    path: str
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    _positions: dict[Path_, Position] | None = None
    _key_positions: dict[Path_, Position] = field(default_factory=dict)

    def where(self, path: Path_, key: bool = False) -> Position:
        """Position of the value (or its key) at ``path``, else of its nearest ancestor."""
        if self._positions is None:
            self._positions = {}
            if self.text is not None:
                _index(self.text, self._positions, self._key_positions)
        if key and path in self._key_positions:
            return self._key_positions[path]
        while path not in self._positions and path:
            path = path[:-1]
        return self._positions.get(path, (1, 1))


def load_file(file: Path, display: str) -> Loaded:
    """Read and load one record file; never raises on bad content."""
    if file.is_symlink():
        # A link could make the catalog read (and publish) any file of the machine.
        return Loaded(display, problems=[Problem(display, 1, 1, "symlink", "record files are plain files, not links")])
    try:
        raw = file.read_bytes()
    except OSError as err:
        return Loaded(display, problems=[Problem(display, 1, 1, "not-utf8", f"cannot read the file: {err.strerror}")])
    text, problems = decode(raw, display)
    if text is None:
        return Loaded(display, problems=problems)
    return load_text(text, display)


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_text(text: str, display: str) -> Loaded:
    """Load the text of one record file."""
    loaded = Loaded(display, text=text)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        loaded.problems.append(_syntax_problem(err, display))
        return loaded
    except (yaml.YAMLError, RecursionError) as err:
        loaded.problems.append(Problem(display, 1, 1, "yaml-syntax", str(err).splitlines()[0]))
        return loaded
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
    # Anchors, aliases, tags and merge keys all need one of these characters: without them,
    # the walk can skip the checks that look for them.
    strict = any(c in text for c in "&*!<")
    walker = _Walker(loaded, strict)
    data = walker.value(node, 0)
    if not loaded.problems:
        loaded.data = data
    return loaded


def _index(text: str, positions: dict[Path_, Position], keys: dict[Path_, Position]) -> None:
    """Record the position of every value and key of a text that has loaded once already."""
    try:
        root = _compose(text)
    except (yaml.YAMLError, RecursionError):
        return
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        positions.setdefault(path, _mark(node))
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    child = (*path, key_node.value)
                    keys.setdefault(child, _mark(key_node))
                    stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))


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
    """Turns composed nodes into values, refusing what records never need."""

    def __init__(self, loaded: Loaded, strict: bool) -> None:
        self.loaded = loaded
        self.strict = strict
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, code: str, message: str, hint: str | None = None) -> None:
        line, col = _mark(node)
        self.loaded.problems.append(Problem(self.loaded.path, line, col, code, message, hint))

    def value(self, node: yaml.Node, depth: int) -> Any:
        if self.strict:
            if id(node) in self.seen:
                self.fail(node, "yaml-alias", "aliases (*name) are not allowed", "write the value out in full")
                return None
            self.seen.add(id(node))
            if node.tag not in _ALLOWED_TAGS and node.tag != _PLAIN:
                tag = node.tag.replace(_CORE, "!!")
                self.fail(node, "yaml-tag", f"the tag {tag} is not allowed", "remove the tag; records use plain values")
                return None
        if depth > MAX_DEPTH:
            self.fail(node, "too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, depth + 1) for item in node.value]
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

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            if key in out:
                line, col = _mark(first[key])
                self.fail(
                    key_node,
                    "duplicate-key",
                    f"duplicate key '{key}' (first at line {line}, column {col})",
                    "keep one of them",
                )
                continue
            first[key] = key_node
            if self.strict and id(value_node) in self.seen:
                # An alias shares its anchor's node: point at the key that uses it.
                self.fail(key_node, "yaml-alias", "aliases (*name) are not allowed", "write the value out in full")
                out[key] = None
                continue
            out[key] = self.value(value_node, depth + 1)
        return out

    def key(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, "key-type", "a mapping key must be a plain string, not a mapping or list")
            return None
        if node.tag == _PLAIN:
            if node.value == "<<":
                self.fail(node, "yaml-alias", "merge keys (<<) are not allowed", "write the fields out in full")
                return None
            value = core_scalar(node.value)
        elif node.tag == f"{_CORE}str":
            value = node.value
        else:
            self.fail(node, "yaml-tag", f"the tag {node.tag.replace(_CORE, '!!')} is not allowed on a key")
            return None
        if not isinstance(value, str):
            self.fail(
                node, "key-type", f"the key {node.value!r} is read as {type(value).__name__}, not a string", "quote it"
            )
            return None
        return value
