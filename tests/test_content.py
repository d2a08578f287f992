"""The real catalog stays faithful to the plan: it validates, cites every paragraph, and carries
every department and every attribution exactly as the plan gives them."""

from __future__ import annotations

import re
from functools import cache

import pytest

from stdcat.catalog import Catalog, Paragraph
from stdcat.check import check
from tests.conftest import REPO, run

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
    unknown = [t for t in targets if "value" in t.data and t.get("value") is None]
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


def test_validate_and_fmt_check_are_clean_on_the_real_catalog() -> None:
    assert run(REPO, "validate")[0] == 0, run(REPO, "validate")[1][:2000]
    code, out, err = run(REPO, "fmt", "--check")
    assert code == 0, out[:2000] + err


# --- One target per goal -------------------------------------------------------------------------
# 一(二) states its goals as clauses of compound sentences. Each goal is a target of its own; a clause
# that only qualifies the goal before it (it has no subject of its own) stays with that goal.
GOAL_PARAGRAPHS = ("p-1-2-2025", "p-1-2-2030", "p-1-2-2060")
QUALIFIERS = (
    "基本覆盖重点产业发展领域",
    "全面满足碳达峰目标实现的需要",
    "服务经济社会发展绿色化、低碳化",
    "有力支撑碳中和目标实现",
)
HORIZON_CLAUSE = re.compile(r"^到\d{4}年$")


def goals(text: str) -> list[str]:
    """The goals of a paragraph of 一(二): its clauses, each with the qualifying clauses after it."""
    out: list[str] = []
    for clause in filter(None, re.split(r"[，。；]", text)):
        if HORIZON_CLAUSE.match(clause):
            continue
        if clause in QUALIFIERS:
            out[-1] += "，" + clause
        else:
            out.append(clause)
    return out


@pytest.mark.parametrize("paragraph", GOAL_PARAGRAPHS)
def test_each_goal_of_a_compound_goal_sentence_is_one_target(paragraph: str) -> None:
    wanted = goals(catalog().paragraphs[paragraph].zh)
    every_goal_text = "".join(catalog().paragraphs[p].zh for p in GOAL_PARAGRAPHS)
    assert wanted and all(q in every_goal_text for q in QUALIFIERS), "a qualifier no longer in 一(二)"
    targets = [t for t in catalog().by_kind("target") if t.get("source", {}).get("paragraph") == paragraph]
    covered = {t.id: [g for g in wanted if g.split("，")[0] in t.get("source")["quote"]] for t in targets}
    broad = {tid: found for tid, found in covered.items() if len(found) != 1}
    assert not broad, f"targets that do not quote exactly one goal: {broad}"
    counts = {g: [tid for tid, found in covered.items() if g in found] for g in wanted}
    wrong = {g: tids for g, tids in counts.items() if len(tids) != 1}
    assert not wrong, f"goals without exactly one target: {wrong}"


# --- Facts from outside the plan carry evidence ----------------------------------------------------
# How an outside fact is recognised (the content guide says the same):
# 1. a document's `url`, its `date` unless the plan's text writes it (2023年, 1997年), and its
#    `number` unless the plan's undamaged seed text has it or it keeps a lost digit as □;
# 2. in a term's definition, summary and notes, and a document's summary and notes: a figure, a
#    standard or document code (GB, JJF, JJG, DB36, GSB, T/, Q/ …) or a 《title》 that the plan's
#    text does not contain.
# Each needs an `evidence` entry whose `supports` names the field.
FIGURE = re.compile(r"(?<![A-Za-z0-9/.])\d+(?:[.,]\d+)*")
CODE = re.compile(r"\b(?:GB(?:/[TZ])?|JJ[FG]|DB\d{2}|GSB|GBW)\b|(?<![A-Za-z])[TQ]/")
TITLE = re.compile(r"《[^《》]+》")
EXPLAINING_KINDS = {"term": ("definition", "summary", "notes"), "document": ("summary", "notes")}


@cache
def plan_text() -> str:
    paragraphs = plan_paragraphs()
    return "\n".join(p.zh for p in paragraphs) + "\n" + "\n".join(str(p.data.get("en", "")) for p in paragraphs)


def seed_text() -> str:
    ascii_to_full = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
    return "\n".join(str(p.data.get("seed", "")).translate(ascii_to_full) for p in plan_paragraphs())


@cache
def lost_digit_patterns() -> list[re.Pattern[str]]:
    """A figure that fills a □ of the plan (10 or 90 for □0, 11, 21 or 31 for the day □1) says what
    the lost digit may be: an inference from the plan, not an outside fact."""
    tokens = set(re.findall(r"\d*□\d*", plan_text()))
    return [re.compile(re.escape(token).replace("□", r"\d")) for token in tokens]


