"""One page per standard, metrology item, task, target and document, from the record's data.

The page is a Markdown h1 (the number first, so that a query for a standard's number ranks its page
first) and the ``record.html`` fragment, which shows every field a reader needs: both titles,
status and its dated history, framework path, departments, source quote, related records, tags.
"""

from __future__ import annotations

from typing import Any

from stdcat.catalog import Record
from stdcat.derive import progress
from stdcat.site.i18n import STRINGS
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages import cite, neighbourhood
from stdcat.site.pages.base import Context, Page, evidence, org_names, ref, refs, row
from stdcat.site.pages.tags import anchors as tag_anchors
from stdcat.site.pages.tags import tag_label, tag_links

KINDS = ("standard", "metrology", "task", "target", "document")
# Pages that show only their record and its neighbours (``shows``): a target's page counts records
# across the catalog, a document's page counts the records drawn from it, so those are always made.
KEPT_KINDS = ("standard", "metrology", "task")


def pages(ctx: Context) -> list[Page]:
    return [record_page(ctx, record) for kind in KINDS for record in ctx.catalog.by_kind(kind)]


def record_page(ctx: Context, record: Record) -> Page:
    if ctx.memo is None or record.kind not in KEPT_KINDS:
        return _make(ctx, record)
    here = f"{record.kind}/{record.id}.md"

    def make() -> tuple[Page, str | None]:
        return _make(ctx, record), neighbourhood.source(ctx, here)

    page, drawing = ctx.memo.page(ctx, here, shows(ctx, record), make, *_also_shown(ctx, record))
    if drawing is not None:  # a kept page's drawing is still this build's to draw
        neighbourhood.again(ctx, here, drawing)
    return page


def shows(ctx: Context, record: Record) -> list[Any]:
    """The records whose data a record page shows: itself and its neighbours, in both directions."""
    catalog = ctx.catalog
    framework = record.get("framework")
    source = record.get("source")
    return [
        record.id,
        *(node.id for node in (catalog.framework_path(framework) if isinstance(framework, str) else [])),
        *(org for key in ("lead", "participants", "implementers") for org in record.get(key) or []),
        *(record.get("related") or []),
        "<-",
        *sorted({link.source.id for link in catalog.referrers(record.id, "related")}),
        source.get("document") if isinstance(source, dict) else None,
    ]


def _also_shown(ctx: Context, record: Record) -> tuple[Any, ...]:
    """What else a record page shows besides records: its tags (anchor and words), its paragraph's section."""
    table = tag_anchors(ctx)
    tags = [(table.get(tag), tag_label(ctx, tag)) for tag in record.get("tags") or [] if isinstance(tag, str)]
    return (tags, source_paragraph(ctx, record))


def source_paragraph(ctx: Context, record: Record) -> tuple[str, int, str] | None:
    """Where the paragraph a record cites stands (text, index, section): its link and its label."""
    source = record.get("source")
    paragraph_id = source.get("paragraph") if isinstance(source, dict) else None
    paragraph = ctx.catalog.paragraphs.get(paragraph_id) if isinstance(paragraph_id, str) else None
    return (paragraph.text.id, paragraph.index, paragraph.section) if paragraph else None


def _make(ctx: Context, record: Record) -> Page:
    here = f"{record.kind}/{record.id}.md"
    number = record.get("number")
    h1 = f"{number} {ctx.title(record)}" if isinstance(number, str) and record.kind != "document" else ctx.title(record)
    meta = {"stdcat": {"record": record.id, "kind": record.kind}}
    body = heading(1, h1) + "\n" + ctx.render("record.html", r=view(ctx, here, record))
    return Page(here, front_matter(meta) + body, edit_path=record.path)


