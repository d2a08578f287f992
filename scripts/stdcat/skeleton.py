"""A new record's file: every required field present, placeholders the validator reports.

Written from the kind's schema, so it never drifts from what the validator wants.
"""

from __future__ import annotations

import json
from typing import Any

PLACEHOLDER = "TODO"
PLAN = "jiangxi-plan-2023"  # most records come from the plan: its id is filled in when the catalog has it
EXTRA = ("summary",)  # not required, but every record should have one


def skeleton(
    kind: str, record_id: str, schema: dict[str, Any], defs: dict[str, Any], document: str | None = PLAN
) -> str:
    """The text of a new record file of ``kind``; ``document`` fills ``source.document`` (else a placeholder)."""
    props: dict[str, Any] = schema["properties"]
    wanted = [name for name in props if name in schema.get("required", []) or name in EXTRA]
    lines = [f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"]
    for name in wanted:
        if name == "id":
            lines.append(f"id: {record_id}")
        elif name == "kind":
            lines.append(f"kind: {kind}")
        else:
            lines.extend(_field(name, _resolve(props[name], defs), defs, "", document))
    return "\n".join(lines) + "\n"


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref", "")
    if "#/$defs/" in ref:
        return {**defs["$defs"][ref.rsplit("/", 1)[1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _field(name: str, prop: dict[str, Any], defs: dict[str, Any], indent: str, document: str | None) -> list[str]:
    comment = _comment(prop)
    if prop.get("type") == "object" and "properties" in prop:
        lines = [f"{indent}{name}:{comment}"]
        for sub in prop["properties"]:
            if sub in prop.get("required", []) or (name == "source" and sub in ("paragraph", "quote")):
                lines.extend(_field(sub, _resolve(prop["properties"][sub], defs), defs, indent + "  ", document))
        return lines
    if prop.get("type") == "array":
        return [f"{indent}{name}:{comment}", f"{indent}  - {PLACEHOLDER}"]
    if name == "document" and document:
        return [f"{indent}{name}: {document}{comment}"]
    return [f"{indent}{name}: {PLACEHOLDER}{comment}"]


def _comment(prop: dict[str, Any]) -> str:
    options = prop.get("oneOf")
    if isinstance(options, list) and all("const" in o for o in options):
        return "  # " + " | ".join(json.dumps(o["const"], ensure_ascii=False).strip('"') for o in options)
    description = prop.get("description", "")
    english = description.splitlines()[-1] if description else ""
    return f"  # {english}" if english else ""
