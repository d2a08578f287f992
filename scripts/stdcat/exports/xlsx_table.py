"""The detail table (标准明细表) as an XLSX workbook: a Chinese sheet and an English one.

Output: ``data/detail.xlsx``. Each sheet has one header row (frozen, with an autofilter) and one
row per record, sorted by framework code; a thin rule above the first row of each framework
area groups them visually without adding rows. Dates are written as dates, every other value as
text or a number, never as a formula. XlsxWriter stamps no clock when the ``created`` property
is fixed, so the same catalog gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from stdcat.exports import detail
from stdcat.exports.common import write_bytes
from stdcat.exports.context import Context

SHEETS = (("zh", "标准明细表"), ("en", "Detail table"))
TITLE = {
    "zh": "江西省碳达峰碳中和标准计量体系 标准明细表",
    "en": "Jiangxi dual-carbon standards and metrology system: detail table",
}


def workbook_bytes(ctx: Context) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties(
        {
            "title": TITLE["zh"],
            "subject": TITLE["en"],
            "author": "stdcat",
            "created": ctx.created.replace(tzinfo=None),
        }
    )
    styles = _styles(book)
    found = detail.rows(ctx)
    for lang, name in SHEETS:
        _sheet(book.add_worksheet(name), found, lang, styles)
    book.close()
    return buffer.getvalue()


def _styles(book: xlsxwriter.Workbook) -> dict[str, Any]:
    base = {"valign": "top", "text_wrap": True, "font_size": 10}
    return {
        "header": book.add_format({**base, "bold": True, "bg_color": "#D9E2F3", "border": 1, "align": "center"}),
        "text": book.add_format(base),
        "date": book.add_format({**base, "num_format": "yyyy-mm-dd"}),
        "text_first": book.add_format({**base, "top": 1}),
        "date_first": book.add_format({**base, "num_format": "yyyy-mm-dd", "top": 1}),
    }


def _sheet(sheet: Worksheet, found: list[detail.Row], lang: str, styles: dict[str, Any]) -> None:
    header, cells = detail.table(found, lang)
    for col, column in enumerate(detail.COLUMNS):
        sheet.set_column(col, col, getattr(column, f"width_{lang}"))
        sheet.write_string(0, col, header[col], styles["header"])
    previous = None
    for r, values in enumerate(cells, start=1):
        code = found[r - 1].cell("code", lang)
        first = "_first" if code != previous and r > 1 else ""
        previous = code
        for col, column in enumerate(detail.COLUMNS):
            _cell(sheet, r, col, values[col], column, styles, first)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(cells), 1), len(detail.COLUMNS) - 1)


def _cell(
    sheet: Worksheet, row: int, col: int, value: Any, column: detail.Column, styles: dict[str, Any], first: str
) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, styles["text" + first])
    elif column.date:
        sheet.write_datetime(row, col, datetime.fromisoformat(str(value)), styles["date" + first])
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, styles["text" + first])
    else:
        sheet.write_string(row, col, str(value), styles["text" + first])


def write(ctx: Context, out: Path) -> list[Path]:
    return [write_bytes(out / "data" / "detail.xlsx", workbook_bytes(ctx))]
