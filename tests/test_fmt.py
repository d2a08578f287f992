"""fmt writes the canonical layout, keeps values and comments, and --check says where a file departs."""

from __future__ import annotations

import json
import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stdcat.layout.canonical import canonical
from stdcat.layout.order import SchemaDocs
from stdcat.load import load_text
from tests.conftest import MINIMAL, REPO, run, write

STANDARD = "catalog/standard/pv-modules.yaml"
CANONICAL = (MINIMAL / STANDARD).read_text(encoding="utf-8")
DOCS = SchemaDocs.from_dir(REPO / "schema")

SCRAMBLED = """\
status: planned

kind: standard
sectors: [photovoltaic]
title: {en: "Test methods for PV modules", zh: "光伏组件检测标准"}
id: "pv-modules"
level: 'local'
source:
    quote: 开展光伏组件检测标准研究
    document: plan
    paragraph: "p-1"
framework: pv
tags:
- 光伏
action: research
lead: ["amr"]
"""


def test_a_canonical_file_is_left_as_it_is(catalog_root) -> None:
    assert run(catalog_root, "fmt", str(catalog_root / STANDARD))[0] == 0
    assert (catalog_root / STANDARD).read_text(encoding="utf-8") == CANONICAL
    assert run(catalog_root, "fmt", "--check", str(catalog_root / STANDARD)) == (
        0,
        "",
        "fmt: 1 file checked, all in canonical form\n",
    )


def test_a_scrambled_file_becomes_the_canonical_one(catalog_root) -> None:
    write(catalog_root, STANDARD, SCRAMBLED)
    code, _, err = run(catalog_root, "fmt", str(catalog_root / STANDARD))
    assert (code, err) == (0, "fmt: 1 of 1 file rewritten\n")
    assert (catalog_root / STANDARD).read_text(encoding="utf-8") == CANONICAL


def test_comments_stay_with_their_keys() -> None:
    text = """\
# Drafted from the notice of 2024-01-10.
status: drafting  # since January
kind: standard
# The plan's own words.
title:
  en: Test methods for PV modules
  # Chinese title as in the plan
  zh: 光伏组件检测标准
id: pv-modules
level: local
source: {document: plan, paragraph: p-1, quote: 开展光伏组件检测标准研究}  # exact quote
framework: pv
action: research
history:
  # the first stage we know of
  - date: '2024-01-10'
    status: drafting  # project approved earlier
# end of record
"""
    expected = """\
# yaml-language-server: $schema=../../schema/standard.schema.json
# Drafted from the notice of 2024-01-10.
id: pv-modules
kind: standard
# The plan's own words.
title:
  # Chinese title as in the plan
  zh: 光伏组件检测标准
  en: Test methods for PV modules
source:  # exact quote
  document: plan
  paragraph: p-1
  quote: 开展光伏组件检测标准研究
framework: pv
action: research
level: local
status: drafting  # since January
history:
  # the first stage we know of
  - status: drafting  # project approved earlier
    date: '2024-01-10'
# end of record
"""
    first = canonical(text, STANDARD, DOCS).text
    assert first == expected
    assert canonical(expected, STANDARD, DOCS).text == expected


def test_quoting_follows_one_rule() -> None:
    text = """\
# yaml-language-server: $schema=../../schema/framework.schema.json
id: "pv"
kind: framework
title: {zh: "光伏", en: "It's PV: modules"}
summary:
  zh: "第一行\\n第二行"
  en: yes
source: {document: plan, quote: "2023"}
tags: ["1.2", "2024-06-01", null-ish, "null", "#1", "on"]
code: "1.2"
parent: root
order: 3
"""
    assert (
        canonical(text, "catalog/framework/pv.yaml", DOCS).text
        == """\
# yaml-language-server: $schema=../../schema/framework.schema.json
id: pv
kind: framework
title:
  zh: 光伏
  en: 'It''s PV: modules'
summary:
  zh: |-
    第一行
    第二行
  en: 'yes'
source:
  document: plan
  quote: '2023'
tags:
  - '1.2'
  - '2024-06-01'
  - null-ish
  - 'null'
  - '#1'
  - 'on'
code: '1.2'
parent: root
order: 3
"""
    )


def test_check_reports_the_first_difference_and_writes_nothing(catalog_root) -> None:
    moved = CANONICAL.replace("level: local\nstatus: planned\n", "status: planned\nlevel: local\n")
    write(catalog_root, STANDARD, moved)
    write(
        catalog_root,
        "catalog/framework/pv.yaml",
        "# yaml-language-server: $schema=../../schema/framework.schema.json\n"
        + (MINIMAL / "catalog/framework/pv.yaml").read_text(encoding="utf-8")
        + "\n",
    )
    code, out, err = run(
        catalog_root,
        "fmt",
        "--check",
        str(catalog_root / "catalog/standard"),
        str(catalog_root / "catalog/framework/pv.yaml"),
    )
    assert code == 1
    assert out.splitlines() == [
        "catalog/framework/pv.yaml:14:1: error[not-canonical]: a blank line should not be here; "
        "run `python -m stdcat fmt catalog/framework/pv.yaml`",
        f"{STANDARD}:15:1: error[not-canonical]: 'level' comes before 'status' in the schema's order; "
        f"run `python -m stdcat fmt {STANDARD}`",
        "catalog/standard/pv-published.yaml:1:1: error[not-canonical]: the first line must be the modeline "
        "`# yaml-language-server: $schema=../../schema/standard.schema.json`; "
        "run `python -m stdcat fmt catalog/standard/pv-published.yaml`",
    ]
    assert err == "fmt: 3 files checked, 3 not in canonical form or not readable\n"
    assert (catalog_root / STANDARD).read_text(encoding="utf-8") == moved


