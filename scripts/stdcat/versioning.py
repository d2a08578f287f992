"""The version of the record schemas, read from the one place it is written: ``schema/CHANGELOG.md``.

The changelog follows Keep a Changelog; the heading of its newest release (``## [2.0.0] - …``)
is the version. Versions follow SemVer: a MAJOR release may make valid records invalid and
ships with a migration (``stdcat.migrations``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CHANGELOG = "CHANGELOG.md"
_RELEASE = re.compile(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)

Version = tuple[int, int, int]


@dataclass(frozen=True)
class Release:
    """One released version of the schemas and the text of its changelog entry."""

    version: Version
    date: str
    text: str

    @property
    def name(self) -> str:
        return show(self.version)


def show(version: Version) -> str:
    return ".".join(str(n) for n in version)


def parse(text: str) -> Version:
    """``'2.0.0'`` as ``(2, 0, 0)``; raises ValueError on anything else."""
    parts = text.strip().removeprefix("v").split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"'{text}' is not a version like 1.2.0")
    return int(parts[0]), int(parts[1]), int(parts[2])


def releases(schema_dir: Path) -> list[Release]:
    """Every release in the changelog, newest first."""
    text = (schema_dir / CHANGELOG).read_text(encoding="utf-8")
    matches = list(_RELEASE.finditer(text))
    found = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        version = (int(match[1]), int(match[2]), int(match[3]))
        found.append(Release(version, match[4], text[match.end() : end]))
    return found


def current(schema_dir: Path) -> Version:
    """The version of the schemas: the newest release of the changelog."""
    found = releases(schema_dir)
    if not found:
        raise ValueError(f"{CHANGELOG} has no release heading like '## [1.0.0] - 2026-01-31'")
    return found[0].version
