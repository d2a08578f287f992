"""2.0.0 · text-restored: a paragraph without a seed says how it was restored.

Before 2.0.0 a paragraph of a document's text with no ``seed`` was taken, silently, as text
restored from elsewhere. Since 2.0.0 it must say so in ``restored: {certainty, note}``.
Unchanged: a paragraph with a ``seed`` or with ``restored``. Migrated: a paragraph with
neither gets ``restored: {certainty: unknown, note: TODO}``: the migration cannot know how the
text was restored, so it claims no certainty, and the validator reports the ``TODO`` until the
author writes the note (and sets the certainty). A placeholder in ``certainty`` would break
the schema and hide the whole text, and with it every citation of its paragraphs.
"""

from __future__ import annotations

from typing import Any

from stdcat.migrations.base import Change

NAME = "text-restored"
VERSION = "2.0.0"
PLACEHOLDER = "TODO"


def migrate(record: dict[str, Any], kind: str) -> list[Change]:
    """Add ``restored`` placeholders to the paragraphs that have neither a seed nor ``restored``."""
    if kind != "text" or not isinstance(record.get("paragraphs"), list):
        return []
    changes = []
    for i, paragraph in enumerate(record["paragraphs"]):
        if isinstance(paragraph, dict) and "seed" not in paragraph and "restored" not in paragraph:
            paragraph["restored"] = {"certainty": "unknown", "note": PLACEHOLDER}
            name = paragraph.get("id", f"#{i + 1}")
            changes.append(
                Change(
                    ("paragraphs", i),
                    f"paragraph '{name}' has no seed: added 'restored', say how it was restored and how sure that is",
                )
            )
    return changes