def view(ctx: Context, here: str, record: Record) -> dict[str, Any]:
    """Everything the record template shows, as plain data."""
    catalog = ctx.catalog
    framework = record.get("framework")
    return {
        "id": record.id,
        "kind": record.kind,
        "kind_label": ctx.label("kind", record.kind),
        "title": ctx.title(record),
        "other_title": ctx.other_title(record),
        "summary": ctx.text(record.get("summary")),
        "other_summary": _other(ctx, record.get("summary")),
        "breadcrumb": refs(ctx, here, [n.id for n in catalog.framework_path(framework)]) if framework else [],
        "badges": _badges(ctx, record),
        "facts": _facts(ctx, here, record),
        "departments": _departments(ctx, here, record),
        "history": _history(ctx, record),
        "source": _source(ctx, here, record),
        "related": refs(ctx, here, record.get("related")),
        "related_from": _related_from(ctx, here, record),
        "tags": tag_links(ctx, here, record.get("tags")),
        "notes": ctx.text(record.get("notes")),
        "evidence": evidence(record.get("evidence")),
        "target": _target(ctx, here, record) if record.kind == "target" else None,
        "document": _document(ctx, here, record) if record.kind == "document" else None,
        "edit_url": ctx.edit_url(record.path),
        "yaml_url": ctx.blob_url(record.path),
        "path": record.path,
        "neighbourhood": neighbourhood.figure(ctx, here, record),
        "cite": cite.view(ctx, here, record),
    }


