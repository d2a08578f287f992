"""The detail table (标准明细表): every standard and metrology record, one row each, by framework code.

Laid out the way Chinese standards-system tables are (cf. GB/T 13016): 序号, 体系编号, 标准名称,
标准编号, 宜定级别, 状态, 牵头单位 … Rows are sorted by framework code (numerically: 1.10
after 1.9), then by where the record's quote stands in the plan, then by id. The CSV and XLSX
exports both build on these rows, so that they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stdcat.catalog import Record
from stdcat.exports.common import code_key, org_names, plan_position
from stdcat.exports.context import Context

KINDS = ("standard", "metrology")


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    width_zh: int
    width_en: int
    bilingual: bool = True  # whether the value differs by language (else one value for both)
    date: bool = False


COLUMNS = [
    Column("seq", "序号", "No.", 6, 6, bilingual=False),
    Column("code", "体系编号", "Code", 10, 10, bilingual=False),
    Column("area", "体系结构", "Framework area", 22, 30),
    Column("title", "标准名称", "Title", 48, 60),
    Column("number", "标准编号", "Number", 20, 20, bilingual=False),
    Column("category", "类别", "Category", 14, 24),
    Column("level", "宜定级别", "Level", 10, 16),
    Column("action", "制修订", "Action", 10, 18),
    Column("status", "状态", "Status", 12, 18),
    Column("lead", "牵头单位", "Lead", 24, 40),
    Column("participants", "参与单位", "Participants", 32, 50),
    Column("implementers", "落实单位", "Implementers", 20, 30),
    Column("horizon", "目标年份", "Horizon", 8, 8, bilingual=False),
    Column("published", "发布日期", "Published", 11, 11, bilingual=False, date=True),
    Column("effective", "实施日期", "Effective", 11, 11, bilingual=False, date=True),
    Column("sectors", "行业领域", "Sectors", 16, 24),
    Column("source", "出处", "Source", 26, 26, bilingual=False),
    Column("id", "记录标识", "Record id", 34, 34, bilingual=False),
]
JOIN = {"zh": "、", "en": "; "}


@dataclass(frozen=True)
class Row:
    """One record's cells: ``values[key]`` is a value, or ``{"zh": …, "en": …}`` for bilingual columns."""

    record: Record
    values: dict[str, Any]

    def cell(self, key: str, lang: str) -> Any:
        value = self.values.get(key)
        return value.get(lang) if isinstance(value, dict) else value


def ordered(ctx: Context) -> list[Record]:
    """Standard and metrology records by framework code, then plan order, then id."""
    records = [r for kind in KINDS for r in ctx.catalog.by_kind(kind)]

    def key(record: Record) -> tuple[Any, ...]:
        node = ctx.catalog.get(str(record.get("framework", "")))
        code = node.get("code") if node else None
        return (code_key(code), plan_position(ctx.catalog, record), record.id)

    return sorted(records, key=key)


def rows(ctx: Context) -> list[Row]:
    return [Row(record, _values(ctx, record, i)) for i, record in enumerate(ordered(ctx), start=1)]


def _both(zh: Any, en: Any) -> dict[str, Any]:
    return {"zh": zh, "en": en}


def _label(ctx: Context, record: Record, field: str) -> dict[str, Any]:
    value = record.get(field)
    if value is None:
        return _both(None, None)
    return _both(ctx.labels.zh(record.kind, field, value), ctx.labels.en(record.kind, field, value))


def _orgs(ctx: Context, ids: Any) -> dict[str, Any]:
    return _both(JOIN["zh"].join(org_names(ctx.catalog, ids)), JOIN["en"].join(org_names(ctx.catalog, ids, "en")))


def _values(ctx: Context, record: Record, seq: int) -> dict[str, Any]:
    node = ctx.catalog.get(str(record.get("framework", "")))
    dates = record.get("dates") or {}
    sectors = record.get("sectors") or []
    paragraph = ctx.catalog.paragraphs.get(str((record.get("source") or {}).get("paragraph", "")))
    kind_label = ctx.labels.kind(record.kind)
    category = _label(ctx, record, "type") if record.kind == "metrology" else _both(*kind_label)
    return {
        "seq": seq,
        "code": node.get("code") if node else None,
        "area": _both(node.title("zh"), node.title("en")) if node else _both(None, None),
        "title": _both(record.title("zh"), record.title("en")),
        "number": record.get("number"),
        "category": category,
        "level": _label(ctx, record, "level"),
        "action": _label(ctx, record, "action"),
        "status": _label(ctx, record, "status"),
        "lead": _orgs(ctx, record.get("lead")),
        "participants": _orgs(ctx, record.get("participants")),
        "implementers": _orgs(ctx, record.get("implementers")),
        "horizon": record.get("horizon"),
        "published": dates.get("published"),
        "effective": dates.get("effective"),
        "sectors": _both(
            JOIN["zh"].join(ctx.labels.zh(record.kind, "sectors", s) for s in sectors),
            JOIN["en"].join(ctx.labels.en(record.kind, "sectors", s) for s in sectors),
        ),
        "source": paragraph.section if paragraph else None,
        "id": record.id,
    }


def table(found: list[Row], lang: str) -> tuple[list[str], list[list[Any]]]:
    """The header and the cells of the table in one language (``zh`` or ``en``)."""
    header = [getattr(column, lang) for column in COLUMNS]
    return header, [[row.cell(column.key, lang) for column in COLUMNS] for row in found]
