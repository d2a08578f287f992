"""Breaking schema changes ship with migrations; the changelog holds the one version number."""

from __future__ import annotations

from stdcat import versioning
from stdcat.migrations import MIGRATIONS
from tests.conftest import REPO, run, write

TEXT = "catalog/text/plan-text.yaml"
CURRENT = versioning.show(versioning.current(REPO / "schema"))

# A document's text as schema 1.0.0 allowed it: the restored heading h-2 has no seed and does
# not say how it was restored.
OLD_TEXT = """\
# yaml-language-server: $schema=../../schema/text.schema.json
id: plan-text
kind: text
title:
  zh: 测试方案正文
  en: Text of the test plan
document: plan
paragraphs:
  - id: h-1
    role: heading
    level: 1
    section: 一
    zh: 一、重点任务
    seed: 一、重点任加/p>
    repairs:
      - from: 任加/p>
        to: 任务
        certainty: certain
  # Missing from the source: restored from the national plan.
  - id: h-2
    role: heading
    level: 1
    section: 二
    zh: 二、保障措施  # wording inferred
  - id: p-1
    role: body
    section: 一 · 1
    zh: 1.加快完善光伏标准。开展光伏组件检测标准研究（省市场监管局牵头）。
    seed: 1.加快完善光伏标准。开展光伏组件检测标准研究(省市场监管局牵头(/p>
    repairs:
      - from: 牵头(/p>
        to: 牵头)。
        certainty: certain
"""

MIGRATED_PARAGRAPH = """\
  # Missing from the source: restored from the national plan.
  - id: h-2
    role: heading
    level: 1
    section: 二
    zh: 二、保障措施  # wording inferred
    restored:
      certainty: unknown
      note: TODO
"""


def test_migrate_brings_an_old_record_up_to_date(catalog_root) -> None:
    write(catalog_root, TEXT, OLD_TEXT)
    code, out, err = run(catalog_root, "migrate")
    assert code == 0
    assert out == (
        f"{TEXT}:20:5: migrated[text-restored]: paragraph 'h-2' has no seed: added 'restored', "
        "say how it was restored and how sure that is\n"
    )
    assert f"changed 1 file (schemas at {CURRENT}); then run `python -m stdcat validate` and fill in every TODO" in err
    text = (catalog_root / TEXT).read_text(encoding="utf-8")
    assert MIGRATED_PARAGRAPH in text
    assert text.replace(MIGRATED_PARAGRAPH, "") == OLD_TEXT.replace(MIGRATED_PARAGRAPH.split("    restored")[0], "")


def test_the_migrated_record_asks_its_author_for_what_only_they_know(catalog_root) -> None:
    write(catalog_root, TEXT, OLD_TEXT)
    code, out, _ = run(catalog_root, "validate")
    assert code == 1
    assert out == (
        f"{TEXT}:20:9: error[text-repair]: paragraph 'h-2' has neither a seed nor 'restored'; "
        "text from the source has a seed; text supplied from elsewhere says how in 'restored'\n"
    )
    run(catalog_root, "migrate")
    code, out, _ = run(catalog_root, "validate")
    assert code == 1
    note = "'paragraphs.1.restored.note' still holds the placeholder 'TODO'; fill it in"
    assert out == f"{TEXT}:27:13: error[placeholder]: {note}\n"


def test_migrations_are_idempotent_and_check_writes_nothing(catalog_root) -> None:
    write(catalog_root, TEXT, OLD_TEXT)
    assert run(catalog_root, "migrate", "--check")[0] == 1
    assert (catalog_root / TEXT).read_text(encoding="utf-8") == OLD_TEXT
    assert run(catalog_root, "migrate", "--from", "2.0.0") == (
        0,
        "",
        f"migrate: changed 0 files (schemas at {CURRENT})\n",
    )
    assert run(catalog_root, "migrate")[0] == 0
    migrated = (catalog_root / TEXT).read_text(encoding="utf-8")
    assert run(catalog_root, "migrate", "--check") == (0, "", f"migrate: would change 0 files (schemas at {CURRENT})\n")
    assert run(catalog_root, "migrate")[0] == 0
    assert (catalog_root / TEXT).read_text(encoding="utf-8") == migrated


def test_migrate_lists_the_version_and_its_migrations(catalog_root) -> None:
    code, out, _ = run(catalog_root, "migrate", "--list")
    assert (code, out.splitlines()[0]) == (0, f"schemas at version {CURRENT}")
    assert "  2.0.0 · text-restored: a paragraph without a seed says how it was restored." in out.splitlines()
    assert run(catalog_root, "migrate", "--from", "two")[0] == 2


def test_the_version_is_the_newest_release_of_the_changelog() -> None:
    releases = versioning.releases(REPO / "schema")
    assert versioning.current(REPO / "schema") == releases[0].version
    assert [r.version for r in releases] == sorted((r.version for r in releases), reverse=True)
    assert "## [Unreleased]" in (REPO / "schema" / versioning.CHANGELOG).read_text(encoding="utf-8")


def test_every_breaking_release_ships_with_a_migration() -> None:
    releases = versioning.releases(REPO / "schema")
    majors = {r.version for r in releases if r.version[1:] == (0, 0)} - {releases[-1].version}
    migrated = {m.version for m in MIGRATIONS}
    assert majors <= migrated, "each major release after the first needs a migration in stdcat.migrations"
    by_version = {r.version: r for r in releases}
    for step in MIGRATIONS:
        assert step.version in by_version, f"{step.name}: no release {versioning.show(step.version)} in the changelog"
        entry = by_version[step.version].text
        assert "Breaking" in entry and f"`{step.name}`" in entry, f"the changelog of {step.name} must name it"
        assert step.doc.startswith(f"{versioning.show(step.version)} · {step.name}: ")
