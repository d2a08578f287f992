"""A source that cites a document with a text names the paragraph and quotes it word for word.

Passes: ``source: {document: jiangxi-plan-2023, paragraph: p-box1-pv, quote: 开展高效光伏组件…研究。}``
where the quote occurs in that paragraph's repaired text.
Fails: a quote that is not in the paragraph (quote, with where it stops matching); a source of the
plan without paragraph or quote, or a paragraph of another document's text (citation).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem

SOURCE_TEXTS = ("document", "paragraph", "quote")


def check(ctx: Context) -> Iterator[Problem]:
    texts = {t.get("document"): t for t in ctx.catalog.by_kind("text")}
    for record in ctx.everything:  # a record that failed its schema still gets its quote checked
        source = record.get("source")
        if isinstance(source, dict) and all(isinstance(source.get(f), str | None) for f in SOURCE_TEXTS):
            yield from _source(ctx, record, source, texts)


def _source(ctx: Context, record: Record, source: dict, texts: dict) -> Iterator[Problem]:
    document, pid, quote = source.get("document"), source.get("paragraph"), source.get("quote")
    if document in texts and not (pid and quote):
        missing = " and ".join(f for f, v in (("paragraph", pid), ("quote", quote)) if not v)
        yield problem(
            record,
            ("source",),
            "citation",
            f"the source cites '{document}', which has a text, but gives no {missing}",
            "name the paragraph id and copy the sentence from it",
        )
        return
    if quote and not pid:
        yield problem(
            record,
            ("source", "quote"),
            "citation",
            "a quote without a paragraph cannot be checked",
            "add source.paragraph",
        )
        return
    paragraph = ctx.catalog.paragraphs.get(pid) if pid else None
    if paragraph is None:
        return  # an unknown paragraph is reported by the references rule
    if paragraph.text.get("document") != document:
        yield problem(
            record,
            ("source", "paragraph"),
            "citation",
            f"paragraph '{pid}' belongs to the text of '{paragraph.text.get('document')}', not of '{document}'",
        )
    elif quote and quote not in paragraph.zh:
        yield problem(
            record,
            ("source", "quote"),
            "quote",
            f"the quote is not in paragraph '{pid}' ({paragraph.section})",
            _mismatch(quote, paragraph.zh),
        )


def _mismatch(quote: str, text: str) -> str:
    """Say where the quote stops matching the paragraph, which is usually the typo."""
    low, high = 0, len(quote)
    while low < high:
        mid = (low + high + 1) // 2
        if quote[:mid] in text:
            low = mid
        else:
            high = mid - 1
    if low == 0:
        return "no part of its start occurs in the paragraph: copy the sentence from the paragraph's zh"
    return f"it matches up to '{quote[max(0, low - 12) : low]}' and then differs at '{quote[low : low + 12]}'"
