"""A pull request's worth of broken records: each problem becomes a GitHub annotation on its line.

GitHub shows ``::error file=…,line=…,col=…,title=…::message`` under "Files changed" on the
named line, so the file must be the path in the repository and the line the one to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run, write

INVERTERS = """\
# yaml-language-server: $schema=../../schema/standard.schema.json
id: pv-inverters
kind: standard
title:
  zh: 光伏逆变器标准
  en: Standards for PV inverters
source:
  document: plan
  paragraph: p-1
  quote: 开展光伏逆变器标准研究
framework: pv-inverter
action: research
level: local
status: planned
"""

TYPO = """\
# yaml-language-server: $schema=../../schema/standard.schema.json
id: pv-typo
kind: standard
titel:
  zh: 光伏标准
  en: PV standards
source:
  document: plan
  paragraph: p-1
  quote: 加快完善光伏标准
framework: pv
action: research
level: local
status: planned
"""

# (file, line, col, code, the text the annotated line must hold)
EXPECTED = [
    ("catalog/organization/amr.yaml", 3, 7, "yaml-syntax", "  type: bad"),
    ("catalog/standard/pv-inverters.yaml", 10, 10, "quote", "quote: 开展光伏逆变器标准研究"),
    ("catalog/standard/pv-inverters.yaml", 11, 12, "broken-ref", "framework: pv-inverter"),
    ("catalog/standard/pv-modules.yaml", 15, 8, "enum", "level: locl"),
    ("catalog/standard/pv-published.yaml", 22, 14, "date-order", "effective: '2024-05-01'"),
    ("catalog/standard/pv-typo.yaml", 2, 1, "missing-field", "id: pv-typo"),
    ("catalog/standard/pv-typo.yaml", 4, 1, "unknown-field", "titel:"),
    ("catalog/term/carbon-footprint.yaml", 3, 1, "duplicate-key", "kind: term"),
]
ANNOTATION = re.compile(r"::error file=([^,]+),line=(\d+),col=(\d+),title=([a-z0-9-]+)::(.+)")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_records(root: Path) -> None:
    """What a careless pull request might change: new files, edits, a broken file."""
    write(root, "catalog/standard/pv-inverters.yaml", INVERTERS)
    write(root, "catalog/standard/pv-typo.yaml", TYPO)
    edit(root, "catalog/standard/pv-modules.yaml", "level: local", "level: locl")
    edit(root, "catalog/standard/pv-published.yaml", "effective: '2024-12-01'", "effective: '2024-05-01'")
    edit(root, "catalog/term/carbon-footprint.yaml", "kind: term", "kind: term\nkind: term")
    edit(root, "catalog/organization/amr.yaml", "kind: organization", "kind: organization\n  type: bad")


def test_each_broken_record_is_annotated_on_its_line(catalog_root) -> None:
    break_records(catalog_root)
    changed = sorted({file for file, *_ in EXPECTED})
    code, out, err = run(catalog_root, "validate", "--format", "github", *(str(catalog_root / f) for f in changed))
    assert (code, err) == (1, "")
    found = [ANNOTATION.fullmatch(line) for line in out.splitlines()]
    assert all(found), out
    got = [(m[1], int(m[2]), int(m[3]), m[4]) for m in found if m]
    assert got == [entry[:4] for entry in EXPECTED]
    for file, line, _, _, text in EXPECTED:
        assert (catalog_root / file).read_text(encoding="utf-8").splitlines()[line - 1].strip() == text.strip()


def test_annotations_carry_the_message_and_hint(catalog_root) -> None:
    break_records(catalog_root)
    _, out, _ = run(catalog_root, "validate", "--format", "github")
    assert (
        "::error file=catalog/standard/pv-modules.yaml,line=15,col=8,title=enum::'level' is 'locl', not one of: "
        "international, national, industry, local, group, enterprise, unspecified; did you mean 'local'?"
    ) in out.splitlines()
    assert (
        "::error file=catalog/standard/pv-inverters.yaml,line=11,col=12,title=broken-ref::no framework 'pv-inverter'"
        in out
    )


def test_layout_problems_are_annotated_too(catalog_root) -> None:
    swapped = INVERTERS.replace("level: local\nstatus: planned\n", "status: planned\nlevel: local\n")
    write(catalog_root, "catalog/standard/pv-inverters.yaml", swapped)
    code, out, _ = run(catalog_root, "fmt", "--check", "--format", "github", str(catalog_root / "catalog/standard"))
    assert code == 1
    assert out.splitlines() == [
        "::error file=catalog/standard/pv-inverters.yaml,line=13,col=1,title=not-canonical::'level' comes before "
        "'status' in the schema's order; run `python -m stdcat fmt catalog/standard/pv-inverters.yaml`",
        "::error file=catalog/standard/pv-published.yaml,line=1,col=1,title=not-canonical::the first line must be "
        "the modeline `# yaml-language-server: $schema=../../schema/standard.schema.json`; "
        "run `python -m stdcat fmt catalog/standard/pv-published.yaml`",
    ]
