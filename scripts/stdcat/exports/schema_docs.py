"""The JSON Schemas published at their ``$id`` URLs, and a reference page for each kind.

``write`` copies every ``schema/*.schema.json`` byte for byte to the path its ``$id`` names under
the site root, so that editors and validators that fetch a ``$id`` get exactly the file CI uses.
``reference(ctx, kind)`` describes one kind for people: every field (nested ones as
``source.document`` and ``history[].status``), its type, whether it is required, its description
in Chinese and English (the schemas write them ``"中文\\nEnglish"``), and the allowed values with
their labels. ``markdown(doc)`` renders that as a Markdown page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from stdcat.exports.common import write_bytes
from stdcat.exports.context import Context
from stdcat.exports.labels import FALLBACK, split_title

# Shared definitions that read best under a name of their own rather than as their structure.
NAMED_TYPES: dict[str, tuple[str, str]] = {
    "id": ("标识", "id"),
    "ref": ("记录引用（id）", "reference (an id)"),
    "refs": ("记录引用列表", "list of references (ids)"),
    "string": ("文本", "text"),
    "bilingual": ("中英文文本", "text in Chinese and English"),
    "bilingual_zh": ("中文文本（英文可选）", "text in Chinese (English optional)"),
    "date": ("日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    "partial_date": ("日期 YYYY[-MM[-DD]]", "date YYYY[-MM[-DD]]"),
    "url": ("网址", "URL"),
    "tags": ("关键词列表", "list of keywords"),
}
SCALARS = {
    "string": ("文本", "text"),
    "integer": ("整数", "integer"),
    "number": ("数", "number"),
    "boolean": ("true/false", "true/false"),
    "null": ("null", "null"),
    "object": ("映射", "mapping"),
    "array": ("列表", "list"),
}


@dataclass(frozen=True)
class FieldDoc:
    path: str
    type: tuple[str, str]
    required: bool
    description: tuple[str, str]
    values: str | None = None  # the anchor of its allowed values, if it has a list of them


@dataclass(frozen=True)
class ValuesDoc:
    anchor: str
    path: str
    description: tuple[str, str]
    values: list[tuple[str, str, str, str, str]]  # value, zh label, en label, zh description, en description


@dataclass
class KindDoc:
    kind: str
    title: tuple[str, str]
    description: tuple[str, str]
    url: str
    fields: list[FieldDoc] = field(default_factory=list)
    values: list[ValuesDoc] = field(default_factory=list)


def bilingual(text: Any) -> tuple[str, str]:
    """``"中文\\nEnglish"`` → ``("中文", "English")``."""
    zh, _, en = str(text or "").partition("\n")
    return zh.strip(), en.strip()


def def_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[1] if isinstance(ref, str) and "#/$defs/" in ref else None


def resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` merged in; the node's own keywords win, properties merge one by one."""
    name = def_name(node)
    if name is None:
        return node
    base = resolve(defs[name], defs)
    merged = {**base, **{k: v for k, v in node.items() if k != "$ref"}}
    if "properties" in base and "properties" in node:
        names = {**base["properties"], **node["properties"]}
        merged["properties"] = {n: {**base["properties"].get(n, {}), **node["properties"].get(n, {})} for n in names}
    return merged


def reference(ctx: Context, kind: str) -> KindDoc:
    """Everything the reference page of one kind says."""
    schema = ctx.schemas.schemas[kind]
    doc = KindDoc(kind, split_title(schema.get("title", kind)), bilingual(schema.get("description")), schema["$id"])
    defs = ctx.schemas.defs["$defs"]
    _walk(doc, schema, "", defs)
    _fallback_values(doc, defs)
    return doc


def _fallback_values(doc: KindDoc, defs: dict[str, Any]) -> None:
    """A plain-text field whose values come from several enumerations (metrology ``status``)."""
    for i, f in enumerate(doc.fields):
        names = FALLBACK.get((doc.kind, f.path))
        if not names or f.values:
            continue
        options = {o[0]: o for name in names for o in _options(defs[name])}
        anchor = "values-" + f.path
        doc.values.append(ValuesDoc(anchor, f.path, f.description, list(options.values())))
        doc.fields[i] = replace(f, values=anchor)


def _walk(doc: KindDoc, schema: dict[str, Any], prefix: str, defs: dict[str, Any]) -> None:
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        path = prefix + name
        resolved = resolve(prop, defs)
        anchor = _values(doc, path, prop, resolved, defs)
        described = bilingual(prop.get("description") or resolved.get("description"))
        doc.fields.append(FieldDoc(path, _type(prop, resolved, defs), name in required, described, anchor))
        if def_name(prop) in NAMED_TYPES and def_name(prop) not in ("tags",):
            continue
        items = resolve(resolved.get("items", {}), defs) if resolved.get("type") == "array" else None
        if resolved.get("properties"):
            _walk(doc, resolved, path + ".", defs)
        elif items and items.get("properties"):
            _walk(doc, items, path + "[].", defs)


