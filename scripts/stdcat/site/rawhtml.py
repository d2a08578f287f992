"""Generated HTML goes around Markdown: set aside before the conversion, put back after it.

The fragments of a generated page (``render.py``) are finished HTML; Markdown would only parse
them to pass them through unchanged, and that parsing (Python-Markdown's raw-HTML block scanner)
was most of the build's time at scale. Each fragment is marked by ``OPEN``/``CLOSE`` comments; the
plugin swaps every outermost marked region for a one-line placeholder before Markdown runs
(``stash``) and the placeholders for the HTML after it (``unstash``). Markdown never sees record
text, so escaping stays the templates' job (they autoescape).
"""

from __future__ import annotations

import re

OPEN = "<!-- stdcat-html -->"
CLOSE = "<!-- /stdcat-html -->"
_MARK = re.compile(re.escape(OPEN) + "|" + re.escape(CLOSE))
_PLACEHOLDER = re.compile(r"<!-- stdcat-html-(\d+) -->")


def wrap(html: str) -> str:
    """A fragment as a block of its own, marked to go around Markdown."""
    return f"\n{OPEN}\n{html}\n{CLOSE}\n\n"


def stash(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each outermost marked region replaced by a placeholder, and the regions."""
    parts: list[str] = []
    kept: list[str] = []
    depth, start, last = 0, 0, 0
    for match in _MARK.finditer(markdown):
        if match.group() == OPEN:
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                parts.append(markdown[last:start])
                parts.append(f"\n<!-- stdcat-html-{len(kept)} -->\n")
                kept.append(markdown[start + len(OPEN) : match.start()])
                last = match.end()
    parts.append(markdown[last:])
    return "".join(parts), kept


def unstash(html: str, kept: list[str]) -> str:
    """The converted page with every placeholder replaced by its HTML."""
    if not kept:
        return html
    return _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], html)
