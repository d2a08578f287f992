"""Every cross-record rule, failing at the exact spot, on a copy of the minimal catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdcat.rules.numbers import classify
from tests.conftest import codes_at, edit, problems, run, write

PV = "catalog/standard/pv-modules.yaml"
PUB = "catalog/standard/pv-published.yaml"
TEXT = "catalog/text/plan-text.yaml"


def only(root: Path) -> tuple[str, int, int, str]:
    (found,) = codes_at(problems(root))
    return found


def test_minimal_catalog_is_valid(catalog_root) -> None:
    code, out, err = run(catalog_root, "validate")
    assert (code, out) == (0, "")
    assert "12 records" in err


# ids -------------------------------------------------------------------------------------------


def test_id_differs_from_file_name(catalog_root) -> None:
    edit(catalog_root, PV, "id: pv-modules", "id: pv-module")
    edit(catalog_root, PUB, "  - pv-modules", "  - pv-module")
    lines = problems(catalog_root)
    assert codes_at(lines) == [(PV, 2, 5, "file-name")]
    assert "rename the file to 'pv-module.yaml'" in lines[0]


def test_record_in_the_wrong_folder(catalog_root) -> None:
    (catalog_root / PV).rename(catalog_root / "catalog/metrology/pv-modules.yaml")
    assert only(catalog_root) == ("catalog/metrology/pv-modules.yaml", 3, 7, "kind-folder")


def test_duplicate_ids_and_aliases(catalog_root) -> None:
    write(
        catalog_root,
        "catalog/term/pv-modules.yaml",
        "id: pv-modules\nkind: term\ntitle: {zh: 甲, en: A}\ndefinition: {zh: 甲, en: A}\n",
    )
    edit(catalog_root, "catalog/term/carbon-footprint.yaml", "annex: true", "annex: true\naliases:\n  - amr")
    found = codes_at(problems(catalog_root))
    assert ("catalog/term/pv-modules.yaml", 1, 5, "duplicate-id") in found or (PV, 2, 5, "duplicate-id") in found
    assert ("catalog/term/carbon-footprint.yaml", 11, 5, "duplicate-id") in found


# references ------------------------------------------------------------------------------------


def test_broken_reference_suggests_close_ids(catalog_root) -> None:
    edit(catalog_root, PV, "  - amr", "  - amrr")
    (line,) = problems(catalog_root)
    assert line == f"{PV}:18:5: error[broken-ref]: no organization 'amrr'; close: 'amr'"


def test_reference_to_the_wrong_kind_and_to_itself(catalog_root) -> None:
    edit(catalog_root, PV, "framework: pv", "framework: amr")
    edit(catalog_root, PUB, "  - pv-modules", "  - pv-published")
    lines = problems(catalog_root)
    assert f"{PV}:13:12: error[ref-kind]: 'amr' is an organization, but 'framework' takes a framework" in lines
    assert codes_at(lines)[1] == (PUB, 24, 5, "self-ref")


def test_unknown_paragraph(catalog_root) -> None:
    edit(catalog_root, PV, "paragraph: p-1", "paragraph: p-2")
    (line,) = problems(catalog_root)
    assert line == f"{PV}:9:14: error[broken-ref]: no paragraph 'p-2' in any document text; close: 'p-1'"


def test_selector_naming_a_missing_record(catalog_root) -> None:
    edit(catalog_root, "catalog/target/local-standards.yaml", "    level:\n      - local", "    id:\n      - nowhere")
    assert only(catalog_root) == ("catalog/target/local-standards.yaml", 23, 9, "broken-ref")


# framework -------------------------------------------------------------------------------------


def test_second_root(catalog_root) -> None:
    edit(catalog_root, "catalog/framework/pv.yaml", "parent: root\n", "")
    found = codes_at(problems(catalog_root))
    assert ("catalog/framework/pv.yaml", 1, 5, "framework-root") in found or (
        "catalog/framework/root.yaml",
        1,
        5,
        "framework-root",
    ) in found


def test_cycle(catalog_root) -> None:
    edit(catalog_root, "catalog/framework/root.yaml", "order: 1", "order: 1\nparent: pv")
    edit(catalog_root, "catalog/framework/root.yaml", "code: '0'", "code: '1.1'")
    found = codes_at(problems(catalog_root))
    assert ("catalog/framework/pv.yaml", 11, 9, "framework-cycle") in found


def test_code_must_extend_the_parent_code(catalog_root) -> None:
    write(
        catalog_root,
        "catalog/framework/pv-sub.yaml",
        "id: pv-sub\nkind: framework\ntitle: {zh: 子, en: Sub}\nsource: {document: plan, paragraph: p-1, quote: 光伏}\n"
        "code: '2.1'\nparent: pv\norder: 1\n",
    )
    (line,) = problems(catalog_root)
    assert line.startswith(
        "catalog/framework/pv-sub.yaml:5:7: error[framework-code]: code 2.1 does not extend its parent's code 1"
    )


# lifecycle -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("status: published", "status: approval", (PUB, 13, 9, "status-history")),
        ("number: DB36/T 1234-2024\n", "", (PUB, 13, 9, "status-number")),
        ("  published: '2024-06-01'\n", "", (PUB, 13, 9, "status-number")),
        ("    date: '2024-01-10'", "    date: '2024-07-10'", (PUB, 18, 11, "date-order")),
        ("effective: '2024-12-01'", "effective: '2024-01-01'", (PUB, 22, 14, "date-order")),
        ("    date: '2024-06-01'", "    date: '2024-06-02'", (PUB, 18, 11, "status-history")),
    ],
)
def test_status_history_number_and_dates(catalog_root, old: str, new: str, expected: tuple) -> None:
    edit(catalog_root, PUB, old, new)
    assert expected in codes_at(problems(catalog_root))


def test_status_without_history_and_number_too_early(catalog_root) -> None:
    edit(catalog_root, PV, "status: planned", "status: drafting\nnumber: DB36/T 9-2024")
    assert codes_at(problems(catalog_root)) == [(PV, 16, 9, "status-history"), (PV, 17, 9, "status-number")]


# numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "level"),
    [
        ("GB 17167-2006", "national"),
        ("GB/T 32150-2015", "national"),
        ("GB/Z 43202-2023", "national"),
        ("NB/T 10394-2020", "industry"),
        ("DL/T 1234-93", "industry"),
        ("JGJ/T 1-2020", "industry"),
        ("DB36/T 1234-2020", "local"),
        ("DB3601/T 12-2021", "local"),
        ("T/JXAS 001-2023", "group"),
        ("Q/JX01 001-2023", "enterprise"),
        ("JJF 1059.1-2012", "national"),
        ("JJG 1000-2005", "national"),
        ("JJF(赣) 012-2024", "local"),
        ("GBW 08101", "national"),
        ("GBW(E) 081234", "national"),
        ("ISO 14064-1:2018", "international"),
    ],
)
def test_known_number_forms(number: str, level: str) -> None:
    assert classify(number) is not None and classify(number)[1] == level


@pytest.mark.parametrize(
    "number", ["GB/T 32150—2015", "XX/T 1-2020", "DB36/T1234-2020", "JJF（赣）1-2020", "GB/T 32150"]
)
def test_unknown_number_forms(number: str) -> None:
    assert classify(number) is None


def test_number_of_another_level(catalog_root) -> None:
    edit(catalog_root, PUB, "DB36/T 1234-2024", "GB/T 1234-2024")
    (line,) = problems(catalog_root)
    assert line == (
        f"{PUB}:19:9: error[number-format]: 'GB/T 1234-2024' is a national standard number, but the level is "
        "'local'; set level: national, or correct the number"
    )


def test_number_with_an_em_dash(catalog_root) -> None:
    edit(catalog_root, PUB, "DB36/T 1234-2024", "DB36/T 1234—2024")
    (line,) = problems(catalog_root)
    assert line.endswith("write the dash before the year as '-'")


def test_document_number(catalog_root) -> None:
    edit(catalog_root, "catalog/document/plan.yaml", "赣测发〔2023〕1号", "赣测发[2023]1号")
    assert only(catalog_root) == ("catalog/document/plan.yaml", 6, 9, "number-format")


# text quality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ("实施方桇/strong>", "mojibake"),
        ("?025年目标", "mojibake"),
        ("推动能?ldquo;领跑", "mojibake"),
        ("TODO", "placeholder"),
        ("待填写", "placeholder"),
    ],
)
def test_damaged_or_unfinished_text(catalog_root, new: str, code: str) -> None:
    edit(catalog_root, PV, "zh: 光伏组件检测标准", f"zh: {new}")
    assert only(catalog_root) == (PV, 5, 7, code)


def test_seed_may_hold_the_damage(catalog_root) -> None:
    assert "任加/p>" in (catalog_root / TEXT).read_text(encoding="utf-8")
    assert run(catalog_root, "validate")[0] == 0


# citations and the plan text -------------------------------------------------------------------


def test_quote_not_in_paragraph_says_where_it_differs(catalog_root) -> None:
    edit(catalog_root, PV, "quote: 开展光伏组件检测标准研究", "quote: 开展光伏组件试验标准研究")
    (line,) = problems(catalog_root)
    assert line.startswith(f"{PV}:10:10: error[quote]: the quote is not in paragraph 'p-1' (一 · 1)")
    assert "it matches up to '开展光伏组件' and then differs at '试验标准研究'" in line


def test_citing_a_text_without_paragraph(catalog_root) -> None:
    edit(catalog_root, PV, "  paragraph: p-1\n  quote: 开展光伏组件检测标准研究\n", "")
    assert only(catalog_root) == (PV, 8, 3, "citation")


def test_repair_that_does_not_apply(catalog_root) -> None:
    edit(catalog_root, TEXT, "      - from: 任加/p>", "      - from: 任务/p>")
    assert only(catalog_root) == (TEXT, 15, 15, "text-repair")


def test_repaired_text_differs(catalog_root) -> None:
    edit(catalog_root, TEXT, "zh: 一、重点任务", "zh: 一、主要任务")
    line, quote = sorted(problems(catalog_root), key=lambda x: "text-repair" not in x)
    assert "error[quote]" in quote  # the framework root quotes the old wording
    assert line.startswith(f"{TEXT}:12:9: error[text-repair]: 'h-1': the repaired seed differs from zh at character 3")


def test_punctuation_is_made_full_width(catalog_root) -> None:
    edit(catalog_root, TEXT, "研究（省市场监管局牵头）。", "研究(省市场监管局牵头)。")
    assert only(catalog_root)[3] == "text-repair"


def test_paragraph_needs_a_seed_or_a_restoration(catalog_root) -> None:
    edit(
        catalog_root,
        TEXT,
        "    seed: 一、重点任加/p>\n    repairs:\n      - from: 任加/p>\n        to: 任务\n        certainty: certain\n",
        "",
    )
    assert only(catalog_root) == (TEXT, 8, 9, "text-repair")


def test_duplicate_paragraph(catalog_root) -> None:
    edit(catalog_root, TEXT, "  - id: p-1", "  - id: h-1")
    edit(catalog_root, PV, "paragraph: p-1", "paragraph: h-1")
    found = codes_at(problems(catalog_root))
    assert (TEXT, 18, 9, "duplicate-paragraph") in found


# targets ---------------------------------------------------------------------------------------


def test_selector_field_and_value(catalog_root) -> None:
    edit(catalog_root, "catalog/target/local-standards.yaml", "    level:\n      - local", "    levle:\n      - local")
    edit(
        catalog_root, "catalog/target/lost-digit.yaml", "      - measurement-standard", "      - measurement-standards"
    )
    lines = problems(catalog_root)
    assert (
        "catalog/target/local-standards.yaml:22:5: error[target-selector]: standard records have no field 'levle'; did you mean 'level'?"
        in lines
    )
    assert any(
        line.startswith(
            "catalog/target/lost-digit.yaml:28:9: error[target-selector]: 'measurement-standards' is not a value"
        )
        for line in lines
    )


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "catalog/target/lost-digit.yaml",
            "uncertain: true\n",
            "",
            ("catalog/target/lost-digit.yaml", 15, 8, "target-value"),
        ),
        (
            "catalog/target/local-standards.yaml",
            "comparator: at-least",
            "comparator: qualitative",
            ("catalog/target/local-standards.yaml", 15, 8, "target-value"),
        ),
        (
            "catalog/target/lost-digit.yaml",
            "value: null",
            "value: 95",
            ("catalog/target/lost-digit.yaml", 15, 8, "target-value"),
        ),
    ],
)
def test_target_values(catalog_root, relative: str, old: str, new: str, expected: tuple) -> None:
    edit(catalog_root, relative, old, new)
    assert expected in codes_at(problems(catalog_root))


def test_two_problems_at_one_spot_are_both_reported(catalog_root) -> None:
    edit(catalog_root, PUB, "number: DB36/T 1234-2024\n", "")
    edit(catalog_root, PUB, "  published: '2024-06-01'\n", "")
    lines = problems(catalog_root)
    assert [c for *_, c in codes_at(lines)].count("status-number") == 2
    assert any("needs its number" in line for line in lines) and any(
        "needs its publication date" in line for line in lines
    )


def test_a_goal_without_a_number_names_its_records_by_id(catalog_root) -> None:
    target = "catalog/target/local-standards.yaml"
    edit(catalog_root, target, "value: 2\n", "")
    assert codes_at(problems(catalog_root)) == [(target, 14, 13, "target-value")]
    edit(catalog_root, target, "    level:\n      - local\n", "    id:\n      - pv-published\n")
    assert run(catalog_root, "validate")[0] == 0


# evidence --------------------------------------------------------------------------------------

EVIDENCE = """evidence:
  - url: https://example.org/notice
    title: 通知
    states: 赣测发〔2023〕1号
    read: '2026-12-06'
    supports:
      - numbr
