"""Safe Markdown from record text: escaping, headings with fixed ids, front matter.

Record text is data, never markup: every character that Markdown or HTML would read as syntax is
escaped (``pymdownx.escapeall`` makes a backslash escape any character, so ``\\<`` is text). Front
matter is written by a YAML dumper, never by string formatting.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~=^:&\"'$%@])")


def esc(text: str) -> str:
    """Record text as literal Markdown inline text: one line, every syntax character escaped."""
    one_line = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", one_line)


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading of escaped text, with a fixed id when ``anchor`` is given."""
    attrs = f" {{ #{anchor} }}" if anchor else ""
    return f"{'#' * level} {esc(text)}{attrs}\n"


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML front matter block."""
    if not meta:
        return ""
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{body}---\n\n"


def slug(text: str) -> str:
    """A Unicode slug for ids: lowercase letters and digits (Chinese kept), others become '-'."""
    norm = unicodedata.normalize("NFKC", str(text)).lower()
    out = "".join(ch if ch.isalnum() else "-" for ch in norm)
    return re.sub(r"-+", "-", out).strip("-") or "x"


class Slugs:
    """Unique slugs within one page: a repeat gets ``-2``, ``-3`` …"""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}
        self._used: set[str] = set()

    def __call__(self, text: str, prefix: str = "") -> str:
        key = prefix + text
        if key in self._seen:
            return self._seen[key]
        base = prefix + slug(text)
        candidate, n = base, 2
        while candidate in self._used:
            candidate, n = f"{base}-{n}", n + 1
        self._seen[key] = candidate
        self._used.add(candidate)
        return candidate
