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
    """Each paragraph's attribution: its own note, for a box the note of the item it follows, and
    for a heading of 三 or 四 (a key project, action or safeguard) the note of its one paragraph."""
    current: tuple[list[str], list[str]] | None = None
    out: dict[str, tuple[list[str], list[str]]] = {}
    headings: dict[str, str] = {}
    for paragraph in plan_paragraphs():
        role = paragraph.data.get("role")
        if role == "heading" and paragraph.data.get("level") == 1:
            current = None
        if role == "heading" and paragraph.section[:1] in "三四":
            headings[paragraph.section] = paragraph.id
        own = attribution(paragraph)
        if own:
            current = own
            out[paragraph.id] = own
            if paragraph.section in headings:
                out[headings[paragraph.section]] = own
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


def test_city_governments_implement_every_task_after_the_note_of_part_two_one() -> None:
    # 二(一)'s note: 以下均需各设区市人民政府落实，不再列出 — everything below it, so 二, 三 and 四.
    missing = [
        r.path
        for r in catalog().records.values()
        if r.kind in ("standard", "metrology", "task")
        and catalog().paragraphs.get(r.get("source", {}).get("paragraph", ""), None) is not None
        and catalog().paragraphs[r.get("source")["paragraph"]].section[:1] in "二三四"
        and CITY_GOVERNMENTS not in (r.get("implementers") or [])
    ]
    assert not missing, f"records of parts 二–四 without the city governments as implementers: {missing}"


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


# The numbered headings of 三 and 四 name the seven key projects and actions and the four safeguards.
HEADING_TYPES = {"工程": "project", "行动": "action"}


def test_each_key_project_action_and_safeguard_cites_its_heading() -> None:
    headings = [
        p for p in plan_paragraphs() if p.data.get("role") == "heading" and re.fullmatch(r"[三四]\(.\)", p.section)
    ]
    assert len(headings) == 11
    problems = []
    for heading in headings:
        name = re.sub(r"^（.）", "", heading.zh)
        wanted = "safeguard" if heading.section.startswith("四") else HEADING_TYPES[name[-2:]]
        citing = [r for r in catalog().by_kind("task") if r.get("source", {}).get("paragraph") == heading.id]
        if [(r.get("type"), r.get("title")["zh"]) for r in citing] != [(wanted, name)]:
            problems.append(f"{heading.id} {name}: cited by {[r.id for r in citing]}, wanted one {wanted} so titled")
    assert not problems, "\n".join(problems)


# The verbs of the plan that each action stands for (content guide: 制定 formulate, 研究 research …).
# 建设 and 标准化工作 say that standards or a standards system are to be made; 储备 (standards held
# in reserve for high-head hydropower) is preparatory research, 攻关 (tackling key problems) research.
ACTION_VERBS = {
    "formulate": ("制定", "编制", "构建", "建立", "建设", "标准化工作"),
    "revise": ("修订", "提升", "更新"),
    "formulate-revise": ("制修订",),
    "research": ("研究", "储备", "攻关"),
    "research-formulate": ("研究制定",),
    "explore": ("探索",),
    "develop": ("研制", "开发"),
    "implement": ("落实", "实施"),
    "promote": ("推广", "推动"),
    "participate": ("参与",),
    "improve": ("完善", "健全"),
}


def test_each_action_is_the_verb_of_its_quote() -> None:
    wrong = []
    for record in [*catalog().by_kind("standard"), *catalog().by_kind("metrology")]:
        action, quote = record.get("action"), record.get("source", {}).get("quote", "")
        if action and not any(verb in quote for verb in ACTION_VERBS[action]):
            wrong.append(f"{record.path}: action {action}, but the quote has none of {ACTION_VERBS[action]}: {quote}")
    assert not wrong, "\n".join(wrong)


LEVEL_WORDS = {
    "international": "国际",
    "national": "国家",
    "industry": "行业",
    "local": "地方",
    "group": "团体",
    "enterprise": "企业",
}


def test_a_level_is_given_only_where_the_quote_states_it() -> None:
    wrong = [
        f"{r.path}: level {r.get('level')}, but the quote does not say {LEVEL_WORDS[r.get('level')]}"
        for r in [*catalog().by_kind("standard"), *catalog().by_kind("metrology")]
        if r.get("level", "unspecified") != "unspecified"
        and LEVEL_WORDS[r.get("level")] not in r.get("source", {}).get("quote", "")
    ]
    assert not wrong, "\n".join(wrong)


def shared_start(a: str, b: str) -> int:
    """How many leading characters two strings have in common."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def repaired_spans(paragraph: Paragraph) -> list[tuple[int, int, dict]]:
    """Where in the repaired text each repair changed something: (start, end, repair)."""
    text, spans = paragraph.data.get("seed"), []
    if text is None:
        return []
    for repair in paragraph.data.get("repairs") or []:
        old, new = repair["from"], repair["to"]
        at, shift = text.find(old), len(new) - len(old)
        spans = [(a + shift, b + shift, r) if a > at else (a, b, r) for a, b, r in spans]
        text = text[:at] + new + text[at + len(old) :]
        same = shared_start(old, new)
        tail = shared_start(old[same:][::-1], new[same:][::-1])
        spans.append((at + same, at + len(new) - tail, repair))
    return spans


REPAIR_WORDS = ("修复", "损坏", "缺失", "推定", "推断", "□")


def test_a_quote_over_an_uncertain_repair_says_so_in_its_notes() -> None:
    silent = []
    for record in catalog().records.values():
        source = record.get("source")
        paragraph = catalog().paragraphs.get(source.get("paragraph", "")) if isinstance(source, dict) else None
        if paragraph is None:
            continue
        start = paragraph.zh.find(source["quote"])
        end = start + len(source["quote"])
        notes = (record.get("notes") or {}).get("zh", "")
        for a, b, repair in repaired_spans(paragraph):
            if repair["certainty"] != "certain" and a < end and b > start and not any(w in notes for w in REPAIR_WORDS):
                silent.append(f"{record.path}: quotes the {repair['certainty']} repair {repair['to']} without a note")
    assert not silent, "\n".join(silent)


def test_no_two_plan_items_share_a_title() -> None:
    seen: dict[str, str] = {}
    twins = []
    for record in catalog().records.values():
        if record.kind in ("standard", "metrology", "task", "target", "organization"):
            title = record.get("title")["zh"]
            if title in seen:
                twins.append(f"{record.id} and {seen[title]}: {title}")
            seen[title] = record.id
    assert not twins, "\n".join(twins)
