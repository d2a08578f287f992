"""Migrations: each turns records written for an older schema into records of a newer one.

One module per breaking change, named after the version that made it. A migration is
idempotent (it recognises the old shape and leaves the new one alone), so running every
migration on any record is safe; it never invents content: what only an author can know is
written as a ``TODO`` placeholder, which the validator then reports. Adding one touches its
module, one line below, and the schema changelog entry of its version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from stdcat.migrations import v2_0_0_text_restored
from stdcat.migrations.base import Change
from stdcat.versioning import Version, parse


@dataclass(frozen=True)
class Migration:
    """A named step to a schema version."""

    name: str
    version: Version
    doc: str
    apply: Callable[[dict[str, Any], str], list[Change]]


def _from(module: ModuleType) -> Migration:
    return Migration(module.NAME, parse(module.VERSION), module.__doc__ or "", module.migrate)


MIGRATIONS: list[Migration] = [_from(m) for m in (v2_0_0_text_restored,)]
