"""Text is clean: no encoding damage, no control characters, no placeholders left in.

Passes: ``title: {zh: 光伏组件修复标准, en: Repair of PV modules}``.
Fails: ``zh: 实施方桇/strong>`` or ``?025年`` (mojibake: the damage of the plan's web copy);
``zh: "a\\x07b"`` (control-char, written as a YAML escape); ``en: TODO`` (placeholder).
The damaged originals kept on purpose in a text's ``seed``, and a repair's ``from`` and ``note``
(which may quote the damage), are exempt; so is encoding damage in what evidence quotes from a page
(its ``title`` and ``states``), which is copied as the page gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.decode import CONTROL
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem, strings

MOJIBAKE = re.compile(
    r"\ufffd"  # replacement character
    r"|/(p|strong|span|div)>|<br ?/?>|br />"  # HTML left behind when a '<' was eaten
    r"|&?\b(nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|amp|quot);"
    r"|[\u4e00-\u9fff]\?|\?[\u4e00-\u9fff0-9]"  # a '?' standing for a lost character
    r"|锟斤拷|烫烫烫|鈥|锛|銆|Ã.|â€|Â"  # UTF-8 read as GBK or Latin-1
)
PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|待填写|待补充")
# A character or word that every kind of damage or placeholder above needs: one quick scan of a
# file's text rules out almost every record, and only the rest are checked value by value.
# A backslash stands for YAML escapes, which can spell a control character.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffd?\\\\>;锟烫鈥锛銆ÃÂâ]")
_SUSPECT_WORDS = ("TODO", "FIXME", "TBD", "XXX", "待填写", "待补充")


def _suspect(text: str | None) -> bool:
    return text is None or bool(_SUSPECT.search(text)) or any(word in text for word in _SUSPECT_WORDS)


def _exempt(record: Record, path: tuple[str | int, ...]) -> bool:
    if record.kind != "text" or len(path) < 3 or path[0] != "paragraphs":
        return False
    # A repair quotes the damage: its "from" and its note (one text, or each language of it).
    return path[2] == "seed" or (path[2] == "repairs" and len(path) > 4 and path[4] in ("from", "note"))


def _quoted_from_a_page(path: tuple[str | int, ...]) -> bool:
    return "evidence" in path and path[-1] in ("title", "states")


def check(ctx: Context) -> Iterator[Problem]:
    # Every loaded record, valid or not: a placeholder is worth reporting beside schema errors.
    for record in ctx.everything:
        if not _suspect(record.loaded.text):
            continue
        for path, text in strings(record.data):
            if _exempt(record, path):
                continue
            yield from _one(record, path, text)


def _one(record: Record, path: tuple[str | int, ...], text: str) -> Iterator[Problem]:
    where = ".".join(str(p) for p in path)
    control = CONTROL.search(text)
    if control:
        yield problem(
            record,
            path,
            "control-char",
            f"'{where}' holds the control character U+{ord(control.group()[0]):04X}",
            "delete it",
        )
    damage = None if _quoted_from_a_page(path) else MOJIBAKE.search(text)
    if damage:
        yield problem(
            record,
            path,
            "mojibake",
            f"'{where}' holds encoding damage {damage.group()!r}",
            "repair it from the plan text; write a lost character as □",
        )
    placeholder = PLACEHOLDER.search(text)
    if placeholder:
        yield problem(
            record, path, "placeholder", f"'{where}' still holds the placeholder {placeholder.group()!r}", "fill it in"
        )
