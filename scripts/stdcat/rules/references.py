"""Every reference names an existing record of the right kind, or an existing paragraph.

Passes: ``lead: [sheng-shichang-jianguan-ju]`` where that organization exists.
Fails: ``lead: [sheng-nyj]`` (broken-ref, with the closest ids as a hint), ``framework:
sheng-nengyuan-ju`` (ref-kind: an organization is not a framework node), ``related: [itself]``
(self-ref), ``source: {paragraph: p-9-9}`` when no text has that paragraph (broken-ref).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.catalog import COMMON_REFERENCES, KINDS, REFERENCES, Link, Record
from stdcat.catalog import references as record_references
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem
from stdcat.suggest import close_hint


def check(ctx: Context) -> Iterator[Problem]:
    known = {r.id: r.kind for r in ctx.everything}
    by_kind: dict[str, list[str]] = {}
    for rid, kind in known.items():
        by_kind.setdefault(kind, []).append(rid)
    made = _links_by_record(ctx)
    # Records that failed their schema are checked too, so one run reports every problem.
    for record in ctx.everything:
        links = made.get(id(record))
        for link in record_references(record) if links is None else links:
            yield from _link(link, ctx, known, by_kind)
        yield from _paragraph(record, ctx)
        yield from _selector_ids(record, known)


def _links_by_record(ctx: Context) -> dict[int, list[Link]]:
    """The links the catalog already made for its records (found again only for the others)."""
    made: dict[int, list[Link]] = {}
    for link in ctx.catalog.links:
        made.setdefault(id(link.source), []).append(link)
    for record in ctx.catalog.records.values():  # a record without links has none to find again
        made.setdefault(id(record), [])
    return made


# The kinds each reference field takes, per kind of record.
_ALLOWED = {kind: {**COMMON_REFERENCES, **REFERENCES.get(kind, {}), "source.document": ("document",)} for kind in KINDS}


def _link(link: Link, ctx: Context, known: dict[str, str], by_kind: dict[str, list[str]]) -> Iterator[Problem]:
    record = link.source
    fields = _ALLOWED.get(record.kind) or {**COMMON_REFERENCES, "source.document": ("document",)}
    allowed = fields.get(link.field)
    if link.target in ctx.unknown_kind_ids:
        return  # the target's file is already reported
    if link.target == record.id:
        yield problem(record, link.path, "self-ref", f"'{link.field}' names the record itself")
    elif link.target not in known:
        what = " or ".join(allowed) if allowed else "record"
        pool = [i for k in (allowed or sorted(set(known.values()))) for i in by_kind.get(k, [])]
        yield problem(record, link.path, "broken-ref", f"no {what} '{link.target}'", close_hint(link.target, pool))
    elif allowed and known[link.target] not in allowed:
        kinds = " or ".join(allowed)
        message = f"'{link.target}' is {_a(known[link.target])}, but '{link.field}' takes {_a(kinds)}"
        yield problem(record, link.path, "ref-kind", message)


def _paragraph(record: Record, ctx: Context) -> Iterator[Problem]:
    source = record.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("paragraph"), str):
        return
    pid = source["paragraph"]
    if pid not in ctx.catalog.paragraphs:
        hint = close_hint(pid, ctx.catalog.paragraphs)
        yield problem(record, ("source", "paragraph"), "broken-ref", f"no paragraph '{pid}' in any document text", hint)


def _selector_ids(record: Record, known: dict[str, str]) -> Iterator[Problem]:
    counts = record.get("counts") if record.kind == "target" else None
    where = counts.get("where") if isinstance(counts, dict) else None
    ids = where.get("id") if isinstance(where, dict) else None
    if not isinstance(ids, list):
        return
    for i, rid in enumerate(ids):
        if isinstance(rid, str) and rid not in known:
            yield problem(record, ("counts", "where", "id", i), "broken-ref", f"the selector names no record '{rid}'")


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
