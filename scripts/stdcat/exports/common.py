"""Small helpers the exports share: names of organizations, years, sort keys, file writing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from stdcat.catalog import Catalog, Record

YEAR_IN_NUMBER = re.compile(r"[-—](\d{4})$")


def org_names(catalog: Catalog, ids: Any, style: str = "short") -> list[str]:
    """Names of the organizations ``ids`` names: ``short`` as in the plan, or ``zh``/``en`` full names."""
    out: list[str] = []
    for org_id in ids if isinstance(ids, list) else []:
        org = catalog.get(org_id)
        if org is None:
            out.append(str(org_id))
        elif style == "short":
            out.append(str(org.get("short") or org.title("zh")))
        else:
            out.append(str((org.get("name") or {}).get(style) or org.title(style)))
    return out


def record_year(record: Record) -> str | None:
    """The year a numbered record was published: from its dates, else from its number."""
    published = (record.get("dates") or {}).get("published")
    if isinstance(published, str):
        return published[:4]
    match = YEAR_IN_NUMBER.search(str(record.get("number") or ""))
    return match.group(1) if match else None


def code_key(code: Any) -> tuple[int, ...]:
    """``"1.10.2"`` → ``(1, 10, 2)`` so that 1.10 sorts after 1.9; no code sorts last."""
    if not isinstance(code, str) or not code:
        return (10**9,)
    return tuple(int(part) for part in code.split("."))


def plan_position(catalog: Catalog, record: Record) -> tuple[int, int, int]:
    """Where the record's quote stands in the plan: text, paragraph, offset (unknown sorts last)."""
    source = record.get("source") or {}
    paragraph = catalog.paragraphs.get(str(source.get("paragraph", "")))
    if paragraph is None:
        return (10**9, 10**9, 10**9)
    texts = [t.id for t in catalog.by_kind("text")]
    offset = paragraph.zh.find(str(source.get("quote", "")))
    return (texts.index(paragraph.text.id), paragraph.index, offset if offset >= 0 else 10**9)


def dumps(value: Any) -> str:
    """JSON as published: UTF-8 text (not \\u escapes), two-space indent, a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def compact(value: Any) -> str:
    """JSON on one line, for a value inside a table cell."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
