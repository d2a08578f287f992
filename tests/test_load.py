"""The loader refuses, with a positioned problem, everything a record file must not be."""

from __future__ import annotations

import pytest

from stdcat.load import load_text
from tests.conftest import codes_at, problems, run, write

GOOD = "id: x\nkind: term\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: x\nid: y\n", [(2, 1, "duplicate-key")]),
        ("id: x\ntitle:\n  zh: a\n  zh: b\n", [(4, 3, "duplicate-key")]),
        ("id: !!python/object/apply:os.system ['true']\n", [(1, 5, "yaml-tag")]),
        ("id: !custom x\n", [(1, 5, "yaml-tag")]),
        ("a: &a [1, 2]\nb: *a\n", [(2, 1, "yaml-alias")]),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", [(3, 3, "yaml-alias")]),
        ("id: x\n---\nid: y\n", [(2, 1, "multiple-documents")]),
        ("- id: x\n", [(1, 1, "not-a-mapping")]),
        ("just text\n", [(1, 1, "not-a-mapping")]),
        ("", [(1, 1, "empty-file")]),
        ("# only a comment\n", [(1, 1, "empty-file")]),
        ("id: [x\n", [(2, 1, "yaml-syntax")]),
        ("id: x\n  bad: indent\n", [(2, 6, "yaml-syntax")]),
        ("1: x\n", [(1, 1, "key-type")]),
        ("? [a]\n: x\n", [(1, 3, "key-type")]),
        ("a: !!int x\n", [(1, 4, "yaml-tag")]),
    ],
)
def test_refusals(text: str, expected: list[tuple[int, int, str]]) -> None:
    loaded = load_text(text, "f.yaml")
    assert [(p.line, p.col, p.code) for p in loaded.problems] == expected
    assert loaded.data is None


def test_yaml_12_core_schema_keeps_dates_and_yes_no_as_text() -> None:
    loaded = load_text(
        "a: 2025-12-31\nb: no\nc: on\nd: off\ne: yes\nf: true\ng: 010\nh: 0x1f\ni: ~\nj: 1:20\n", "f.yaml"
    )
    assert loaded.data == {
        "a": "2025-12-31",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": "yes",
        "f": True,
        "g": 10,
        "h": 31,
        "i": None,
        "j": "1:20",
    }


def test_positions_of_every_key_and_value() -> None:
    loaded = load_text("id: x\ntitle:\n  zh: 标题\n  en: Title\ntags:\n  - a\n  - b\n", "f.yaml")
    assert loaded.where(("title", "en")) == (4, 7)
    assert loaded.where(("title", "en"), key=True) == (4, 3)
    assert loaded.where(("tags", 1)) == (7, 5)
    assert loaded.where(("tags", 9)) == (6, 3)  # nearest known ancestor


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(20)
    ]
    loaded = load_text("\n".join(lines) + "\n", "f.yaml")
    assert loaded.data is None
    assert {p.code for p in loaded.problems} == {"yaml-alias"}


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    for text in ("a: " + "[" * 5000 + "]" * 5000 + "\n", "a: " + "[" * 40 + "]" * 40 + "\n"):
        loaded = load_text(text, "f.yaml")
        assert loaded.data is None
        assert loaded.problems[0].code in {"too-deep", "yaml-syntax"}


def test_bytes_that_are_not_utf8(catalog_root) -> None:
    write(catalog_root, "catalog/term/gbk.yaml", "id: gbk\nkind: term\ntitle:\n  zh: 碳足迹\n".encode("gb18030"))
    (found,) = [line for line in problems(catalog_root) if "gbk.yaml" in line]
    # 碳 in GB18030 happens to be a valid two-byte UTF-8 sequence; 足 is where decoding fails.
    assert found.startswith("catalog/term/gbk.yaml:4:8: error[not-utf8]:")
    assert "GBK" in found


def test_utf16_and_utf8_bom(catalog_root) -> None:
    write(catalog_root, "catalog/term/wide.yaml", "\ufeffid: wide\n".encode("utf-16"))
    bom = "\ufeff" + (catalog_root / "catalog/term/carbon-footprint.yaml").read_text(encoding="utf-8")
    write(catalog_root, "catalog/term/carbon-footprint.yaml", bom.encode("utf-8"))
    assert codes_at(problems(catalog_root)) == [("catalog/term/wide.yaml", 1, 1, "not-utf8")]


def test_control_characters(catalog_root) -> None:
    write(catalog_root, "catalog/term/ctl.yaml", "id: ctl\nkind: term\ntitle:\n  zh: 碳\x07足迹\n")
    assert codes_at(problems(catalog_root)) == [("catalog/term/ctl.yaml", 4, 8, "control-char")]


def test_control_character_written_as_an_escape(catalog_root) -> None:
    path = catalog_root / "catalog/term/carbon-footprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("zh: 碳足迹", 'zh: "碳\\x1b足迹"'), encoding="utf-8")
    assert codes_at(problems(catalog_root)) == [("catalog/term/carbon-footprint.yaml", 4, 7, "control-char")]


def test_too_large(catalog_root) -> None:
    write(catalog_root, "catalog/term/big.yaml", "id: big\nnote: " + "x" * (1024 * 1024) + "\n")
    assert codes_at(problems(catalog_root)) == [("catalog/term/big.yaml", 1, 1, "file-too-large")]


def test_one_broken_file_never_stops_the_others(catalog_root) -> None:
    write(catalog_root, "catalog/term/a.yaml", "id: a\nid: b\n")
    write(catalog_root, "catalog/term/b.yaml", "id: [\n")
    write(catalog_root, "catalog/term/c.yaml", GOOD + "titel: x\n")
    found = {(path, code) for path, _, _, code in codes_at(problems(catalog_root))}
    assert ("catalog/term/a.yaml", "duplicate-key") in found
    assert ("catalog/term/b.yaml", "yaml-syntax") in found
    assert ("catalog/term/c.yaml", "unknown-field") in found


def test_every_refusal_exits_1_without_traceback(catalog_root) -> None:
    write(catalog_root, "catalog/term/bad.yaml", "id: !!python/name:os.system\n")
    code, out, err = run(catalog_root, "validate")
    assert code == 1
    assert "Traceback" not in out + err


def test_a_link_is_not_a_record(catalog_root, tmp_path) -> None:
    secret = write(tmp_path, "secret.yaml", "id: secret\nkind: term\n")
    (catalog_root / "catalog/term/secret.yaml").symlink_to(secret)
    assert codes_at(problems(catalog_root)) == [("catalog/term/secret.yaml", 1, 1, "symlink")]


def test_a_file_name_that_is_not_utf8(catalog_root) -> None:
    import os

    name = os.fsencode(str(catalog_root / "catalog/term")) + b"/bad\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"id: bad\nkind: term\n")
    code, out, err = run(catalog_root, "validate")
    assert code == 1
    assert "Traceback" not in out + err and "internal error" not in err
