"""Generated blocks that written pages place with a directive: ``<!-- stdcat:NAME -->``.

The home page's prose is written by people (``docs/index.md``); the diagram, the counts and the
targets' progress are computed. A directive on its own line is replaced by its block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from stdcat.derive import tally
from stdcat.site.links import LISTS, Target
from stdcat.site.pages.base import DOCUMENT_KINDS, Context
from stdcat.site.pages.framework import diagram
from stdcat.site.pages.lists import targets

DIRECTIVE = re.compile(r"^<!--\s*stdcat:([a-z-]+)\s*-->\s*$", re.MULTILINE)
COUNTED_KINDS = ("standard", "metrology", "task", "target", "framework", "organization", "term", "document")


def counts(ctx: Context, here: str) -> str:
    """Records by kind, and standards and metrology items by level and by status."""
    numbers = tally(ctx.catalog)
    kinds = []
    for kind in COUNTED_KINDS:
        page = LISTS.get(kind) or "framework/index.md"
        kinds.append(
            {
                "label": ctx.label("kind", kind),
                "count": numbers["kind"].get(kind, 0),
                "href": ctx.linker.url(here, Target(page)),
            }
        )
    levels = [
        {
            "label": ctx.label("level", level),
            "counts": [numbers["level"].get(f"{k}:{level}", 0) for k in DOCUMENT_KINDS],
        }
        for level in ctx.labels.values("level")
    ]
    statuses = [
        {"label": ctx.label("status", s), "counts": [numbers["status"].get(f"{k}:{s}", 0) for k in DOCUMENT_KINDS]}
        for s in ctx.labels.values("status")
    ]
    return ctx.render(
        "counts.html",
        kinds=kinds,
        columns=[ctx.label("kind", k) for k in DOCUMENT_KINDS],
        levels=[row for row in levels if any(row["counts"])],
        statuses=[row for row in statuses if any(row["counts"])],
        statistics=ctx.linker.url(here, Target("statistics/index.md")),
    )


BLOCKS: dict[str, Callable[[Context, str], str]] = {
    "diagram": lambda ctx, here: str(diagram(ctx, here)),
    "counts": counts,
    "targets": lambda ctx, here: ctx.render("targets.html", targets=targets(ctx, here)),
}


def expand(ctx: Context, here: str, markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with every directive replaced, and the names of unknown directives."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        block = BLOCKS.get(match.group(1))
        if block is None:
            unknown.append(match.group(1))
            return match.group(0)
        return block(ctx, here)

    return DIRECTIVE.sub(replace, markdown), unknown


def has_directives(file: Any) -> bool:
    """Whether a written page (a MkDocs ``File``) holds a generated block, so changes with the catalog."""
    try:
        return DIRECTIVE.search(file.content_string) is not None
    except (OSError, UnicodeDecodeError):  # MkDocs itself reports an unreadable page
        return False