def _type(prop: dict[str, Any], resolved: dict[str, Any], defs: dict[str, Any]) -> tuple[str, str]:
    name = def_name(prop)
    if name in NAMED_TYPES:
        return NAMED_TYPES[name]
    if "const" in resolved:
        return f"固定为 {resolved['const']}", f"always {resolved['const']}"
    if _options(resolved):
        return "取值之一（见下）", "one of the values below"
    kind = resolved.get("type")
    if kind == "array":
        item = resolve(resolved.get("items", {}), defs)
        zh, en = _type(resolved.get("items", {}), item, defs)
        return f"{zh}的列表", f"list of: {en}"
    if kind == "object" and "additionalProperties" in resolved and not resolved.get("properties"):
        return "映射：字段 → 取值列表", "mapping: field → list of values"
    kinds = kind if isinstance(kind, list) else [kind or "object"]
    zh = " 或 ".join(SCALARS.get(k, (k, k))[0] for k in kinds)
    en = " or ".join(SCALARS.get(k, (k, k))[1] for k in kinds)
    if "pattern" in resolved and name is None:
        return f"{zh}，形如 {resolved['pattern']}", f"{en} matching {resolved['pattern']}"
    return zh, en


def _options(resolved: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """The allowed values of an enumeration node: ``oneOf`` of ``const`` (labelled) or ``enum``."""
    out = []
    for option in resolved.get("oneOf") or []:
        if isinstance(option, dict) and "const" in option:
            zh, en = split_title(str(option.get("title", option["const"])))
            dzh, den = bilingual(option.get("description"))
            out.append((str(option["const"]), zh, en, dzh, den))
    for value in resolved.get("enum") or []:
        out.append((str(value), "", "", "", ""))
    return out


def _values(
    doc: KindDoc, path: str, prop: dict[str, Any], resolved: dict[str, Any], defs: dict[str, Any]
) -> str | None:
    """Record the allowed values of a field (or of its list items); return their anchor."""
    node = resolved
    if resolved.get("type") == "array" and not _options(resolved):
        node = resolve(resolved.get("items", {}), defs)
    options = _options(node)
    if not options:
        return None
    anchor = "values-" + path.replace(".", "-").replace("[]", "")
    description = bilingual(prop.get("description") or node.get("description"))
    doc.values.append(ValuesDoc(anchor, path, description, options))
    return anchor


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", "<br>")


def _pair(zh: str, en: str) -> str:
    return cell(zh) + ("<br>" + cell(en) if en and en != zh else "")


def markdown(doc: KindDoc) -> str:
    """The reference page of one kind as Markdown."""
    file = doc.url.rsplit("/", 1)[1]
    lines = [f"# {doc.title[0]} / {doc.title[1]}", "", doc.description[0], "", doc.description[1], ""]
    lines += [f"JSON Schema: [`{file}`]({doc.url})", "", "## 字段 / Fields", ""]
    lines += ["| 字段<br>Field | 类型<br>Type | 必填<br>Required | 说明<br>Description |", "| --- | --- | --- | --- |"]
    for f in doc.fields:
        kind = _pair(*f.type)
        if f.values:
            kind = f"[{cell(f.type[0])}](#{f.values})<br>[{cell(f.type[1])}](#{f.values})"
        required = "是<br>yes" if f.required else "否<br>no"
        lines.append(f"| `{f.path}` | {kind} | {required} | {_pair(*f.description)} |")
    if doc.values:
        lines += ["", "## 取值 / Allowed values"]
    for values in doc.values:
        lines += ["", f'<a id="{values.anchor}"></a>', "", f"### `{values.path}`", ""]
        lines += [_pair(*values.description), ""]
        lines += ["| 取值<br>Value | 中文 | English | 说明<br>Description |", "| --- | --- | --- | --- |"]
        for value, zh, en, dzh, den in values.values:
            lines.append(f"| `{cell(value)}` | {cell(zh)} | {cell(en)} | {_pair(dzh, den)} |")
    return "\n".join(lines) + "\n"


def published_path(ctx: Context, schema_file: Path) -> str:
    """Where a schema file is published under the site root (as under the root its ``$id`` names)."""
    return f"schema/{schema_file.name}"


_ID = re.compile(rb'("\$id"\s*:\s*")[^"]*(")')


def write(ctx: Context, out: Path) -> list[Path]:
    """Copy every schema to its published path, its ``$id`` naming that path under the site's URL.

    The schemas' ``$id`` in the repository name the project's own site; a copy served elsewhere (a
    preview, ``mkdocs serve``, an intranet) names where it is served, so that a validator fetching
    ``defs.schema.json`` from a ``$ref`` finds it there. Nothing else in the file changes.
    """
    written = []
    for path in sorted(ctx.schema_dir.glob("*.schema.json")):
        published = published_path(ctx, path)
        url = (ctx.site_url + published).encode("utf-8")
        data = _ID.sub(lambda m, url=url: m.group(1) + url + m.group(2), path.read_bytes(), count=1)
        written.append(write_bytes(out / published, data))
    return written
