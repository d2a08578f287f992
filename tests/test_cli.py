"""The command line: exit statuses, output formats, paths, skeletons, statistics."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, codes_at, run, write

BROKEN = "catalog/standard/pv-modules.yaml"


def break_record(root) -> None:
    path = root / BROKEN
    path.write_text(
        path.read_text(encoding="utf-8").replace("title:", "titel:").replace("level: local", "level: locl"),
        encoding="utf-8",
    )


def test_exit_0_1_2(catalog_root, tmp_path) -> None:
    assert run(catalog_root, "validate")[0] == 0
    break_record(catalog_root)
    assert run(catalog_root, "validate")[0] == 1
    assert run(catalog_root, "validate", str(catalog_root / "nowhere.yaml"))[0] == 2
    assert run(catalog_root, "validate", "--format", "xml")[0] == 2
    assert run(catalog_root, "frobnicate")[0] == 2
    assert run(tmp_path / "empty", "validate")[0] == 2


def test_json_format(catalog_root) -> None:
    break_record(catalog_root)
    code, out, _ = run(catalog_root, "validate", "--format", "json")
    assert code == 1
    found = json.loads(out)
    assert {(p["path"], p["line"], p["col"], p["code"]) for p in found} == {
        (BROKEN, 2, 1, "missing-field"),
        (BROKEN, 4, 1, "unknown-field"),
        (BROKEN, 15, 8, "enum"),
    }
    assert all(p["severity"] == "error" and p["message"] for p in found)


def test_github_format(catalog_root) -> None:
    break_record(catalog_root)
    code, out, _ = run(catalog_root, "validate", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert (
        f"::error file={BROKEN},line=4,col=1,title=unknown-field::unknown field 'titel'; did you mean 'title'?" in lines
    )
    assert all(line.startswith(f"::error file={BROKEN},line=") for line in lines)


def test_paths_limit_the_report_but_not_the_context(catalog_root) -> None:
    break_record(catalog_root)
    write(catalog_root, "catalog/term/bad.yaml", "id: bad\nkind: term\n")
    code, out, _ = run(catalog_root, "validate", str(catalog_root / "catalog/term"))
    assert code == 1
    assert {p for p, *_ in codes_at(out.splitlines())} == {"catalog/term/bad.yaml"}
    # pv-published relates to the broken pv-modules: the reference still resolves.
    code, out, _ = run(catalog_root, "validate", str(catalog_root / "catalog/standard/pv-published.yaml"))
    assert (code, out) == (0, "")


def test_a_file_outside_the_catalog_is_checked_in_its_context(catalog_root, tmp_path) -> None:
    outside = write(
        tmp_path,
        "draft/term/new-term.yaml",
        "id: new-term\nkind: term\ntitle: {zh: 新, en: New}\ndefinition: {zh: 新, en: New}\nrelated: [amr, nobody]\n",
    )
    code, out, _ = run(catalog_root, "validate", str(outside))
    assert code == 1
    assert [c for *_, c in codes_at(out.splitlines())] == ["broken-ref"]


def test_new_writes_a_skeleton_that_the_validator_flags(catalog_root) -> None:
    code, out, _ = run(catalog_root, "new", "standard", "pv-inverters")
    assert code == 0 and "catalog/standard/pv-inverters.yaml" in out
    text = (catalog_root / "catalog/standard/pv-inverters.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schema/standard.schema.json\nid: pv-inverters\nkind: standard\n"
    )
    for field in ("title:", "source:", "framework:", "action:", "level:", "status:"):
        assert field in text
    code, out, _ = run(catalog_root, "validate")
    assert code == 1
    assert {c for *_, c in codes_at(out.splitlines())} == {"placeholder"}
    # The fixture catalog has no Jiangxi plan record, so the source document is left to fill in too.
    assert "document: TODO" in text
    assert run(catalog_root, "new", "standard", "pv-inverters")[0] == 1  # exists
    assert run(catalog_root, "new", "standard", "PV Inverters")[0] == 2
    assert run(catalog_root, "new", "gadget", "x")[0] == 2


def test_every_kind_has_a_skeleton_that_fails_only_on_placeholders(catalog_root) -> None:
    for kind in ("framework", "standard", "metrology", "task", "target", "organization", "term", "document"):
        assert run(catalog_root, "new", kind, f"new-{kind}")[0] == 0
    code, out, _ = run(catalog_root, "validate")
    codes = {c for *_, c in codes_at(out.splitlines())}
    assert code == 1 and codes <= {"placeholder", "broken-ref", "framework-root", "target-value"}, out


def test_stats(catalog_root) -> None:
    code, out, _ = run(catalog_root, "stats", "--format", "json")
    assert code == 0
    counts = json.loads(out)
    assert counts["kind"]["standard"] == 2
    assert counts["level"] == {"standard:local": 2}
    assert counts["status"]["standard:published"] == 1
    code, out, _ = run(catalog_root, "stats")
    assert "total records: 12" in out


def test_python_m_stdcat_as_a_process(catalog_root) -> None:
    break_record(catalog_root)
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    done = subprocess.run(
        [sys.executable, "-m", "stdcat", "validate"],
        cwd=catalog_root / "catalog",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{BROKEN}:2:1: error[missing-field]")
    assert "Traceback" not in done.stderr
    assert "errors in 1 file" in done.stderr
