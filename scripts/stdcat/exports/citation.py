"""A citation of every record, in GB/T 7714-2015 and in BibTeX.

GB/T 7714-2015 forms used (主要责任者. 题名: 其他题名信息[文献类型标志]. 出版项.):

- a standard or a metrology specification/regulation with a number, type ``[S]``, the number
  as 其他题名信息 and, as the standard requires when they are unknown, ``[出版地不详]: [出版者不详]``::

      江西省市场监督管理局. 光伏电站运维规范: DB36/T 1234-2024[S]. [出版地不详]: [出版者不详], 2024.

- a document (a policy document): type ``[Z]`` with its 文号, or ``[EB/OL]`` when it has a URL;
- anything else (a planned item, a task, a target …), cited through its catalog page,
  ``[EB/OL]``, with the update and access dates when the caller knows them::

      江西省市场监督管理局. 光伏组件检测标准[EB/OL]. (2024-05-01). https://…/standard/pv-modules/.

  or, without a page URL, ``[Z]`` as a part of the plan it comes from (``//`` 析出 form, the
  section as locator)::

      江西省市场监督管理局. 光伏组件检测标准[Z]//江西省市场监督管理局. 江西省…实施方案. 2023: 二(二)2.

The 主要责任者 is the record's lead organization (the 标准提出者 of a standard); a record with
no lead names its other responsible departments, and one with none names the issuers of the
document it comes from: every citation has a responsible party. More than three are cut to three
and ``等``. An ``[EB/OL]`` citation carries its update date in parentheses and its 引用日期 in
brackets when the caller gives them (the site's page fills in the reader's own date).
BibTeX uses ``@standard`` for numbered standards and
``@misc`` for the rest, organizations braced as one name, and escapes ``{}%&_#$`` and ``\\``
everywhere except in ``url``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from stdcat.catalog import KINDS, Record
from stdcat.exports.common import org_names, record_year, write_text
from stdcat.rules.lifecycle import is_document

if TYPE_CHECKING:
    from stdcat.exports.context import Context

UNKNOWN_PUBLICATION = "[出版地不详]: [出版者不详]"
# The aggregate .bib lists what people cite most first.
CITED_MOST = ("standard", "metrology", "task", "target", "document")
BIB_ORDER = (*CITED_MOST, *(k for k in KINDS if k not in (*CITED_MOST, "vocabulary")))  # a word list cites nothing


def numbered(record: Record) -> bool:
    """Whether the record is a standard or a metrology specification that has its number."""
    return is_document(record) and bool(record.get("number"))


def responsible_ids(ctx: Context, record: Record) -> list[str]:
    """Who is responsible for ``record``: its lead, else its other departments, else its source's issuers."""
    for field in ("lead", "participants", "implementers"):
        ids = [i for i in record.get(field) or [] if isinstance(i, str)]
        if field == "lead" and ids:
            return ids
    others = [i for f in ("participants", "implementers") for i in record.get(f) or [] if isinstance(i, str)]
    if others:
        return list(dict.fromkeys(others))
    source = record.get("source") or {}
    document = ctx.catalog.get(str(source.get("document", ""))) if isinstance(source, dict) else None
    return [i for i in (document.get("issuers") or []) if isinstance(i, str)] if document else []


def responsible(ctx: Context, ids: Any) -> str:
    """主要责任者: up to three full names, then 等."""
    names = org_names(ctx.catalog, ids, style="zh")
    return ", ".join([*names[:3], "等"]) if len(names) > 3 else ", ".join(names)


def gbt7714(
    ctx: Context, record: Record, url: str | None = None, updated: str | None = None, accessed: str | None = None
) -> str:
    """The record cited in GB/T 7714-2015 (see the module docstring for the forms)."""
    title = record.title("zh")
    if numbered(record):
        year = record_year(record)
        tail = f"{UNKNOWN_PUBLICATION}, {year}" if year else UNKNOWN_PUBLICATION
        return _head(responsible(ctx, responsible_ids(ctx, record))) + f"{title}: {record.get('number')}[S]. {tail}."
    if record.kind == "document":
        return _document(ctx, record, accessed)
    head = _head(responsible(ctx, responsible_ids(ctx, record)))
    if url:
        return head + f"{title}[EB/OL]. " + _online_tail(url, updated, accessed)
    return head + f"{title}[Z]" + _part_of(ctx, record) + "."


def _head(names: str) -> str:
    return f"{names}. " if names else ""


def _online_tail(url: str, updated: str | None, accessed: str | None) -> str:
    dates = (f"({updated})" if updated else "") + (f"[{accessed}]" if accessed else "")
    return (f"{dates}. " if dates else "") + f"{url}."


