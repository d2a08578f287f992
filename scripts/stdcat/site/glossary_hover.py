"""The glossary's terms explained on hover wherever they occur in a page's text.

Python-Markdown's ``abbr`` extension cannot do this for Chinese: it matches with ``\\b``, and there
is no word boundary between two Han characters, so 碳达峰 is never found in 实现碳达峰目标. Here the
converted page's HTML is searched for the terms by one compiled pattern, and the tags of the skipped
elements (links, headings, code, SVG …) are read once; a term found in text outside tags, comments
and the skipped elements is wrapped, the first time it occurs on the page, in
``<abbr title="definition">``, which Material's ``content.tooltips`` shows as a tooltip. Longer
terms win over the terms inside them (碳达峰碳中和 over 碳达峰): the alternatives are tried longest
first.
"""

from __future__ import annotations

import bisect
import re
from html import escape

from stdcat.catalog import Catalog
from stdcat.site.i18n import pick

# Inside these the text is not prose to explain: a link or heading must stay as written, code and
# drawings are not text, an abbr already explains itself.
SKIP = frozenset(
    {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "pre", "script", "style", "svg"}
    | {"template", "textarea", "th", "title"}
)
_SKIP_NAMES = "|".join(sorted(SKIP))
_SKIP_TAG = re.compile(rf"""<(?P<close>/?)(?:{_SKIP_NAMES})(?=[\s/>])(?:"[^"]*"|'[^']*'|[^'">])*>""", re.IGNORECASE)
_ASCII = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]$")  # "Carbon capture … (CCUS)": the gloss is not in the text


def _alternative(term: str) -> str:
    """The term as a pattern; a term that starts or ends with a Latin letter or digit must not
    start or end inside a word (CCUS is not in CCUSX), while Han text has no such boundary."""
    head = r"(?<![A-Za-z0-9])" if _ASCII.match(term[0]) else ""
    tail = r"(?![A-Za-z0-9])" if _ASCII.match(term[-1]) else ""
    return head + re.escape(term) + tail


class Glossary:
    """The terms of one language and their definitions, compiled once for every page."""

    def __init__(self, definitions: dict[str, str]) -> None:
        kept = {term: text for term, text in definitions.items() if term.strip() and text}
        self.definitions = {term.casefold(): text for term, text in kept.items()}
        ordered = sorted(kept, key=lambda t: (-len(t), t))
        pattern = "|".join(_alternative(t) for t in ordered)
        # A look at the next character first: without it every alternative is tried at every place
        # of the page (the lookbehinds keep the regex engine from seeing the terms' first letters).
        heads = "".join(sorted({re.escape(c) for t in ordered for c in {t[0].lower(), t[0].upper()}}))
        self.terms = re.compile(f"(?=[{heads}])(?:{pattern})", re.IGNORECASE) if ordered else None

    def wrap(self, html: str) -> str:
        """The page with the first occurrence of each term in its text wrapped in an ``abbr``."""
        if self.terms is None:
            return html
        first: dict[str, re.Match[str]] = {}
        where: _Where | None = None
        for match in self.terms.finditer(html):
            key = match.group(0).casefold()
            if key in first:
                continue
            where = where or _Where(html)  # made only for a page that holds a term
            if where.in_text(match.start()):
                first[key] = match
        parts, at = [], 0
        for match in sorted(first.values(), key=lambda m: m.start()):
            title = escape(self.definitions[match.group(0).casefold()], quote=True)
            parts += [html[at : match.start()], f'<abbr title="{title}">{match.group(0)}</abbr>']
            at = match.end()
        return "".join([*parts, html[at:]])


class _Where:
    """Whether a place in a page is prose: outside every tag and comment, and outside the skipped
    elements. Only the skipped elements' tags are read, once, so a page of many tags costs little."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.ends: list[int] = []  # where each skipped element's tag ends …
        self.depths: list[int] = []  # … and how deep inside skipped elements the text after it is
        depth = 0
        for tag in _SKIP_TAG.finditer(html):
            if tag.group(0).endswith("/>"):
                continue
            depth = max(0, depth - 1) if tag.group("close") else depth + 1
            self.ends.append(tag.end())
            self.depths.append(depth)

    def in_text(self, at: int) -> bool:
        i = bisect.bisect_right(self.ends, at) - 1
        if i >= 0 and self.depths[i]:
            return False
        return self.html.rfind("<", 0, at) <= self.html.rfind(">", 0, at)


def terms(catalog: Catalog, lang: str) -> dict[str, str]:
    """Each term's spellings in ``lang`` → its definition in ``lang``.

    A spelling is the title (without a bracketed gloss) and, on either site, the other spellings
    the record lists (``abbreviations``), except Chinese ones on the English site.
    """
    out: dict[str, str] = {}
    for term in catalog.by_kind("term"):
        definition = pick(term.get("definition"), lang).strip()
        spellings = [_GLOSS.sub("", term.title(lang)).strip()]
        spellings += [str(a) for a in term.get("abbreviations") or [] if lang == "zh" or not _HAN.search(str(a))]
        for spelling in spellings:
            if spelling and definition:
                out.setdefault(spelling, definition)
    return out
