"""What every cross-record rule receives, and the one way rules build a problem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from stdcat.catalog import Catalog, Record
from stdcat.problem import Problem


@dataclass
class Context:
    """The inputs of the rules.

    ``catalog`` holds the records that passed their schema; ``everything`` also holds those
    that did not (so that a reference to a broken record is not reported twice), and
    ``schemas`` maps each kind to its schema; ``unknown_kind_ids`` are the ids of files whose kind
    could not be read (references to them are not reported again).
    """

    catalog: Catalog
    everything: list[Record]
    schemas: dict[str, dict[str, Any]]
    unknown_kind_ids: set[str] = field(default_factory=set)


def problem(
    record: Record, path: tuple[str | int, ...], code: str, message: str, hint: str | None = None, key: bool = False
) -> Problem:
    """A problem positioned at a value (or its key) of a record."""
    line, col = record.where(*path, key=key)
    return Problem(record.path, line, col, code, message, hint)


def strings(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string inside a value, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, (*path, i))
