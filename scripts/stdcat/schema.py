"""The record schemas: loaded and compiled once, their errors turned into positioned problems.

A fast validator (jsonschema-rs) answers "is this record valid?"; only for the records it
rejects does the reference implementation (jsonschema) list every error with its path, from
which we write our own message per keyword.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs

from stdcat.catalog import KINDS
from stdcat.load import Loaded
from stdcat.problem import Problem
from stdcat.suggest import close_matches

BASE = "https://jx-dual-carbon.github.io/catalog/schema/"


@dataclass
class SchemaSet:
    """Every kind's schema, compiled once (the detailed validators only when first needed)."""

    schemas: dict[str, dict[str, Any]]
    defs: dict[str, Any]
    _fast: dict[str, Any]
    _full: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dir(cls, folder: Path) -> SchemaSet:
        """Load ``<kind>.schema.json`` and ``defs.schema.json`` from ``folder``."""
        documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))}
        registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in documents.values()])
        schemas = {kind: documents[f"{kind}.schema.json"] for kind in KINDS}
        fast = {
            kind: jsonschema_rs.Draft202012Validator(schema, registry=registry, validate_formats=True)
            for kind, schema in schemas.items()
        }
        return cls(schemas, documents["defs.schema.json"], fast)

    def problems(self, kind: str, loaded: Loaded) -> list[Problem]:
        """Every schema problem of one record, positioned in its file."""
        data = loaded.data
        if self._fast[kind].is_valid(data):
            return []
        problems: list[Problem] = []
        for error in self._detailed(kind).iter_errors(data):
            problems.extend(_explain(error, loaded))
        return problems

    def _detailed(self, kind: str) -> Any:
        """The reference validator, whose errors carry the paths and keywords our messages need."""
        if not self._full:
            import jsonschema
            from referencing import Registry, Resource

            documents = [*self.schemas.values(), self.defs]
            registry: Registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in documents)
            checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
            for name, schema in self.schemas.items():
                self._full[name] = jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)
        return self._full[kind]


def _explain(error: Any, loaded: Loaded) -> list[Problem]:
    """One jsonschema error as one or more problems, with our own wording."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    where = path[-1] if path else "the record"
    line, col = loaded.where(path)

    def positioned(code: str, message: str, hint: str | None = None, at: tuple[int, int] | None = None) -> Problem:
        ln, cl = at or (line, col)
        return Problem(loaded.path, ln, cl, code, message, hint)

    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in error.schema.get("properties", {})]
        return [
            positioned(
                "unknown-field",
                f"unknown field '{key}'",
                _did_you_mean(key, allowed, "fields"),
                loaded.where((*path, key), key=True),
            )
            for key in extras
        ]
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        where_text = f"in '{where}'" if path else "in the record"
        return [
            positioned(
                "missing-field", f"missing required field '{missing}' {where_text}", _field_hint(error.schema, missing)
            )
        ]
    if keyword == "type":
        return [
            positioned(
                "type",
                f"'{where}' must be {_type_name(error.validator_value)}, not {_describe(error.instance)}",
                _type_hint(error),
            )
        ]
    if keyword in ("enum", "const") or _is_const_choice(error):
        allowed_values = _choices(error)
        shown = ", ".join(str(v) for v in allowed_values)
        close = close_matches(str(error.instance), [str(v) for v in allowed_values], n=1)
        return [
            positioned(
                "enum",
                f"'{where}' is {error.instance!r}, not one of: {shown}",
                f"did you mean '{close[0]}'?" if close else None,
            )
        ]
    if keyword == "pattern":
        return [
            positioned(
                "pattern",
                f"'{where}' is {error.instance!r}, which does not have the required form",
                _english(error.schema),
            )
        ]
    if keyword == "format":
        return [
            positioned(
                "format",
                f"'{where}' is {error.instance!r}, not a valid {error.validator_value}",
                "a real date, written YYYY-MM-DD",
            )
        ]
    if keyword == "uniqueItems":
        return [positioned("schema", f"'{where}' lists a value more than once", "remove the repeats")]
    if keyword == "minLength":
        return [positioned("schema", f"'{where}' is empty", "write the text or remove the field")]
    return [positioned("schema", f"'{where}': {error.message}", _english(error.schema))]


def _is_const_choice(error: Any) -> bool:
    options = error.validator_value if error.validator == "oneOf" else None
    return isinstance(options, list) and bool(options) and all(isinstance(o, dict) and "const" in o for o in options)


def _choices(error: Any) -> list[Any]:
    if error.validator == "oneOf":
        return [o["const"] for o in error.validator_value]
    if error.validator == "const":
        return [error.validator_value]
    return list(error.validator_value)


def _did_you_mean(value: str, allowed: list[str], what: str) -> str:
    close = close_matches(value, allowed, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"allowed {what}: {', '.join(allowed)}"


def _english(schema: Any) -> str | None:
    """The English line of a schema's bilingual description, as a hint."""
    if isinstance(schema, dict) and isinstance(schema.get("description"), str):
        lines = schema["description"].splitlines()
        return lines[-1] if len(lines) > 1 else lines[0]
    return None


def _field_hint(schema: Any, field: str) -> str | None:
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    return _english(props.get(field))


def _type_name(expected: Any) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "object": "a mapping",
        "array": "a list",
        "null": "null",
    }
    if isinstance(expected, list):
        return " or ".join(names.get(e, e) for e in expected)
    return names.get(expected, str(expected))


def _describe(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {value!r}"


def _type_hint(error: Any) -> str | None:
    expected, value = error.validator_value, error.instance
    if expected == "string" and isinstance(value, (int, float, bool)):
        return "put the value in quotes"
    if expected == "boolean" and isinstance(value, str) and value.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return "write true or false (YAML 1.2: yes/no/on/off are text)"
    if value is None:
        return "an empty value reads as null: fill it in or remove the field"
    return None
