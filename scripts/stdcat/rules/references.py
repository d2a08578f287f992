"""Every reference names an existing record of the right kind, or an existing paragraph.

Passes: ``lead: [sheng-shichang-jianguan-ju]`` where that organization exists.
Fails: ``lead: [sheng-nyj]`` (broken-ref, with the closest ids as a hint), ``framework:
sheng-nengyuan-ju`` (ref-kind: an organization is not a framework node), ``related: [itself]``
(self-ref), ``source: {paragraph: p-9-9}`` when no text has that paragraph (broken-ref).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from stdcat.catalog import COMMON_REFERENCES, REFERENCES, Record, references
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem


def check(ctx: Context) -> Iterator[Problem]:
    known = {r.id: r.kind for r in ctx.everything}
    by_kind: dict[str, list[str]] = {}
    for rid, kind in known.items():
        by_kind.setdefault(kind, []).append(rid)
    for record in ctx.catalog.records.values():
        yield from _links(record, ctx, known, by_kind)
        yield from _paragraph(record, ctx)
        yield from _selector_ids(record, known)


def _links(record: Record, ctx: Context, known: dict[str, str], by_kind: dict[str, list[str]]) -> Iterator[Problem]:
    allowed_by_field = {**COMMON_REFERENCES, **REFERENCES.get(record.kind, {}), "source.document": ("document",)}
    for link in references(record):
        allowed = allowed_by_field.get(link.field)
        if link.target == record.id:
            yield problem(record, link.path, "self-ref", f"'{link.field}' names the record itself")
        elif link.target in ctx.unknown_kind_ids:
            continue  # the target's file is already reported
        elif link.target not in known:
            what = " or ".join(allowed) if allowed else "record"
            pool = [i for k in (allowed or sorted(set(known.values()))) for i in by_kind.get(k, [])]
            close = difflib.get_close_matches(link.target, pool, n=3, cutoff=0.5)
            hint = "close: " + ", ".join(f"'{c}'" for c in close) if close else None
            yield problem(record, link.path, "broken-ref", f"no {what} '{link.target}'", hint)
        elif allowed and known[link.target] not in allowed:
            yield problem(
                record,
                link.path,
                "ref-kind",
                f"'{link.target}' is {_a(known[link.target])}, but '{link.field}' takes {_a(' or '.join(allowed))}",
            )


def _paragraph(record: Record, ctx: Context) -> Iterator[Problem]:
    source = record.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("paragraph"), str):
        return
    pid = source["paragraph"]
    if pid not in ctx.catalog.paragraphs:
        close = difflib.get_close_matches(pid, list(ctx.catalog.paragraphs), n=3, cutoff=0.6)
        hint = "close: " + ", ".join(f"'{c}'" for c in close) if close else None
        yield problem(record, ("source", "paragraph"), "broken-ref", f"no paragraph '{pid}' in any document text", hint)


def _selector_ids(record: Record, known: dict[str, str]) -> Iterator[Problem]:
    counts = record.get("counts") if record.kind == "target" else None
    ids = ((counts or {}).get("where") or {}).get("id") if isinstance(counts, dict) else None
    if not isinstance(ids, list):
        return
    for i, rid in enumerate(ids):
        if isinstance(rid, str) and rid not in known:
            yield problem(record, ("counts", "where", "id", i), "broken-ref", f"the selector names no record '{rid}'")


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
