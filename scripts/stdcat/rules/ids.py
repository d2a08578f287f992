"""Ids are unique across the catalog, equal to the file name, and files sit in their kind's folder.

Passes: ``catalog/standard/pv-modules.yaml`` holding ``id: pv-modules``, ``kind: standard``.
Fails: the same file holding ``id: pv-module`` (file-name), ``kind: metrology`` (kind-folder),
or a second record anywhere with ``id: pv-modules`` (duplicate-id).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem


class _File(NamedTuple):
    name: str
    stem: str
    suffix: str
    folder: str


def check(ctx: Context) -> Iterator[Problem]:
    first: dict[str, tuple[Record, tuple[str | int, ...]]] = {}
    for record in ctx.everything:
        folder, _, name = record.path.rpartition("/")
        stem, dot, suffix = name.rpartition(".")
        file = _File(name, stem, f"{dot}{suffix}", folder.rpartition("/")[2])
        if file.suffix != ".yaml":
            yield problem(
                record, ("id",), "file-name", f"the file ends in '{file.suffix}'", "record files end in .yaml"
            )
        elif file.stem != record.id:
            yield problem(
                record,
                ("id",),
                "file-name",
                f"id '{record.id}' differs from the file name '{file.name}'",
                f"rename the file to '{record.id}.yaml' or change the id",
            )
        if file.folder != record.kind:
            yield problem(
                record,
                ("kind",),
                "kind-folder",
                f"a {record.kind} record in the folder '{file.folder}/'",
                f"move it to catalog/{record.kind}/",
            )
        for path, name in [(("id",), record.id)] + [
            (("aliases", i), a) for i, a in enumerate(record.get("aliases") or [])
        ]:
            if not isinstance(name, str):
                continue
            if name in first:
                other, other_path = first[name]
                line = other.where(*other_path)[0]  # positions are indexed only when needed
                yield problem(record, path, "duplicate-id", f"the id '{name}' is already used by {other.path}:{line}")
            else:
                first[name] = (record, path)
