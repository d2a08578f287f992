"""What readers' search holds: one document per record and per paragraph of the plan, for one language.

A document has names (its title, a department's short and full names, a term's abbreviations, a
number, and the names the synonyms give them) and a body (summary, definition, the plan's sentence,
tags, departments, the title in the other language). Ranking reads the names: a query that is a
name comes first, one inside a name before one that is only in a body (``engine.js``, ``sqlite.py``).

Pages for contributors (the contributing guide, the content guide, the schema reference, the
performance report) and the listing pages are not documents: readers' search leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from stdcat.catalog import Catalog, Record
from stdcat.search.synonyms import Synonyms
from stdcat.site.i18n import Labels, pick
from stdcat.site.links import Linker, page_url

# Ties between equally good matches go to the kind a reader most likely means by a word: a term's
# own entry, a department, an area of the framework, then the documents and the planned items.
KIND_ORDER = ("term", "organization", "framework", "document", "standard", "metrology", "task", "target", "text")
PARAGRAPH = "paragraph"
RANKS = {kind: i for i, kind in enumerate((*KIND_ORDER, PARAGRAPH))}
PLAN_TEXT = {"zh": "方案原文", "en": "Plan text"}


@dataclass(frozen=True)
class Doc:
    """One search document of one language."""

    key: str  # the record id, or the paragraph id
    url: str  # relative to the language's root
    kind: str
    kind_label: str
    title: str
    place: str  # where it stands: its framework path, or its section of the plan
    names: tuple[str, ...]  # the title first
    body: tuple[str, ...]

    @property
    def rank(self) -> int:
        return RANKS[self.kind]


def documents(
    catalog: Catalog, lang: str, labels: Labels, synonyms: Synonyms, *, directory_urls: bool = True
) -> Iterator[Doc]:
    """Every document of ``lang``, records first (in the catalog's kind order), then the plan's paragraphs."""
    linker = Linker(catalog, directory_urls)
    for kind in KIND_ORDER:
        for record in catalog.by_kind(kind):
            target = linker.record(record.id)
            if target is None:
                continue
            url = page_url(target.src_uri, directory_urls) + (f"#{target.fragment}" if target.fragment else "")
            yield _record(catalog, record, lang, labels, synonyms, url)
    for text in catalog.by_kind("text"):
        plan = page_url(linker.paragraph("").src_uri, directory_urls)
        for paragraph in text.get("paragraphs") or []:
            yield _paragraph(paragraph, lang, synonyms, f"{plan}#{paragraph['id']}")


def _record(catalog: Catalog, record: Record, lang: str, labels: Labels, synonyms: Synonyms, url: str) -> Doc:
    get = record.get
    title = record.title(lang)
    names = [title, *_own_names(record, lang)]
    other = "en" if lang == "zh" else "zh"
    body = [
        pick(get("summary"), lang),
        pick(get("definition"), lang),
        (get("source") or {}).get("quote") or "",
        record.title(other),
        pick(get("measure"), lang),
        " ".join(str(t) for t in get("tags") or []),
        " ".join(labels.label("sector", s, lang) for s in get("sectors") or []),
        " ".join(org.title(lang) for org in _organizations(catalog, record)),
    ]
    return _doc(record.id, url, record.kind, labels.label("kind", record.kind, lang), title,
                _place(catalog, record, lang), names, body, synonyms)  # fmt: skip


def _own_names(record: Record, lang: str) -> list[str]:
    """Names besides the title: a department's short and full names, abbreviations, a number."""
    get = record.get
    out = [get("short"), pick(get("name"), lang), *(get("abbreviations") or []), get("number")]
    return [str(n) for n in out if n]


def _organizations(catalog: Catalog, record: Record) -> list[Record]:
    ids = [*(record.get("lead") or []), *(record.get("participants") or [])]
    return [org for org in (catalog.get(i) for i in ids) if org is not None]


def _place(catalog: Catalog, record: Record, lang: str) -> str:
    """The framework path a record stands under (a framework node: the path above it)."""
    node = record.id if record.kind == "framework" else record.get("framework")
    if not isinstance(node, str) or catalog.get(node) is None:
        return ""
    path = catalog.framework_path(node)
    if record.kind == "framework":
        path = path[:-1]
    return " › ".join(n.title(lang) for n in path)


def _paragraph(paragraph: dict[str, Any], lang: str, synonyms: Synonyms, url: str) -> Doc:
    section = str(paragraph.get("section") or "")
    text = str(paragraph.get(lang) or paragraph.get("zh") or "")
    title = f"{PLAN_TEXT[lang]} · {section}" if section else PLAN_TEXT[lang]
    body = [text, str(paragraph.get("zh") or "")] if lang != "zh" else [text]
    return _doc(paragraph["id"], url, PARAGRAPH, PLAN_TEXT[lang], title, section, [], body, synonyms, named=False)


def _doc(
    key: str, url: str, kind: str, kind_label: str, title: str, place: str,
    names: list[str], body: list[str], synonyms: Synonyms, named: bool = True,
) -> Doc:  # fmt: skip
    """A document with the synonyms applied: further names from its names, further words for its body."""
    all_names = list(dict.fromkeys(n for n in names if n.strip()))
    for name in list(all_names):
        all_names.extend(a for a in synonyms.aliases(name) if a not in all_names)
    texts = [t for t in body if t and t.strip()]
    extra = synonyms.related(" ".join(texts))
    if extra:
        texts.append(" ".join(extra))
    return Doc(key, url, kind, kind_label, title, place, tuple(all_names) if named else (), tuple(texts))
