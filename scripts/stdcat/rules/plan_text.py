"""A document text is faithful to the damaged original: its repairs reproduce it exactly.

Passes: ``seed: 二、重点任加/p>``, ``repairs: [{from: 任加/p>, to: 任务, certainty: certain}]``,
``zh: 二、重点任务``. After the repairs, ASCII ``, ; : ( )`` become full-width (the web copy's
clean-up turned them into ASCII). A paragraph missing from the source has no ``seed`` but says
how it was restored (``restored: {certainty, note}``).
Fails: a repair whose ``from`` is not in the text (text-repair); a ``zh`` that differs from the
repaired seed (text-repair, with the first difference); the same paragraph id twice
(duplicate-paragraph).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem

FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})


def repaired(seed: str, repairs: list[dict]) -> tuple[str, int | None]:
    """Apply the repairs in order; return the text and the index of a repair that did not apply."""
    text = seed
    for i, repair in enumerate(repairs):
        source = repair.get("from", "")
        if source not in text:
            return text, i
        text = text.replace(source, repair.get("to", ""), 1)
    return text.translate(FULL_WIDTH), None


def check(ctx: Context) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for text in ctx.catalog.by_kind("text"):
        for i, para in enumerate(text.get("paragraphs") or []):
            pid = para.get("id")
            if pid in seen:
                yield problem(
                    text,
                    ("paragraphs", i, "id"),
                    "duplicate-paragraph",
                    f"paragraph id '{pid}' is also used in {seen[pid]}",
                )
            seen.setdefault(pid, text.path)
            if "seed" in para:
                yield from _repairs(text, i, para)
            if ("seed" in para) == ("restored" in para):
                state = "has both a seed and 'restored'" if "seed" in para else "has neither a seed nor 'restored'"
                yield problem(
                    text,
                    ("paragraphs", i, "id"),
                    "text-repair",
                    f"paragraph '{pid}' {state}",
                    "text from the source has a seed; text supplied from elsewhere says how in 'restored'",
                )


def _repairs(text: Record, i: int, para: dict) -> Iterator[Problem]:
    result, failed = repaired(para["seed"], para.get("repairs") or [])
    if failed is not None:
        source = para["repairs"][failed].get("from")
        yield problem(
            text,
            ("paragraphs", i, "repairs", failed, "from"),
            "text-repair",
            f"repair {failed + 1} of '{para['id']}': {source!r} is not in the text at that point",
        )
        return
    zh = para.get("zh", "")
    if result != zh:
        at = next((k for k, (a, b) in enumerate(zip(result, zh, strict=False)) if a != b), min(len(result), len(zh)))
        yield problem(
            text,
            ("paragraphs", i, "zh"),
            "text-repair",
            f"'{para['id']}': the repaired seed differs from zh at character {at + 1}: "
            f"repaired {result[at : at + 12]!r}, zh {zh[at : at + 12]!r}",
            "add or correct a repair, or correct zh",
        )