def _other(ctx: Context, value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    other = value.get("en" if ctx.lang == "zh" else "zh")
    return str(other) if other and other != value.get(ctx.lang) else ""


def _badges(ctx: Context, record: Record) -> list[dict[str, str]]:
    out = [{"class": "kind", "text": ctx.label("kind", record.kind)}]
    if record.get("level"):
        out.append({"class": f"level level-{record.get('level')}", "text": ctx.label("level", record.get("level"))})
    if record.get("status"):
        out.append(
            {"class": f"status status-{record.get('status')}", "text": ctx.label("status", record.get("status"))}
        )
    if record.get("horizon"):
        out.append({"class": "horizon", "text": ctx.label("horizon", record.get("horizon"))})
    return out


def _facts(ctx: Context, here: str, record: Record) -> list[dict[str, Any]]:
    """The record's single-valued fields as label/value pairs, in a reader's order."""
    facts: list[dict[str, Any]] = []

    def add(key: str, text: Any = None, links: list[dict[str, Any]] | None = None, href: str | None = None) -> None:
        if text or links:
            facts.append({"label": ctx.t(key), "text": "" if text is None else str(text), "links": links, "href": href})

    add("number", record.get("number") if record.kind != "document" else None)
    add("plan_number", record.get("plan_number"))
    kind_type = {"metrology": "metrology_type", "task": "task_type"}.get(record.kind)
    if kind_type and record.get("type"):
        add("type", ctx.label(kind_type, record.get("type")))
    add("action", ctx.label("action", record.get("action")) if record.get("action") else None)
    add("level", ctx.label("level", record.get("level")) if record.get("level") else None)
    add("status", ctx.label("status", record.get("status")) if record.get("status") else None)
    add("scope", ctx.t("series_yes") if record.get("series") is True else None)  # not the field's name
    add("horizon", ctx.label("horizon", record.get("horizon")) if record.get("horizon") else None)
    sectors = record.get("sectors") or []
    add("sectors", ("、" if ctx.lang == "zh" else ", ").join(ctx.label("sector", s) for s in sectors))
    dates = record.get("dates") or {}
    for key in ("published", "effective", "withdrawn"):
        add(key, dates.get(key))
    add("ics", ", ".join(record.get("ics") or []))
    add("ccs", ", ".join(record.get("ccs") or []))
    add("replaces", ", ".join(record.get("replaces") or []))
    if record.get("url"):
        add("url", record.get("url"), href=str(record.get("url")))
    return facts


def _departments(ctx: Context, here: str, record: Record) -> list[dict[str, Any]]:
    groups = []
    for key in ("lead", "participants", "implementers"):
        names = org_names(ctx, here, record.get(key))
        if names:
            groups.append({"label": ctx.t(key), "key": key, "orgs": names})
    return groups


def _history(ctx: Context, record: Record) -> list[dict[str, Any]]:
    out = []
    for entry in record.get("history") or []:
        if isinstance(entry, dict):
            out.append(
                {
                    "date": str(entry.get("date", "")),
                    "status": ctx.label("status", entry.get("status")),
                    "note": ctx.text(entry.get("note")),
                    "evidence": entry.get("evidence"),
                }
            )
    return out


def _source(ctx: Context, here: str, record: Record) -> dict[str, Any] | None:
    source = record.get("source")
    if not isinstance(source, dict):
        return None
    paragraph_id = source.get("paragraph")
    paragraph = ctx.catalog.paragraphs.get(paragraph_id) if isinstance(paragraph_id, str) else None
    document = source.get("document")
    return {
        "document": ref(ctx, here, document) if isinstance(document, str) else None,
        "paragraph": paragraph_id,
        "section": paragraph.section if paragraph else "",
        "href": ctx.linker.url(here, ctx.linker.paragraph(paragraph_id)) if paragraph else None,
        "quote": str(source.get("quote") or ""),
        "url": source.get("url"),
    }


def _related_from(ctx: Context, here: str, record: Record) -> list[dict[str, Any]]:
    """Records naming this one in their ``related``, unless this one already names them."""
    named = set(record.get("related") or [])
    ids = sorted({link.source.id for link in ctx.catalog.referrers(record.id, "related")} - named)
    return refs(ctx, here, ids)


def _target(ctx: Context, here: str, record: Record) -> dict[str, Any]:
    state = progress(ctx.catalog, record)
    value_range = record.get("value_range") or []
    return {
        "year": record.get("year"),
        "measure": ctx.text(record.get("measure")),
        "comparator": ctx.label("comparator", record.get("comparator")) if record.get("comparator") else "",
        "comparator_key": record.get("comparator"),
        "value": record.get("value"),
        "unit": ctx.text(record.get("unit")),
        "uncertain": bool(record.get("uncertain")),
        "pattern": record.get("value_pattern"),
        "range": "–".join(str(v) for v in value_range) if value_range else "",
        "delivered": state.delivered if state else None,
        "selected": len(state.records) if state else None,
        "percent": round(100 * state.ratio) if state and state.ratio is not None else None,
        "records": [row(ctx, here, r) for r in state.records] if state else [],
        "selector": _selector(ctx, here, record.get("counts")),
    }


# Selector fields whose values have labels, per counted kind (see derive.selected).
_GROUPS = {"level": "level", "status": "status", "action": "action", "sectors": "sector", "horizon": "horizon"}


def _selector(ctx: Context, here: str, counts: Any) -> dict[str, Any] | None:
    """A target's selector in words: which records count towards it."""
    if not isinstance(counts, dict):
        return None
    kind = str(counts.get("kind", ""))
    conditions = []
    for field, values in (counts.get("where") or {}).items():
        if field == "id":
            conditions.append({"field": ctx.t("title"), "links": refs(ctx, here, values), "shown": []})
            continue
        group = (
            {"metrology": "metrology_type", "task": "task_type"}.get(kind) if field == "type" else _GROUPS.get(field)
        )
        shown = [ctx.label(group, v) if group else _plain(ctx, v) for v in values or []]
        label = ctx.t(field) if field in STRINGS else field
        conditions.append({"field": label, "links": [], "shown": shown})
    return {"kind": ctx.label("kind", kind), "conditions": conditions}


def _plain(ctx: Context, value: Any) -> str:
    if isinstance(value, bool):
        return ctx.t("yes") if value else ctx.t("no")
    return str(value)


def _document(ctx: Context, here: str, record: Record) -> dict[str, Any]:
    catalog = ctx.catalog
    cited_by = sorted(
        {link.source.id for link in catalog.referrers(record.id) if link.field in ("implements", "cites")}
    )
    drawn = [link for link in catalog.referrers(record.id, "source.document") if link.source.kind != "text"]
    texts = [link.source.id for link in catalog.referrers(record.id, "document") if link.source.kind == "text"]
    return {
        "number": record.get("number"),
        "date": record.get("date"),
        "issuers": org_names(ctx, here, record.get("issuers")),
        "implements": refs(ctx, here, record.get("implements")),
        "cites": refs(ctx, here, record.get("cites")),
        "cited_by": refs(ctx, here, cited_by),
        "drawn": len({link.source.id for link in drawn}),
        "text": refs(ctx, here, texts[:1]),
        "url": record.get("url"),
    }
