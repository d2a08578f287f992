"""The Chinese and English labels of enumerated values, read from the schemas.

The schemas name every allowed value with a title ``"中文 / English"`` (``oneOf`` of ``const``
with ``title``); exports show those labels beside the values so that tables read naturally.
"""

from __future__ import annotations

from typing import Any

from stdcat.schema import SchemaSet

Label = tuple[str, str]

# Fields whose schema has no enumeration of its own, and where their values are defined.
# metrology.status takes document stages for specifications and work statuses for the rest.
FALLBACK = {("metrology", "status"): ("document_status", "work_status")}


def split_title(title: str) -> Label:
    """``"标准物质/样品 / Reference material"`` → ``("标准物质/样品", "Reference material")``."""
    zh, _, en = title.partition(" / ")
    return zh.strip(), (en or zh).strip()


def enum_of(definition: dict[str, Any]) -> dict[Any, Label]:
    """The values of an enumeration definition with their labels (empty if it is not one)."""
    options = definition.get("oneOf")
    if not isinstance(options, list):
        return {}
    return {o["const"]: split_title(str(o.get("title", o["const"]))) for o in options if "const" in o}


class Labels:
    """Label lookup by kind, field and value."""

    def __init__(self, schemas: SchemaSet) -> None:
        self.enums: dict[str, dict[Any, Label]] = {
            name: values for name, d in schemas.defs["$defs"].items() if (values := enum_of(d))
        }
        self._fields: dict[tuple[str, str], tuple[str, ...]] = dict(FALLBACK)
        for kind, schema in schemas.schemas.items():
            for name, prop in schema.get("properties", {}).items():
                enum = _enum_name(prop, schemas.defs["$defs"])
                if enum in self.enums:
                    self._fields[(kind, name)] = (enum,)

    def kind(self, kind: str) -> Label:
        """The label of a record kind, e.g. ``("标准", "Standard")``."""
        return self.enums["kind"].get(kind, (kind, kind))

    def enum_names(self, kind: str, field: str) -> tuple[str, ...]:
        """The enumeration definitions a field takes its values from."""
        return self._fields.get((kind, field), ())

    def get(self, kind: str, field: str, value: Any) -> Label | None:
        """The (zh, en) label of one value of a field, or None when it has none."""
        for name in self.enum_names(kind, field):
            label = self.enums[name].get(value)
            if label:
                return label
        return None

    def zh(self, kind: str, field: str, value: Any) -> str:
        label = self.get(kind, field, value)
        return label[0] if label else ("" if value is None else str(value))

    def en(self, kind: str, field: str, value: Any) -> str:
        label = self.get(kind, field, value)
        return label[1] if label else ("" if value is None else str(value))


def _enum_name(prop: dict[str, Any], defs: dict[str, Any]) -> str | None:
    """The definition a property refers to, directly or through its list items (``sectors`` → ``sector``)."""
    for _ in range(3):  # a list definition names its item definition; no deeper chains exist
        ref = prop.get("$ref") or (prop.get("items") or {}).get("$ref")
        if not (isinstance(ref, str) and "#/$defs/" in ref):
            return None
        name = ref.rsplit("/", 1)[1]
        if enum_of(defs.get(name, {})):
            return name
        prop = defs.get(name, {})
    return None