def test_fmt_names_the_file_after_its_id(catalog_root) -> None:
    (catalog_root / STANDARD).rename(catalog_root / "catalog/standard/draft.yaml")
    code, out, _ = run(catalog_root, "fmt", "--check", str(catalog_root / "catalog/standard/draft.yaml"))
    assert (code, out) == (
        1,
        "catalog/standard/draft.yaml:2:5: error[file-name]: the file name 'draft.yaml' differs from the id "
        "'pv-modules'; `python -m stdcat fmt` renames it\n",
    )
    code, _, err = run(catalog_root, "fmt", str(catalog_root / "catalog/standard/draft.yaml"))
    assert code == 0
    assert "renamed catalog/standard/draft.yaml → pv-modules.yaml" in err
    assert (catalog_root / STANDARD).read_text(encoding="utf-8") == CANONICAL
    assert not (catalog_root / "catalog/standard/draft.yaml").exists()


def test_fmt_never_renames_over_another_file(catalog_root) -> None:
    write(catalog_root, "catalog/standard/copy.yaml", CANONICAL)
    code, out, _ = run(catalog_root, "fmt", str(catalog_root / "catalog/standard/copy.yaml"))
    assert code == 1
    assert (
        "error[file-name]: the file name 'copy.yaml' differs from the id 'pv-modules'; 'pv-modules.yaml' already" in out
    )
    assert (catalog_root / "catalog/standard/copy.yaml").exists()


def test_an_unreadable_file_is_reported_and_left_alone(catalog_root) -> None:
    broken = "id: x\nkind: standard\n title: bad\n"
    write(catalog_root, "catalog/standard/x.yaml", broken)
    code, out, _ = run(catalog_root, "fmt", str(catalog_root / "catalog/standard/x.yaml"))
    assert (code, out) == (
        1,
        "catalog/standard/x.yaml:3:7: error[yaml-syntax]: mapping values are not allowed in this context\n",
    )
    assert (catalog_root / "catalog/standard/x.yaml").read_text(encoding="utf-8") == broken


def test_the_cache_is_dropped_when_the_schema_changes(catalog_root) -> None:
    assert run(catalog_root, "fmt", "--check", str(catalog_root / STANDARD))[0] == 0
    assert (catalog_root / ".cache/stdcat/fmt.json").is_file()
    schema_file = catalog_root / "schema/standard.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    properties = schema["properties"]
    schema["properties"] = {"status": properties.pop("status"), **properties}
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    code, out, _ = run(catalog_root, "fmt", "--check", str(catalog_root / STANDARD))
    assert code == 1
    assert "'status' comes before 'id' in the schema's order" in out


def _fixture_records() -> list[tuple[str, str]]:
    """The minimal catalog's records, each in its canonical form."""
    found = []
    for file in sorted((MINIMAL / "catalog").rglob("*.yaml")):
        display = file.relative_to(MINIMAL).as_posix()
        text = canonical(file.read_text(encoding="utf-8"), display, DOCS).text
        assert text is not None
        found.append((display, text))
    return found


RECORDS = _fixture_records()


def _shuffled(value: object, rng: random.Random) -> object:
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {k: _shuffled(value[k], rng) for k in keys}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RECORDS), st.randoms(use_true_random=False), st.sampled_from([None, True, False]))
def test_any_arrangement_of_a_record_lays_out_the_same(record, rng, flow) -> None:
    display, text = record
    data = load_text(text, display).data
    scrambled = yaml.safe_dump(_shuffled(data, rng), allow_unicode=True, sort_keys=False, default_flow_style=flow)
    assert canonical(scrambled, display, DOCS).text == text


def test_fmt_refuses_to_write_text_that_would_change_values(catalog_root, monkeypatch) -> None:
    from stdcat.layout import scalars

    write(catalog_root, STANDARD, SCRAMBLED)
    monkeypatch.setattr(scalars, "dump", lambda value: yaml.safe_dump({**value, "level": "national"}))
    code, out, _ = run(catalog_root, "fmt", str(catalog_root / STANDARD))
    assert code == 1
    assert out == (
        f"{STANDARD}:1:1: error[not-canonical]: the canonical text would not hold the same values "
        "(a bug in fmt: please report it)\n"
    )
    assert (catalog_root / STANDARD).read_text(encoding="utf-8") == SCRAMBLED
