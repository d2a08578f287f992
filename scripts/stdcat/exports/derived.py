"""Every derived field an export publishes, computed from the Catalog and kept apart from authored ones.

Exported records carry their authored fields exactly as written, and under the one key
``_derived`` the values computed here (so that dropping ``_derived`` gives back a record that
validates against its schema). The derived fields:

For every record:
- ``page``: the path of its page under the site root (``standard/pv-modules/``).
- ``labels``: the Chinese and English labels of its enumerated values, by field; a list field
  (``sectors``) gives a list of labels.
- ``referenced_by``: the ids of the records that name this one, by the field that names it
  (``lead``, ``framework``, ``source.document`` …), sorted.
- ``citation``: ``{gbt7714, bibtex}``, the record cited in GB/T 7714-2015 and BibTeX.
For records that name a framework node, and for framework nodes themselves:
- ``framework_path``: the nodes from the root down (``[{id, code, title}]``).
For records that cite a paragraph:
- ``source_section``: the section path of that paragraph, e.g. ``二(二)2 · 专栏1 · 光伏发电``.
For framework nodes:
- ``children``: the ids of the nodes below, in order; ``records_under``: how many records sit
  at the node or below it.
For standards and metrology:
- ``delivered``: whether the deliverable exists (a published standard, a completed centre).
For targets:
- ``progress``: ``{records, delivered, value, known, ratio}``: the records the selector names,
  how many are delivered, and the share of the target value (null when the value is unknown).
"""

from __future__ import annotations

from typing import Any

from stdcat.catalog import Record
from stdcat.derive import delivered, progress
from stdcat.exports import citation
from stdcat.exports.context import Context


def derived(ctx: Context, record: Record) -> dict[str, Any]:
    """The ``_derived`` mapping of one record."""
    out: dict[str, Any] = {"page": ctx.page(record.kind, record.id)}
    labels = labels_of(ctx, record)
    if labels:
        out["labels"] = labels
    out["referenced_by"] = referenced_by(ctx, record)
    node = record.id if record.kind == "framework" else record.get("framework")
    if isinstance(node, str) and ctx.catalog.get(node):
        out["framework_path"] = framework_path(ctx, node)
    section = source_section(ctx, record)
    if section:
        out["source_section"] = section
    out.update(_by_kind(ctx, record))
    out["citation"] = {
        "gbt7714": citation.gbt7714(ctx, record, url=ctx.page_url(record.kind, record.id)),
        "bibtex": citation.bibtex(ctx, record, url=ctx.page_url(record.kind, record.id)),
    }
    return out


def _by_kind(ctx: Context, record: Record) -> dict[str, Any]:
    if record.kind == "framework":
        return {
            "children": [child.id for child in ctx.catalog.children(record.id)],
            "records_under": len(ctx.catalog.records_under(record.id)),
        }
    if record.kind in ("standard", "metrology"):
        return {"delivered": delivered(record)}
    if record.kind == "target":
        return {"progress": progress_of(ctx, record)}
    return {}


def labels_of(ctx: Context, record: Record) -> dict[str, Any]:
    """Labels of the record's enumerated values, by field."""
    out: dict[str, Any] = {}
    for field, value in record.data.items():
        if isinstance(value, list):
            found = [ctx.labels.get(record.kind, field, v) for v in value]
            if found and all(found):
                out[field] = [{"zh": label[0], "en": label[1]} for label in found if label]
        else:
            label = ctx.labels.get(record.kind, field, value)
            if label:
                out[field] = {"zh": label[0], "en": label[1]}
    return out


def referenced_by(ctx: Context, record: Record) -> dict[str, list[str]]:
    """Ids of the records naming this one, by field."""
    out: dict[str, set[str]] = {}
    for link in ctx.catalog.referrers(record.id):
        out.setdefault(link.field, set()).add(link.source.id)
    return {field: sorted(ids) for field, ids in sorted(out.items())}


def framework_path(ctx: Context, node_id: str) -> list[dict[str, Any]]:
    return [
        {"id": node.id, "code": node.get("code"), "title": dict(node.get("title") or {})}
        for node in ctx.catalog.framework_path(node_id)
    ]


def source_section(ctx: Context, record: Record) -> str | None:
    source = record.get("source") or {}
    paragraph = ctx.catalog.paragraphs.get(str(source.get("paragraph", "")))
    return paragraph.section if paragraph else None


def progress_of(ctx: Context, target: Record) -> dict[str, Any] | None:
    found = progress(ctx.catalog, target)
    if found is None:
        return None
    return {
        "records": [r.id for r in found.records],
        "delivered": found.delivered,
        "value": found.value,
        "known": found.known,
        "ratio": found.ratio,
    }