"""


def test_evidence_supports_fields_the_record_has(catalog_root) -> None:
    plan = "catalog/document/plan.yaml"
    write(catalog_root, plan, (catalog_root / plan).read_text(encoding="utf-8") + EVIDENCE)
    lines = problems(catalog_root)
    assert codes_at(lines) == [(plan, 16, 9, "evidence")]
    assert "did you mean 'number'?" in lines[0]
    edit(catalog_root, plan, "      - numbr", "      - number")
    assert run(catalog_root, "validate")[0] == 0


def test_evidence_needs_a_public_address_a_title_and_a_date(catalog_root) -> None:
    plan = "catalog/document/plan.yaml"
    broken = EVIDENCE.replace("https://example.org/notice", "javascript:alert(1)").replace("    title: 通知\n", "")
    write(catalog_root, plan, (catalog_root / plan).read_text(encoding="utf-8") + broken)
    found = {code for *_, code in codes_at(problems(catalog_root))}
    assert {"pattern", "missing-field"} <= found


def test_evidence_quotes_a_page_as_it_is_but_no_placeholder(catalog_root) -> None:
    plan = "catalog/document/plan.yaml"
    damaged = EVIDENCE.replace("numbr", "number").replace("title: 通知", "title: 实施意见 (赣府发?022?4?")
    write(catalog_root, plan, (catalog_root / plan).read_text(encoding="utf-8") + damaged)
    assert run(catalog_root, "validate")[0] == 0, "damage quoted from a page is the page's, not ours"
    edit(catalog_root, plan, "states: 赣测发〔2023〕1号", "states: TODO")
    assert [c for *_, c in codes_at(problems(catalog_root))] == ["placeholder"]


# vocabulary ------------------------------------------------------------------------------------

VOCABULARY = "catalog/vocabulary/tags.yaml"


def vocabulary(terms: str) -> str:
    return f"id: tags\nkind: vocabulary\ntitle: {{zh: 关键词, en: Keywords}}\nfield: tags\nterms:\n{terms}"


def test_untranslated_tag_once_a_vocabulary_exists(catalog_root) -> None:
    code, _, _ = run(catalog_root, "validate")
    assert code == 0, "no vocabulary: tags are not checked"
    write(catalog_root, VOCABULARY, vocabulary("  - {zh: 组件, en: modules}\n"))
    assert codes_at(problems(catalog_root)) == [(PV, 12, 5, "tag-untranslated")]  # 光伏 has no English


def test_word_translated_twice(catalog_root) -> None:
    terms = "  - {zh: 光伏, en: PV}\n  - {zh: 组件, en: modules}\n  - {zh: 光伏, en: photovoltaics}\n"
    write(catalog_root, VOCABULARY, vocabulary(terms))
    assert codes_at(problems(catalog_root)) == [(VOCABULARY, 8, 10, "vocabulary-duplicate")]
