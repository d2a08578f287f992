"""The plan's text with an anchor per paragraph, the repair log, and the glossary (附件2).

Every paragraph is addressable as ``plan/#<paragraph id>`` (records cite these ids). The repair
log lists every repair of the damaged source with its certainty, unrecoverable ones first, so
readers see what was repaired and how sure the repair is.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from stdcat.catalog import Paragraph, Record
from stdcat.site.links import GLOSSARY, PLAN, REPAIRS, Target
from stdcat.site.markdown import heading
from stdcat.site.pages.base import Context, Page, evidence, ref, refs

HEADING_ROLES = {"heading", "box-title"}
CERTAINTY_ORDER = ("unknown", "medium", "high", "certain")


def pages(ctx: Context) -> list[Page]:
    texts = ctx.catalog.by_kind("text")
    out = [glossary(ctx)]
    if texts:
        out.extend([plan_text(ctx, texts[0]), repair_log(ctx, texts[0])])
    return out


def _paragraphs(ctx: Context, text: Record) -> list[Paragraph]:
    return sorted((p for p in ctx.catalog.paragraphs.values() if p.text.id == text.id), key=lambda p: p.index)


def _level(paragraph: Paragraph) -> int:
    if paragraph.data.get("role") == "box-title":
        return 4
    return min(6, int(paragraph.data.get("level") or 1) + 1)


def plan_text(ctx: Context, text: Record) -> Page:
    """The whole text, paragraph by paragraph, in the page's language with the other beside it."""
    paragraphs = _paragraphs(ctx, text)
    title = next((p for p in paragraphs if p.id == "h-title"), None)
    heading_1 = heading(1, _text(ctx, title.data), title.id) if title else heading(1, ctx.title(text))
    parts = [heading_1, "\n"]
    document = text.get("document")
    parts.append(
        ctx.render(
            "plan_intro.html",
            summary=ctx.text(text.get("summary")),
            document=ref(ctx, PLAN, document) if isinstance(document, str) else None,
            repairs=ctx.linker.url(PLAN, Target(REPAIRS)),
        )
    )
    batch: list[dict[str, Any]] = []
    for paragraph in paragraphs:
        if paragraph is title:
            continue
        if paragraph.data.get("role") in HEADING_ROLES:
            if batch:
                parts.append(ctx.render("paragraphs.html", paragraphs=batch))
                batch = []
            parts.append("\n" + heading(_level(paragraph), _text(ctx, paragraph.data), paragraph.id) + "\n")
            continue
        batch.append(_paragraph_view(ctx, paragraph))
    if batch:
        parts.append(ctx.render("paragraphs.html", paragraphs=batch))
    return Page(PLAN, "".join(parts), in_nav=True, edit_path=text.path)


def _text(ctx: Context, data: dict[str, Any]) -> str:
    return str(data.get(ctx.lang) or data.get("zh") or "")


def _paragraph_view(ctx: Context, paragraph: Paragraph) -> dict[str, Any]:
    data = paragraph.data
    other = "en" if ctx.lang == "zh" else "zh"
    repairs = data.get("repairs") or []
    return {
        "id": paragraph.id,
        "role": data.get("role", "body"),
        "section": paragraph.section,
        "text": _text(ctx, data),
        "other": str(data.get(other) or ""),
        "repairs": len(repairs) + (1 if data.get("restored") else 0),
        "unknown": any(r.get("certainty") == "unknown" for r in repairs if isinstance(r, dict)),
        "repairs_href": ctx.linker.url(PLAN, Target(REPAIRS, paragraph.id)),
    }


