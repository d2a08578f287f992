"""The benchmark's machinery at a tiny size: commands, the bare site, the report. Times are never asserted."""

from __future__ import annotations

import json
import shutil
import sys

from stdcat.bench import report
from stdcat.bench.build import text_of, write_bare
from stdcat.bench.run import Command, in_turn, ratio
from stdcat.bench.synth import synthesize
from stdcat.bench.validate import check_jsonschema_script, commands
from tests.conftest import MINIMAL, REPO


def _source(tmp_path):
    """The minimal fixture catalog with the repository's schemas: what ``synthesize`` grows."""
    source = tmp_path / "source"
    shutil.copytree(MINIMAL / "catalog", source / "catalog")
    shutil.copytree(REPO / "schema", source / "schema")
    return source


def test_commands_run_in_turn_with_medians_and_peaks(tmp_path):
    quick = Command([sys.executable, "-c", "pass"], tmp_path)
    series = in_turn({"a": quick, "b": quick}, runs=3, warmup=0)
    assert [len(s.samples) for s in series.values()] == [3, 3]
    assert all(s.peak_bytes > 1_000_000 for s in series.values())  # a Python process holds megabytes
    assert ratio(series["a"], series["b"]) > 0


def test_a_slow_baseline_runs_at_most_once(tmp_path):
    quick = Command([sys.executable, "-c", "pass"], tmp_path)
    once = Command([sys.executable, "-c", "pass"], tmp_path, most_runs=1)
    series = in_turn({"a": quick, "b": once}, runs=3, warmup=1)
    assert (len(series["a"].samples), len(series["b"].samples)) == (3, 1)


def test_validate_and_its_baselines_run_on_a_synthetic_catalog(tmp_path):
    root = synthesize(_source(tmp_path), tmp_path / "n3", 3)
    assert len(list((root / "catalog").rglob("*.yaml"))) > 3
    measured = {k: v for k, v in commands(root).items() if k != "check-jsonschema"}
    series = in_turn(measured, runs=1, warmup=0)  # raises if validate finds a problem
    assert set(series) == {"validate", "parse"}
    script = check_jsonschema_script(root, sys.executable)
    assert "--base-uri file://" in script and "standard.schema.json" in script


def test_bare_site_holds_the_same_pages_as_text(tmp_path):
    root = synthesize(_source(tmp_path), tmp_path / "n2", 2)
    for name in ("docs", "overrides", "CONTRIBUTING.md"):
        source = REPO / name
        target = root / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    bare = tmp_path / "bare"
    pages = write_bare(root, bare)
    zh = [p for p in (bare / "docs").rglob("*.md")]
    en = [p for p in (bare / "docs-en").rglob("*.md")]
    assert pages == len(zh) + len(en) and len(zh) == len(en)
    record = next((bare / "docs" / "standard").glob("*.md")).read_text(encoding="utf-8")
    assert "<" not in record and record.startswith("# ")


def test_text_of_drops_markup_and_front_matter():
    assert text_of("---\na: 1\n---\n# T\n<p>光伏 <b>x</b></p>\n") == "# T\n\n光伏 x\n"


REPORT = {
    "machine": {"cpu": "cpu", "cores": 2, "memory_gb": 1.0, "os": "os", "python": "3", "date": "2026-01-01"},
    "runs": 3,
    "sizes": [
        {
            "n": n,
            "records": n + 100,
            "measures": {
                k: {"seconds": n / 1000 * (i + 1), "peak_bytes": 10 << 20} for i, (k, _, _) in enumerate(report.TIMED)
            },
            "ratios": {"validate/parse": 1.4, "build/bare-build": 1.1},
            "home": {"home_gzip_bytes": 200_000, "home_other_hosts": []},
        }
        for n in (300, 2000)
    ],
}


def test_report_table_and_plot_are_deterministic():
    table = report.markdown(REPORT, "en")
    assert "| validate ÷ bare parse | 1.40× | 1.40× | ≤ 1.5 |" in table
    assert "| home page requests to other hosts | 0 | 0 | 0 |" in table
    plot = report.svg(REPORT, "zh")
    assert plot == report.svg(json.loads(json.dumps(REPORT)), "zh")
    assert plot.startswith("<svg") and plot.count("<polyline") == len(report.TIMED)