def from_the_plan(figure: str) -> bool:
    return (
        figure in plan_text()
        or figure.replace(",", "") in plan_text()
        or any(p.fullmatch(figure) for p in lost_digit_patterns())
    )


def written_date(date: str) -> str:
    """A partial date as the plan would write it: 2023年, 2022年10月, 2022年12月20日."""
    parts = [int(p) for p in date.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))


def supported(record, field: str) -> bool:
    return any(field in (e.get("supports") or []) for e in record.get("evidence") or [])


def outside_facts(record) -> list[tuple[str, str]]:
    """(field, fact) for every fact of the record recognised as coming from outside the plan."""
    found: list[tuple[str, str]] = []
    if record.kind == "document":
        if record.get("url"):
            found.append(("url", record.get("url")))
        date = record.get("date")
        if date and written_date(date) not in plan_text():
            found.append(("date", date))
        number = record.get("number")
        if number and "□" not in number and number not in seed_text():
            found.append(("number", number))
        if number and "□" in number and number not in plan_text():
            found.append(("number", number))
    for field in EXPLAINING_KINDS.get(record.kind, ()):
        value = record.get(field) or {}
        text = " ".join(str(v) for v in value.values()) if isinstance(value, dict) else ""
        facts = [*FIGURE.findall(text), *CODE.findall(text), *TITLE.findall(text)]
        found += [(field, f) for f in dict.fromkeys(facts) if not from_the_plan(f)]
    return found


def test_outside_facts_are_recognised() -> None:
    """The recogniser sees what it is meant to: a figure, a code and a title the plan does not have."""
    fake = type(
        "R",
        (),
        {
            "kind": "term",
            "get": lambda self, f, d=None: {
                "definition": {"zh": "门槛为2.6万吨，编号以 DB36 开头，见《某办法》；2025年目标。", "en": "x"}
            }.get(f, d),
        },
    )()
    assert [f for _, f in outside_facts(fake)] == ["2.6", "DB36", "《某办法》"]


def test_every_outside_fact_cites_a_page_that_states_it() -> None:
    unsupported = [
        f"{r.path}: {field} holds {fact!r}, which the plan does not give: add evidence supporting '{field}'"
        for r in catalog().records.values()
        for field, fact in outside_facts(r)
        if not supported(r, field)
    ]
    assert not unsupported, "\n".join(unsupported)


def test_evidence_is_dated_and_quotes_the_page() -> None:
    for record in catalog().records.values():
        for entry in record.get("evidence") or []:
            assert entry["read"] <= "2026-12-06" and entry["url"].startswith(("https://", "http://")), record.path
            assert len(entry["states"]) >= 4 and entry["supports"], (
                f"{record.path}: say what the page states and supports"
            )


DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕(\d+)号")


def test_a_repair_resting_on_an_outside_fact_is_certain_only_with_its_source() -> None:
    # A document's serial number that the damage ate cannot come from the plan itself: a repair
    # that restores one cites the page that gives it, or says it is not certain.
    wrong = []
    for paragraph in plan_paragraphs():
        for repair in paragraph.data.get("repairs") or []:
            restored = [m for m in DOCUMENT_NUMBER.finditer(repair["to"]) if f"{m.group(1)}号" not in repair["from"]]
            if restored and repair["certainty"] == "certain" and not repair.get("evidence"):
                wrong.append(f"{paragraph.id}: {repair['to']} restores a serial number without evidence")
    assert not wrong, "\n".join(wrong)


def test_a_quotation_mark_the_seed_shows_no_trace_of_is_not_certain() -> None:
    # The clean-up removed intact quotation marks; only those merged into a '?' left 'ldquo;' or
    # 'rdquo;' behind. A mark restored beyond those is an inference: high at best.
    wrong = []
    for paragraph in plan_paragraphs():
        for repair in paragraph.data.get("repairs") or []:
            old, new = repair["from"], repair["to"]
            extra = new.count("“") - old.count("ldquo") + new.count("”") - old.count("rdquo")
            if extra > 0 and repair["certainty"] == "certain":
                wrong.append(f"{paragraph.id}: {old} → {new} adds {extra} quotation mark(s) and is 'certain'")
    assert not wrong, "\n".join(wrong)


def test_no_unknown_number_is_written_as_a_number() -> None:
    # A goal without a number (力争筹建…) has no value; a lost digit is null with its known shape.
    for target in catalog().by_kind("target"):
        quote = target.get("source")["quote"]
        value = target.get("value")
        if isinstance(value, int):
            assert str(value) in quote, f"{target.path}: value {value} is not in its quote {quote}"
    centre = catalog().get("target-2025-national-carbon-metrology-centre")
    assert "value" not in centre.data and "unit" not in centre.data