def repair_log(ctx: Context, text: Record) -> Page:
    """Every repair and restoration, with its certainty: the unrecoverable ones, then all in order."""
    rows: list[dict[str, Any]] = []
    for paragraph in _paragraphs(ctx, text):
        first = True
        items = [r for r in paragraph.data.get("repairs") or [] if isinstance(r, dict)]
        restored = paragraph.data.get("restored")
        if isinstance(restored, dict):
            items.append({"from": None, "to": paragraph.zh, **restored})
        for item in items:
            rows.append(
                {
                    "anchor": paragraph.id if first else None,
                    "paragraph": paragraph.id,
                    "section": paragraph.section,
                    "href": ctx.linker.url(REPAIRS, Target(PLAN, paragraph.id)),
                    "from": item.get("from"),
                    "to": str(item.get("to") or ""),
                    "certainty": str(item.get("certainty") or ""),
                    "certainty_label": ctx.label("certainty", item.get("certainty")),
                    "note": ctx.text(item.get("note")),  # {zh, en}, or one text shown in both
                    "evidence": evidence(item.get("evidence")),
                }
            )
            first = False
    counts = Counter(r["certainty"] for r in rows)
    summary = [
        {"key": key, "label": ctx.label("certainty", key), "count": counts.get(key, 0)} for key in CERTAINTY_ORDER
    ]
    unknown = [dict(r, anchor=None) for r in rows if r["certainty"] == "unknown"]
    parts = [
        heading(1, "修复记录" if ctx.lang == "zh" else "Repair log"),
        "\n",
        ctx.render("repairs_intro.html", summary=summary, total=len(rows), notes=ctx.text(text.get("notes"))),
        "\n" + heading(2, "无法恢复的文字" if ctx.lang == "zh" else "What cannot be recovered", "unknown") + "\n",
        ctx.render("repairs_table.html", rows=unknown),
        "\n" + heading(2, ctx.t("all_repairs"), "all") + "\n",
        ctx.render("repairs_table.html", rows=rows),
    ]
    return Page(REPAIRS, "".join(parts), in_nav=True, edit_path=text.path)


def glossary(ctx: Context) -> Page:
    """The terms of 附件2 first, in the plan's order, then the catalog's other terms."""
    terms = ctx.catalog.by_kind("term")
    annex = sorted((t for t in terms if t.get("annex")), key=lambda t: _source_index(ctx, t))
    others = sorted((t for t in terms if not t.get("annex")), key=lambda t: t.title(ctx.lang))
    parts = [heading(1, "名词解释" if ctx.lang == "zh" else "Glossary"), "\n"]
    parts.append(ctx.render("intro.html", text=_GLOSSARY_INTRO[0 if ctx.lang == "zh" else 1]))
    for title, group in ((_ANNEX_TITLE, annex), (_OTHER_TITLE, others)):
        if not group:
            continue
        parts.append("\n" + heading(2, title[0 if ctx.lang == "zh" else 1]) + "\n")
        for term in group:
            label = f"{ctx.title(term)} · {ctx.other_title(term)}" if ctx.other_title(term) else ctx.title(term)
            parts.append("\n" + heading(3, label, term.id) + "\n")
            parts.append(ctx.render("term.html", term=_term_view(ctx, term)))
    return Page(GLOSSARY, "".join(parts), in_nav=True)


_ANNEX_TITLE = ("附件2 名词解释", "Annex 2: Explanation of terms")
_OTHER_TITLE = ("其他术语", "Other terms")
_GLOSSARY_INTRO = (
    "方案附件2解释的名词，以及本目录为便于理解补充的术语（释义另有出处者注明）。",
    "The terms explained in Annex 2 of the plan, and further terms this catalog adds to help readers.",
)


def _source_index(ctx: Context, term: Record) -> int:
    source = term.get("source") or {}
    paragraph = ctx.catalog.paragraphs.get(source.get("paragraph", "")) if isinstance(source, dict) else None
    return paragraph.index if paragraph else 10_000


def _term_view(ctx: Context, term: Record) -> dict[str, Any]:
    definition = term.get("definition") or {}
    other = "en" if ctx.lang == "zh" else "zh"
    source = term.get("source") or {}
    paragraph = source.get("paragraph") if isinstance(source, dict) else None
    return {
        "definition": ctx.text(definition),
        "other": str(definition.get(other) or "") if isinstance(definition, dict) else "",
        "abbreviations": [str(a) for a in term.get("abbreviations") or []],
        "related": refs(ctx, GLOSSARY, term.get("related")),
        "source": ctx.linker.url(GLOSSARY, Target(PLAN, paragraph)) if paragraph in ctx.catalog.paragraphs else None,
        "paragraph": paragraph,
        "notes": ctx.text(term.get("notes")),
        "evidence": evidence(term.get("evidence")),
        "edit_url": ctx.edit_url(term.path),
    }
