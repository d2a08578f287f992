"""The glossary's terms explained on hover wherever they occur in a page's text.

Python-Markdown's ``abbr`` extension cannot do this for Chinese: it matches with ``\\b``, and there
is no word boundary between two Han characters, so 碳达峰 is never found in 实现碳达峰目标. Here the
converted page's HTML is scanned once by one compiled pattern that finds tags, comments, entities
and terms together; a term found in text outside the skipped elements (links, headings, code, SVG
…) is wrapped, the first time it occurs on the page, in ``<abbr title="definition">``, which
Material's ``content.tooltips`` shows as a tooltip. Longer terms win over the terms inside them
(碳达峰碳中和 over 碳达峰) because the alternatives are tried longest first.
"""

from __future__ import annotations

import re
from html import escape

from stdcat.catalog import Catalog
from stdcat.site.i18n import pick

# Inside these the text is not prose to explain: a link or heading must stay as written, code and
# drawings are not text, an abbr already explains itself.
SKIP = frozenset(
    {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "pre", "script", "style", "svg"}
    | {"textarea", "th", "title"}
)
_TAG = r"""(?P<tag><!--.*?-->|<(?P<close>/?)(?P<name>[A-Za-z][\w-]*)(?:"[^"]*"|'[^']*'|[^'">])*>)"""
_ENTITY = r"&#?\w+;"
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
        self.terms = re.compile(pattern, re.IGNORECASE) if ordered else None
        self.scan = re.compile(f"{_TAG}|{_ENTITY}|(?P<term>{pattern})", re.IGNORECASE | re.DOTALL)

    def wrap(self, html: str) -> str:
        """The page with the first occurrence of each term in its text wrapped in an ``abbr``."""
        if self.terms is None or not self.terms.search(html):
            return html  # the tag-by-tag scan is skipped on pages without any term
        return _Pass(self).run(html)


class _Pass:
    """The state of one page's scan: how deep inside skipped elements, which terms are done."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.skipping = 0
        self.done: set[str] = set()

    def run(self, html: str) -> str:
        return self.glossary.scan.sub(self.replace, html)

    def replace(self, match: re.Match[str]) -> str:
        text = match.group(0)
        if match.group("tag"):
            self.track(match)
            return text
        if match.group("term") is None or self.skipping:
            return text
        key = text.casefold()
        if key in self.done:
            return text
        self.done.add(key)
        return f'<abbr title="{escape(self.glossary.definitions[key], quote=True)}">{text}</abbr>'

    def track(self, match: re.Match[str]) -> None:
        name = (match.group("name") or "").lower()
        if name not in SKIP or match.group(0).endswith("/>"):
            return
        self.skipping = max(0, self.skipping - 1) if match.group("close") else self.skipping + 1


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
