"""What a migration reports: each change it made, and where."""

from __future__ import annotations

from dataclasses import dataclass

from stdcat.load import Path_


@dataclass(frozen=True)
class Change:
    """One change a migration made: the path of the value in the record, and what was done."""

    path: Path_
    message: str
