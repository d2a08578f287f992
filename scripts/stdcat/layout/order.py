"""Key order: the order of the schema's ``properties``, at every level of a record.

Nested objects follow their own sub-schemas (through ``$ref``, ``items`` and ``allOf``); keys
the schema does not name (which the validator reports) keep their order after the known ones,
and free-form mappings such as a target's ``counts.where`` keep the author's order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Schema = dict[str, Any]


class SchemaDocs:
    """The JSON documents of ``schema/``, read for their structure (never for validation)."""

    def __init__(self, docs: dict[str, Schema]) -> None:
        self.docs = {name: _absolute_refs(doc, name) for name, doc in docs.items()}

    @classmethod
    def from_dir(cls, folder: Path) -> SchemaDocs:
        return cls({p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))})

    def kinds(self) -> set[str]:
        return {name.removesuffix(".schema.json") for name in self.docs} - {"defs"}

    def for_kind(self, kind: str) -> Schema:
        return self.docs[f"{kind}.schema.json"]

    def resolve(self, schema: Any, depth: int = 0) -> Schema:
        """The schema with its ``$ref`` and ``allOf`` merged in; ``properties`` keep the target's order first."""
        if not isinstance(schema, dict) or depth > 20:
            return {}
        parts = [self.resolve(self._target(schema["$ref"]), depth + 1)] if "$ref" in schema else []
        parts += [self.resolve(sub, depth + 1) for sub in schema.get("allOf", [])]
        merged: Schema = {}
        for part in [*parts, {k: v for k, v in schema.items() if k not in ("$ref", "allOf")}]:
            properties = {**merged.get("properties", {}), **part.get("properties", {})}
            merged.update(part)
            if properties:
                merged["properties"] = properties
        return merged

    def _target(self, ref: str) -> Any:
        name, _, pointer = ref.partition("#")
        node: Any = self.docs.get(name, {})
        for part in filter(None, pointer.split("/")):
            node = node.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(node, dict) else {}
        return node


def _absolute_refs(node: Any, doc: str) -> Any:
    """Every ``$ref`` rewritten as ``<file>#<pointer>``, so a merged schema resolves anywhere."""
    if isinstance(node, list):
        return [_absolute_refs(item, doc) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _absolute_refs(v, doc) for k, v in node.items()}
    ref = node.get("$ref")
    if isinstance(ref, str):
        where, _, pointer = ref.partition("#")
        out["$ref"] = f"{where.rsplit('/', 1)[-1] or doc}#{pointer}"
    return out


def reorder(value: Any, schema: Any, docs: SchemaDocs) -> Any:
    """A copy of ``value`` with every mapping's keys in the order its schema gives."""
    resolved = docs.resolve(schema)
    if isinstance(value, dict):
        properties: Schema = resolved.get("properties", {})
        keys = [k for k in properties if k in value] + [k for k in value if k not in properties]
        extra = resolved.get("additionalProperties")
        return {k: reorder(value[k], properties.get(k, extra if isinstance(extra, dict) else {}), docs) for k in keys}
    if isinstance(value, list):
        items = resolved.get("items", {})
        return [reorder(item, items, docs) for item in value]
    return value
