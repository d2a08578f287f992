"""Standard and metrology numbers have the form of their level.

Passes: ``level: local`` with ``number: DB36/T 1234-2023``; ``level: national`` with
``GB/T 32150-2015``; ``level: industry`` with ``NB/T 10394-2020``; a specification with
``JJF 1059.1-2012`` (national) or ``JJF(赣) 012-2024`` (local).
Fails: ``level: local`` with ``GB/T 32150-2015``; ``DB36/T 1234—2023`` (em dash);
``level: industry`` with ``XX/T 1-2020`` (no such industry code).
Document numbers (文号) read like 国市监计量发〔2022〕92号.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem

SEQ = r"\d+(\.\d+)*"
# Industry standard codes registered with SAC (行业标准代号).
INDUSTRY_CODES = frozenset(
    [
        "AQ",
        "BB",
        "CB",
        "CH",
        "CJ",
        "CJJ",
        "CY",
        "DA",
        "DL",
        "DZ",
        "EJ",
        "FZ",
        "GA",
        "GC",
        "GD",
        "GH",
        "GM",
        "GY",
        "HB",
        "HG",
        "HJ",
        "HS",
        "HY",
        "JB",
        "JC",
        "JG",
        "JGJ",
        "JR",
        "JT",
        "JY",
        "LB",
        "LD",
        "LS",
        "LY",
        "MH",
        "MT",
        "MZ",
        "NB",
        "NY",
        "QB",
        "QC",
        "QJ",
        "QX",
        "RB",
        "SB",
        "SC",
        "SF",
        "SH",
        "SJ",
        "SL",
        "SN",
        "SW",
        "SY",
        "TB",
        "TD",
        "TY",
        "WB",
        "WH",
        "WJ",
        "WM",
        "WS",
        "WW",
        "XB",
        "XF",
        "YB",
        "YC",
        "YD",
        "YS",
        "YY",
        "YZ",
        "ZY",
    ]
)

# (what it is, pattern, the level it belongs to)
FORMATS: list[tuple[str, re.Pattern[str], str]] = [
    ("national standard", re.compile(rf"GB(/[TZ])? {SEQ}-(\d{{4}}|\d{{2}})"), "national"),
    ("Jiangxi local standard", re.compile(rf"DB36(\d{{2}})?(/T)? {SEQ}-\d{{4}}"), "local"),
    ("group standard", re.compile(rf"T/[A-Z][A-Z0-9]{{1,11}} {SEQ}-\d{{4}}"), "group"),
    ("enterprise standard", re.compile(r"Q/[A-Z0-9]+ [\w.]+-\d{4}"), "enterprise"),
    ("national metrology specification", re.compile(rf"JJ[FG] {SEQ}-\d{{4}}"), "national"),
    ("Jiangxi metrology specification", re.compile(rf"JJ[FG]\(赣\) ?{SEQ}-\d{{4}}"), "local"),
    (
        "departmental metrology specification",
        re.compile(rf"JJ[FG]\([\u4e00-\u9fa5]{{1,4}}\) ?{SEQ}-\d{{4}}"),
        "industry",
    ),
    ("reference material", re.compile(r"GBW(\(E\))? ?\d{5,6}[a-z]?|GSB \d{2}-\d+-\d{4}"), "national"),
    (
        "international standard",
        re.compile(r"(ISO|IEC|ISO/IEC|ITU-T|IEEE|ISO/TS|ISO/TR|IEC/TS|IEC/TR)[ /][A-Z0-9 .:/-]*\d"),
        "international",
    ),
    ("industry standard", re.compile(rf"(?!GB|DB|JJ|T/|Q/)([A-Z]{{1,4}})(/[TZ])? {SEQ}-(\d{{4}}|\d{{2}})"), "industry"),
]


DOCUMENT_NUMBER = re.compile(r"\S+〔\d{4}〕[0-9□]+号")


def check(ctx: Context) -> Iterator[Problem]:
    for record in ctx.everything:  # a record that failed its schema still gets its number checked
        number = record.get("number")
        if not isinstance(number, str):
            continue
        if record.kind in ("standard", "metrology"):
            yield from _number(record, number)
        elif record.kind == "document" and not DOCUMENT_NUMBER.fullmatch(number):
            yield problem(
                record,
                ("number",),
                "number-format",
                f"'{number}' is not a document number of the form 赣府发〔2022〕24号",
                "write the year in 〔〕 and end with 号; a lost digit is □",
            )


def classify(number: str) -> tuple[str, str] | None:
    """What a number is and the level it belongs to, or None if it has no known form."""
    for label, pattern, level in FORMATS:
        if pattern.fullmatch(number):
            if label == "industry standard" and number.split("/")[0].split(" ")[0] not in INDUSTRY_CODES:
                return None
            return label, level
    return None


def _number(record: Record, number: str) -> Iterator[Problem]:
    found = classify(number)
    level = record.get("level") or "unspecified"
    if found is None:
        yield problem(
            record,
            ("number",),
            "number-format",
            f"'{number}' is not a standard or specification number of a known form",
            _hint(number),
        )
        return
    label, expected = found
    if level not in ("unspecified", expected):
        yield problem(
            record,
            ("number",),
            "number-format",
            f"'{number}' is a {label} number, but the level is '{level}'",
            f"set level: {expected}, or correct the number",
        )


def _hint(number: str) -> str:
    if any(dash in number for dash in "—–－"):
        return "write the dash before the year as '-'"
    if "（" in number or "）" in number:
        return "write the brackets as ASCII ( )"
    if re.match(r"[A-Z]{1,4}(/[TZ])? ", number):
        return (
            "forms: GB/T 1-2020, DB36/T 1-2020, T/ABC 1-2020, NB/T 1-2020 (a registered industry code), JJF(赣) 1-2020"
        )
    return "forms: GB/T 32150-2015, DB36/T 1234-2023, T/JXAS 001-2023, JJF 1059.1-2012"