# --- One term, one rendering -----------------------------------------------------------------------
GUIDE = REPO / "docs" / "contributing" / "content-guide.md"


@cache
def held_terms() -> list[tuple[str, str, tuple[str, ...]]]:
    """The rows of the content guide's terminology table that name renderings no longer used."""
    section = GUIDE.read_text(encoding="utf-8").split("## Terminology (zh → en)")[1].split("\n## ")[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[2] and cells[0] != "zh" and set(cells[2]) != {"-"}:
            rows.append((cells[0], cells[1], tuple(n.strip() for n in cells[2].split(";") if n.strip())))
    return sorted(rows, key=lambda row: -len(row[0]))  # a longer term first: 计量监督 before 计量


def stems(rendering: str) -> list[str]:
    """The words of a rendering cut to their first six letters, so that inflections match."""
    return [w[:6] for w in re.findall(r"[a-z]+", rendering.lower()) if w not in ("and", "of", "with", "the")]


def bilingual_pairs(value: object, path: tuple = ()):
    """Every {zh, en} pair inside a record (titles, summaries, notes, paragraphs of a text …)."""
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
            yield path, value["zh"], value["en"]
        for key, item in value.items():
            yield from bilingual_pairs(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from bilingual_pairs(item, (*path, i))


def test_the_guide_holds_the_renderings_the_audit_found_mixed() -> None:
    held = {zh for zh, _, _ in held_terms()}
    assert {"转型", "领跑者", "低产林改造", "防冻", "检验标准", "计量监督"} <= held


def test_one_term_one_rendering_across_records_framework_glossary_and_text() -> None:
    wrong = []
    for record in catalog().records.values():
        for path, zh, en in bilingual_pairs(record.data):
            lower = en.lower()
            for term, rendering, avoided in held_terms():
                if term not in zh:
                    continue
                zh = zh.replace(term, "□" * len(term))  # a longer term has taken these characters
                where = f"{record.path} {'.'.join(map(str, path))}"
                missing = [s for s in stems(rendering) if not re.search(r"\b" + re.escape(s), lower)]
                if missing:
                    wrong.append(f"{where}: {term} should read '{rendering}' ({missing} missing)")
                wrong += [f"{where}: {term} reads '{a}', not '{rendering}'" for a in avoided if a.lower() in lower]
    assert not wrong, "\n".join(wrong)


@cache
def imperative_verbs() -> set[str]:
    """The verbs that open the sentences of the plan's English translation (Carry out, Strengthen …)."""
    verbs = set()
    for paragraph in plan_paragraphs():
        if paragraph.data.get("role") not in ("body", "box-item", "heading"):
            continue
        sentences = re.split(r"(?<=[.;])\s+", str(paragraph.data.get("en", "")))
        for sentence in sentences[1:] if paragraph.data.get("role") == "box-item" else sentences:
            words = re.sub(r"^[\d().IVX]+\s*", "", sentence).split()
            if words and words[0][0].isupper():
                verbs.add(words[0].lower())
    return verbs - {"the", "a", "by", "in", "for", "to", "with", "all", "each", "on", "based", "relying", "focusing"}


def imperative(title: str) -> bool:
    """Whether a title opens with a bare verb: 'Strengthen …', not 'Strengthening …' or 'Research on …'."""
    words = title.lower().split()
    nominal = words[0].endswith("ing") or (len(words) > 1 and words[1] in ("on", "of", "into", "for"))
    return words[0] in imperative_verbs() and not nominal


def test_task_titles_are_noun_phrases() -> None:
    assert {"strengthen", "carry", "build", "improve"} <= imperative_verbs()
    assert imperative("Strengthen metrological supervision") and not imperative(
        "Strengthening metrological supervision"
    )
    wrong = [f"{t.path}: {t.get('title')['en']}" for t in catalog().by_kind("task") if imperative(t.get("title")["en"])]
    assert not wrong, "task titles in the imperative:\n" + "\n".join(wrong)


# The comparator a target's wording calls for (content guide): the plan states no exact counts.
COMPARATOR_WORDS = {"at-least": ("不少于",), "strive": ("力争",), "reach": ("达到", "建设")}


def test_a_comparator_follows_the_wording_of_its_goal() -> None:
    wrong = []
    for target in catalog().by_kind("target"):
        comparator, quote = target.get("comparator"), target.get("source")["quote"]
        if comparator == "exactly" or (
            comparator in COMPARATOR_WORDS and not any(w in quote for w in COMPARATOR_WORDS[comparator])
        ):
            wrong.append(f"{target.path}: {comparator}, but the goal reads {quote}")
        if "不少于" in quote and comparator != "at-least":
            wrong.append(f"{target.path}: {quote} says 不少于 (at-least), not {comparator}")
    assert not wrong, "\n".join(wrong)
