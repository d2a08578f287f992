"""The real catalog stays faithful to the plan: it validates, cites every paragraph, and carries
every department and every attribution exactly as the plan gives them."""

from __future__ import annotations

import re
from functools import cache

import pytest

from stdcat.catalog import Catalog, Paragraph
from stdcat.check import check
from tests.conftest import REPO

NOTE = re.compile(r"（([^（）]*?)按职责分工负责[^（）]*）")
CITY_GOVERNMENTS = "shequshi-renmin-zhengfu"


@cache
def catalog() -> Catalog:
    result = check(REPO)
    assert result.ok, "\n".join(p.text() for p in result.problems[:20])
    return result.catalog


def plan_paragraphs() -> list[Paragraph]:
    (text,) = [t for t in catalog().by_kind("text") if t.get("document") == "jiangxi-plan-2023"]
    return [catalog().paragraphs[p["id"]] for p in text.get("paragraphs")]


def attribution(paragraph: Paragraph) -> tuple[list[str], list[str]] | None:
    """(lead, participants) as short forms, from the paragraph's responsibility note."""
    match = NOTE.search(paragraph.zh)
    if not match:
        return None
    names = match.group(1).removesuffix("等")
    lead, _, rest = names.rpartition("牵头，")
    return ([lead] if lead else []), rest.split("、")


def by_short() -> dict[str, str]:
    return {org.get("short"): org.id for org in catalog().by_kind("organization")}


def test_the_real_catalog_validates() -> None:
    assert len(catalog()) > 250


def test_every_paragraph_of_parts_two_and_three_is_cited() -> None:
    cited = {
        r.get("source", {}).get("paragraph") for r in catalog().records.values() if isinstance(r.get("source"), dict)
    }
    wanted = [p for p in plan_paragraphs() if p.section[:1] in "二三" and p.data.get("role") in ("body", "box-item")]
    assert len(wanted) > 60
    missing = [f"{p.id} ({p.section})" for p in wanted if p.id not in cited]
    assert not missing, f"paragraphs no record cites: {missing}"


def test_every_department_the_plan_names_is_an_organization() -> None:
    shorts = by_short()
    named = set()
    for paragraph in plan_paragraphs():
        found = attribution(paragraph)
        if found:
            named.update(found[0] + found[1])
    issuers = catalog().paragraphs["p-issuers"].zh.split()
    named.update(issuers)
    assert len(named) > 25
    assert named <= set(shorts), f"named in the plan but not in catalog/organization: {named - set(shorts)}"
    plan = catalog().get("jiangxi-plan-2023")
    assert plan.get("issuers") == [shorts[name] for name in issuers]


def inherited_attributions() -> dict[str, tuple[list[str], list[str]]]:
    """Each paragraph's attribution: its own note, or for a box the note of the item it follows."""
    current: tuple[list[str], list[str]] | None = None
    out: dict[str, tuple[list[str], list[str]]] = {}
    for paragraph in plan_paragraphs():
        role = paragraph.data.get("role")
        if role == "heading" and paragraph.data.get("level") == 1:
            current = None
        own = attribution(paragraph)
        if own:
            current = own
            out[paragraph.id] = own
        elif role == "box-item" and current:
            out[paragraph.id] = current
    return out


@pytest.mark.parametrize("kind", ["standard", "metrology", "task"])
def test_every_attribution_appears_on_its_records(kind: str) -> None:
    shorts = by_short()
    notes = inherited_attributions()
    wrong = []
    for record in catalog().by_kind(kind):
        pid = record.get("source", {}).get("paragraph")
        if pid not in notes:
            continue
        lead, participants = notes[pid]
        expected = ([shorts[s] for s in lead], [shorts[s] for s in participants])
        actual = (record.get("lead") or [], record.get("participants") or [])
        if (sorted(actual[0]), sorted(actual[1])) != (sorted(expected[0]), sorted(expected[1])):
            wrong.append(f"{record.path}: lead {actual[0]} participants {actual[1]}, the plan says {expected}")
    assert not wrong, "\n".join(wrong)


def test_city_governments_implement_every_task_of_part_two() -> None:
    missing = [
        r.path
        for r in catalog().records.values()
        if r.kind in ("standard", "metrology", "task")
        and catalog().paragraphs.get(r.get("source", {}).get("paragraph", ""), None) is not None
        and catalog().paragraphs[r.get("source")["paragraph"]].section.startswith("二")
        and CITY_GOVERNMENTS not in (r.get("implementers") or [])
    ]
    assert not missing, f"records of part 二 without the city governments as implementers: {missing}"


def test_lost_digits_are_unknown_never_guessed() -> None:
    targets = catalog().by_kind("target")
    unknown = [t for t in targets if t.get("comparator") != "qualitative" and t.get("value") is None]
    assert len(unknown) == 3
    for target in unknown:
        assert target.get("uncertain") is True and target.get("value_range") and target.get("notes")
    text = catalog().paragraphs["p-1-2-2025"].zh
    assert "新建或改造计量标准达到□0项" in text and "不少于□0种" in text and "不少于□项" in text


def test_every_record_has_an_english_title_and_summary() -> None:
    lacking = [
        r.path
        for r in catalog().records.values()
        if r.kind in ("standard", "metrology", "task", "target", "framework") and not (r.get("summary") or {}).get("en")
    ]
    assert not lacking, f"records without an English summary: {lacking[:10]} …"
