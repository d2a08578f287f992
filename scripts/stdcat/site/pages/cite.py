"""What a record page offers for reuse: its citation (GB/T 7714-2015 and BibTeX) and its JSON.

The citations come from ``exports.citation``, the same functions that write ``data/catalog.bib``,
and cite the record's page at the site root's address, so that both languages cite one URL. The
GB/T 7714 ``[EB/OL]`` form gives the page's update date (the record's last change in git) and a
引用日期 that ``assets/cite.js`` fills with the reader's date (without JavaScript it reads 引用日期,
the placeholder GB/T 7714 readers fill in).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from stdcat.catalog import Record
from stdcat.exports.citation import bibtex, gbt7714
from stdcat.exports.context import RECORD_JSON
from stdcat.exports.context import Context as ExportContext
from stdcat.exports.history import history
from stdcat.site.pages.base import Context
from stdcat.site.pages.downloads import root_url


def export_context(ctx: Context) -> ExportContext | None:
    """The exports' context, made once per build (it reads the schemas)."""
    if ctx.root is None:
        return None
    if "export" not in ctx._cache:
        ctx._cache["export"] = ExportContext.build(ctx.catalog, ctx.root, ctx.site_url or None)
    return ctx._cache["export"]


ACCESSED = "引用日期"


def updated(ctx: Context, record_id: str) -> str | None:
    """The day the record last changed, from git (computed once per build); None without history."""
    if "updated" not in ctx._cache:
        days: dict[str, str] = {}
        for change in history(ctx.root).changes if ctx.root else []:
            days[change.id] = max(days.get(change.id, ""), change.date[:10])
        ctx._cache["updated"] = days
    return ctx._cache["updated"].get(record_id)


def view(ctx: Context, here: str, record: Record) -> dict[str, Any]:
    """The record's citations and the link to its JSON, for ``cite.html``."""
    export = export_context(ctx)
    url = export.page_url(record.kind, record.id) if export else None
    text = gbt7714(export, record, url=url, updated=updated(ctx, record.id), accessed=ACCESSED) if export else ""
    return {
        "gbt7714": _with_access_date(text),
        "bibtex": _preformatted(bibtex(export, record, url=url)) if export else "",
        "json": root_url(ctx, here, RECORD_JSON.format(id=record.id)),
        "json_name": RECORD_JSON.format(id=record.id),
    }


def _with_access_date(text: str) -> Markup:
    """The citation, escaped, its 引用日期 in an element ``cite.js`` fills with the reader's date."""
    before, found, after = text.partition(f"[{ACCESSED}]")
    if not found:
        return Markup(escape(text))
    return Markup(f'{escape(before)}[<span class="stdcat-cite__accessed">{ACCESSED}</span>]{escape(after)}')


def _preformatted(text: str) -> Markup:
    """Escaped text for a ``<pre>`` on one line: the fragment renderer strips every line's indent."""
    return Markup(str(escape(text.rstrip("\n"))).replace("\n", "&#10;"))