def _document(ctx: Context, record: Record, accessed: str | None) -> str:
    head = _head(responsible(ctx, record.get("issuers")))
    number = record.get("number")
    title = record.title("zh") + (f": {number}" if number else "")
    date = record.get("date")
    if record.get("url"):
        return head + f"{title}[EB/OL]. " + _online_tail(str(record.get("url")), date, accessed)
    return head + f"{title}[Z]" + (f". {str(date)[:4]}." if date else ".")


def _part_of(ctx: Context, record: Record) -> str:
    """``//责任者. 题名. 年: 章节`` of the document the record is drawn from, or nothing."""
    source = record.get("source") or {}
    document = ctx.catalog.get(str(source.get("document", "")))
    if document is None or document.id == record.id:
        return ""
    out = "//" + _head(responsible(ctx, document.get("issuers"))) + document.title("zh")
    date = document.get("date")
    out += f". {str(date)[:4]}" if date else ""
    paragraph = ctx.catalog.paragraphs.get(str(source.get("paragraph", "")))
    return out + (f": {paragraph.section}" if paragraph and paragraph.section else "")


BIBTEX_SPECIAL = {c: "\\" + c for c in "{}%&_#$"} | {"\\": "\\textbackslash{}"}


def escape(text: str) -> str:
    """Escape BibTeX's special characters (not for ``url``)."""
    return "".join(BIBTEX_SPECIAL.get(c, c) for c in text)


def bibtex(ctx: Context, record: Record, url: str | None = None) -> str:
    """The record as one BibTeX entry (``@standard`` when numbered, else ``@misc``)."""
    people = record.get("issuers") if record.kind == "document" else responsible_ids(ctx, record)
    names = org_names(ctx.catalog, people, style="zh")
    fields: list[tuple[str, str]] = []
    if names:
        fields.append(("author", "{" + " and ".join("{" + escape(n) + "}" for n in names) + "}"))
    fields.append(("title", "{" + escape(record.title("zh")) + "}"))
    if record.get("number"):
        fields.append(("number", "{" + escape(str(record.get("number"))) + "}"))
    fields.extend(_bib_dates(ctx, record))
    if not numbered(record) and record.kind != "document":
        fields.extend(_bib_origin(ctx, record))
    fields.append(("language", "{zh}"))
    link = record.get("url") or url
    if link:
        fields.append(("url", "{" + str(link).replace("{", "%7B").replace("}", "%7D") + "}"))
    entry = "standard" if numbered(record) else "misc"
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{entry}{{{record.id},\n{body}}}\n"


def _bib_dates(ctx: Context, record: Record) -> list[tuple[str, str]]:
    if numbered(record):
        year = record_year(record)
        published = (record.get("dates") or {}).get("published")
        return ([("year", f"{{{year}}}")] if year else []) + ([("date", f"{{{published}}}")] if published else [])
    date = record.get("date") if record.kind == "document" else _source_date(ctx, record)
    return [("year", f"{{{str(date)[:4]}}}")] if date else []


def _source_date(ctx: Context, record: Record) -> str | None:
    document = ctx.catalog.get(str((record.get("source") or {}).get("document", "")))
    date = document.get("date") if document else None
    return str(date) if date else None


def _bib_origin(ctx: Context, record: Record) -> list[tuple[str, str]]:
    """Where a planned item comes from, and its status, for ``@misc``."""
    out: list[tuple[str, str]] = []
    source = record.get("source") or {}
    document = ctx.catalog.get(str(source.get("document", "")))
    if document is not None and document.id != record.id:
        paragraph = ctx.catalog.paragraphs.get(str(source.get("paragraph", "")))
        where = document.title("zh") + (f", {paragraph.section}" if paragraph else "")
        out.append(("howpublished", "{" + escape(where) + "}"))
    status = ctx.labels.get(record.kind, "status", record.get("status"))
    if status:
        out.append(("note", "{" + escape(f"{status[0]} / {status[1]}") + "}"))
    return out


def bib_file(ctx: Context) -> str:
    """Every record's BibTeX entry, by kind (``BIB_ORDER``) and id, pointing at its page."""
    entries = [
        bibtex(ctx, record, url=ctx.page_url(record.kind, record.id))
        for kind in BIB_ORDER
        for record in ctx.catalog.by_kind(kind)
    ]
    header = "% Catalog of Jiangxi's dual-carbon standards and metrology system: one entry per record.\n"
    return header + "\n".join(entries)


def write(ctx: Context, out: Path) -> list[Path]:
    """``data/catalog.bib``."""
    return [write_text(out / "data" / "catalog.bib", bib_file(ctx))]
