"""Schema problems read like a compiler's, at the right spot, with a hint where one helps."""

from __future__ import annotations

from tests.conftest import codes_at, edit, problems

STANDARD = "catalog/standard/pv-modules.yaml"


def test_unknown_field_points_at_the_key_with_a_suggestion(catalog_root) -> None:
    edit(catalog_root, STANDARD, "title:", "titel:")
    lines = problems(catalog_root)
    assert f"{STANDARD}:4:1: error[unknown-field]: unknown field 'titel'; did you mean 'title'?" in lines
    missing = f"{STANDARD}:2:1: error[missing-field]: missing required field 'title' in the record"
    assert f"{missing}; Title in Chinese and English." in lines


def test_unknown_nested_field(catalog_root) -> None:
    edit(catalog_root, STANDARD, "  en: Test methods", "  eng: Test methods")
    assert codes_at(problems(catalog_root)) == [
        (STANDARD, 5, 3, "missing-field"),
        (STANDARD, 6, 3, "unknown-field"),
    ]


def test_enum_typo(catalog_root) -> None:
    edit(catalog_root, STANDARD, "level: local", "level: locl")
    (line,) = problems(catalog_root)
    assert line.startswith(f"{STANDARD}:15:8: error[enum]: 'level' is 'locl', not one of: international, national")
    assert line.endswith("did you mean 'local'?")


def test_wrong_types_with_hints(catalog_root) -> None:
    edit(catalog_root, "catalog/framework/pv.yaml", "order: 1", "order: first")
    edit(catalog_root, "catalog/term/carbon-footprint.yaml", "annex: true", "annex: yes")
    lines = problems(catalog_root)
    assert "catalog/framework/pv.yaml:12:8: error[type]: 'order' must be a whole number, not the text 'first'" in lines
    assert any(
        line.startswith("catalog/term/carbon-footprint.yaml:9:8: error[type]: 'annex' must be true or false")
        and "yes/no/on/off are text" in line
        for line in lines
    )


def test_unquoted_number_where_text_is_wanted(catalog_root) -> None:
    edit(catalog_root, "catalog/framework/pv.yaml", "code: '1'", "code: 1")
    (line,) = problems(catalog_root)
    assert line.startswith("catalog/framework/pv.yaml:10:7: error[type]: 'code' must be text, not the number 1")
    assert line.endswith("put the value in quotes")


def test_dates_are_checked_as_dates(catalog_root) -> None:
    edit(catalog_root, "catalog/standard/pv-published.yaml", "effective: '2024-12-01'", "effective: 2024-02-30")
    (line,) = problems(catalog_root)
    assert line.startswith(
        "catalog/standard/pv-published.yaml:22:14: error[format]: 'effective' is '2024-02-30', not a valid date"
    )


def test_bad_id_form(catalog_root) -> None:
    edit(catalog_root, STANDARD, "id: pv-modules", "id: PV_Modules")
    found = codes_at(problems(catalog_root))
    assert (STANDARD, 2, 5, "pattern") in found
    assert (STANDARD, 2, 5, "file-name") in found
    # The record still counts as checked: a reference to its old id is reported as broken.
    assert ("catalog/standard/pv-published.yaml", 24, 5, "broken-ref") in found


def test_missing_kind_and_unknown_kind(catalog_root) -> None:
    edit(catalog_root, STANDARD, "kind: standard", "kind: standerd")
    edit(catalog_root, "catalog/term/carbon-footprint.yaml", "kind: term\n", "")
    assert codes_at(problems(catalog_root)) == [
        ("catalog/standard/pv-modules.yaml", 3, 7, "unknown-kind"),
        ("catalog/term/carbon-footprint.yaml", 1, 1, "unknown-kind"),
    ]


def test_status_of_a_specification_uses_the_stages(catalog_root) -> None:
    edit(catalog_root, "catalog/metrology/pv-spec.yaml", "status: planned", "status: completed")
    (line,) = problems(catalog_root)
    assert line.startswith(
        "catalog/metrology/pv-spec.yaml:12:9: error[enum]: 'status' is 'completed', not one of: planned, preliminary"
    )


def test_repeated_list_items(catalog_root) -> None:
    edit(catalog_root, STANDARD, "  - 光伏\n", "  - 光伏\n  - 光伏\n")
    assert codes_at(problems(catalog_root)) == [(STANDARD, 12, 3, "schema")]


def test_one_run_reports_schema_and_catalog_problems_of_a_record(catalog_root) -> None:
    # A record that fails its schema is still checked against the rest of the catalog, so a
    # contributor sees every problem at once, not one layer after another.
    edit(catalog_root, STANDARD, "title:", "titel:")
    edit(catalog_root, STANDARD, "framework: pv", "framework: pv-nowhere")
    edit(catalog_root, STANDARD, "quote: 开展光伏组件检测标准研究", "quote: 开展光伏逆变器检测标准研究")
    edit(catalog_root, STANDARD, "  - amr", "  - amx")
    found = {code for *_, code in codes_at(problems(catalog_root))}
    assert found == {"unknown-field", "missing-field", "broken-ref", "quote"}
    lines = problems(catalog_root)
    assert f"{STANDARD}:13:12: error[broken-ref]: no framework 'pv-nowhere'" in lines
    assert any(line.startswith(f"{STANDARD}:18:5: error[broken-ref]: no organization 'amx'") for line in lines)


def test_a_refused_value_is_not_judged_again(catalog_root) -> None:
    edit(catalog_root, "catalog/metrology/pv-spec.yaml", "status: planned", "status: completed")
    # The enum says it all: no 'completed has no history entry' on top.
    assert [code for *_, code in codes_at(problems(catalog_root))] == ["enum"]
