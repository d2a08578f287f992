"""Synonyms as data: applied to names and texts at index time, and checked by `stdcat validate`."""

from __future__ import annotations

from stdcat.search.synonyms import Synonyms, canonical, load
from tests.conftest import REPO, codes_at, problems, run, write

GROUPS = Synonyms(
    (
        ("双碳", "碳达峰碳中和", "dual carbon"),
        ("林业局", "省林业局", "江西省林业局"),
        ("pv", "photovoltaic"),
    )
)


def test_a_name_holding_a_phrase_gets_the_others_in_its_place():
    assert GROUPS.aliases("碳达峰碳中和") == ["双碳"]
    assert GROUPS.aliases("碳达峰碳中和标准体系") == ["双碳标准体系"], "a name stays in its language"
    assert GROUPS.related("碳达峰碳中和标准体系") == ["双碳", "dual carbon"], "its text finds the rest"
    assert GROUPS.aliases("Photovoltaic power") == ["pv power"]


def test_the_longest_phrase_a_name_holds_is_the_one_replaced():
    assert GROUPS.aliases("省林业局") == ["林业局", "江西省林业局"]


def test_latin_phrases_are_whole_words():
    assert GROUPS.aliases("PVC pipes") == []
    assert GROUPS.related("Photovoltaics") == []
    assert GROUPS.related("photovoltaic modules") == ["pv"]


def test_canonical_form_joins_chinese_and_spaces_the_rest():
    assert canonical("“江西绿色生态”标准、体系 abc-def") == "江西绿色生态标准体系 abc def"


def test_the_repository_file_loads():
    groups = load(REPO).groups
    assert ("双碳", "碳达峰碳中和", "dual carbon", "carbon peaking and carbon neutrality") in groups
    assert all(len(g) >= 2 for g in groups)


def test_validate_reports_a_bad_synonyms_file_with_positions(catalog_root):
    (catalog_root / "search").mkdir()
    write(catalog_root, "search/synonyms.yaml", "groups:\n  - [双碳]\n  - [光伏, '。。']\n  - wrong\n")
    found = codes_at(problems(catalog_root))
    assert [(p, line, code) for p, line, _col, code in found] == [
        ("search/synonyms.yaml", 2, "schema"),
        ("search/synonyms.yaml", 4, "type"),
    ], found


def test_validate_refuses_a_phrase_without_anything_to_search(catalog_root):
    write(catalog_root, "search/synonyms.yaml", "groups:\n  - [光伏, '。。']\n")
    assert codes_at(problems(catalog_root)) == [("search/synonyms.yaml", 2, 10, "synonym-empty")]


def test_a_valid_file_passes(catalog_root):
    write(catalog_root, "search/synonyms.yaml", "groups:\n  - [光伏发电, 太阳能发电]\n")
    assert run(catalog_root, "validate")[0] == 0
