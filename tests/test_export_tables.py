"""CSV and XLSX: one row per record, the right columns, safe cells, sorted by framework code."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from stdcat.exports import csv_tables, detail, xlsx_table
from stdcat.exports.csv_tables import safe
from tests.export_support import context, rich_catalog

DETAIL_ZH = [
    "序号", "体系编号", "体系结构", "标准名称", "标准编号", "类别", "宜定级别", "制修订", "状态", "牵头单位",
    "参与单位", "落实单位", "目标年份", "发布日期", "实施日期", "行业领域", "出处", "记录标识",
]  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = rich_catalog(tmp_path_factory.mktemp("catalog"))
    out = tmp_path_factory.mktemp("out")
    ctx = context(root)
    csv_tables.write(ctx, out)
    xlsx_table.write(ctx, out)
    return out


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_csv_per_kind_with_one_row_per_record(out) -> None:
    expected = {"standard": 4, "metrology": 2, "task": 1, "target": 2, "organization": 3, "framework": 2}
    for kind, count in expected.items():
        rows = read_csv(out / "data" / f"{kind}.csv")
        assert len(rows) == count + 1, kind
        assert rows[0][:3] == ["id", "kind", "title_zh"], kind
    assert not (out / "data" / "text.csv").exists()


def test_kind_columns_follow_the_schema_and_flatten_values(out) -> None:
    rows = read_csv(out / "data" / "standard.csv")
    header = rows[0]
    for name in ("title_en", "source_paragraph", "source_quote", "dates_published", "lead", "sectors", "history"):
        assert name in header
    assert header[-1] == "_framework_code"
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    storage = by_id["storage-safety"]
    assert storage["lead"] == "nea; amr"
    assert storage["horizon"] == "2025"
    assert storage["history"] == '[{"status":"drafting","date":"2024-02"}]'
    assert storage["_framework_code"] == "1"
    assert by_id["pv-published"]["dates_effective"] == "2024-12-01"


def test_formula_cells_are_defused(out) -> None:
    rows = read_csv(out / "data" / "standard.csv")
    storage = dict(zip(rows[0], next(r for r in rows if r[0] == "storage-safety"), strict=True))
    assert storage["notes_zh"] == "'=1+2 仅作测试"
    assert storage["notes_en"] == "'@risk: a note that looks like a formula"
    assert [safe(v) for v in ("+1", "-x", "=A1", "@f", "\tx", "ok", -3, None, True)] == [
        "'+1", "'-x", "'=A1", "'@f", "'\tx", "ok", "-3", "", "true",
    ]  # fmt: skip


def test_detail_csv_is_the_standards_system_table(out) -> None:
    rows = read_csv(out / "data" / "detail.csv")
    assert rows[0] == DETAIL_ZH
    assert len(rows) == 1 + 6  # four standards and two metrology records
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    codes = [r[1] for r in rows[1:]]
    assert codes == sorted(codes, key=lambda c: tuple(int(p) for p in c.split(".")))
    storage = next(r for r in rows if r[-1] == "storage-safety")
    assert storage[DETAIL_ZH.index("牵头单位")] == "省能源局、省市场监管局"
    assert storage[DETAIL_ZH.index("宜定级别")] == "地方标准"
    assert storage[DETAIL_ZH.index("状态")] == "20 起草"
    en = read_csv(out / "data" / "detail-en.csv")
    assert en[0][:4] == ["No.", "Code", "Framework area", "Title"] and len(en) == len(rows)


def test_codes_sort_numerically() -> None:
    from stdcat.exports.common import code_key

    assert sorted(["1.10", "1.9", "1.2.1", "2", "1"], key=code_key) == ["1", "1.2.1", "1.9", "1.10", "2"]


def test_xlsx_opens_with_both_sheets_and_the_right_columns(out) -> None:
    book = openpyxl.load_workbook(out / "data" / "detail.xlsx")
    assert book.sheetnames == ["标准明细表", "Detail table"]
    zh, en = book["标准明细表"], book["Detail table"]
    assert [c.value for c in zh[1]] == DETAIL_ZH
    assert [c.value for c in en[1]] == [c.en for c in detail.COLUMNS]
    assert zh.max_row == en.max_row == 1 + 6
    assert zh.freeze_panes == "A2" and zh.auto_filter.ref == "A1:R7"
    assert zh.column_dimensions["D"].width > 40  # titles get room
    ids = [zh.cell(row=r, column=len(DETAIL_ZH)).value for r in range(2, 8)]
    assert sorted(ids) == [
        "navel-orange-footprint",
        "pv-jjf",
        "pv-modules",
        "pv-published",
        "pv-spec",
        "storage-safety",
    ]
    published = next(r for r in range(2, 8) if zh.cell(row=r, column=18).value == "pv-jjf")
    assert zh.cell(row=published, column=14).value == datetime(2024, 5, 1)  # a date, not text
    assert zh.cell(row=published, column=5).value == "JJF(赣) 001-2024"
    assert en.cell(row=published, column=6).value == "Metrology technical specification"


def test_xlsx_is_byte_identical_across_runs(tmp_path) -> None:
    ctx = context(rich_catalog(tmp_path))
    assert xlsx_table.workbook_bytes(ctx) == xlsx_table.workbook_bytes(ctx)
    book = openpyxl.load_workbook(io.BytesIO(xlsx_table.workbook_bytes(ctx)))
    assert book.properties.created == datetime(2023, 1, 1)
