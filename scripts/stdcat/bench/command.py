"""``python -m stdcat bench [--sizes 300,2000,10000] [--out DIR]``: measure how costs grow with N.

For each size N: a synthetic catalog (the real one plus N grown records, ``synth.py``), then, in
one run, each measure beside its baselines (``validate.py``, ``build.py``, ``browser.py``,
``serve.py``). Writes ``latest.json``, ``latest.md`` and ``latest.svg`` into ``--out`` (default
``bench/``, which the site's Performance page reads) and prints the table. Nothing here asserts a
time: the numbers are for people to read.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

# The measures are imported when the command runs: registering it must not slow other commands.


def add_parser(commands: Any) -> None:
    """Register the ``bench`` subcommand."""
    command = commands.add_parser("bench", help="measure validate, build, search and serve against baselines")
    command.add_argument("--sizes", default="300,2000,10000", help="grown record counts, comma-separated")
    command.add_argument("--out", type=Path, help="where the report goes (default: bench/ in the repository)")
    command.add_argument("--runs", type=int, default=3, help="runs per measure (their median is reported)")
    command.add_argument("--serve-at", type=int, default=2000, help="the size at which `mkdocs serve` is measured")
    command.add_argument("--work", type=Path, help="where the synthetic catalogs go (default: a temporary folder)")
    command.add_argument(
        "--skip", action="append", default=[], choices=["browser", "serve", "check-jsonschema", "relevance"]
    )
    command.add_argument(
        "--only-serve", action="store_true", help="measure only `mkdocs serve` and update that size in --out's report"
    )


def run(args: argparse.Namespace, root: Path) -> int:
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    out = args.out or root / "bench"
    work = args.work or Path(tempfile.mkdtemp(prefix="stdcat-bench-"))
    result: dict[str, Any] = {"machine": machine(), "runs": args.runs, "sizes": []}
    try:
        if args.only_serve:
            result = _earlier(out) or result
            size = next((s for s in result["sizes"] if s["n"] == args.serve_at), None)
            if size is None:  # the report has a row per size: serve alone would leave it half filled
                print(
                    f"stdcat bench: no report at N = {args.serve_at} in {out} to update: run the full benchmark first",
                    file=sys.stderr,
                )
                return 2
            size["serve"] = measure_serve(root, work / f"n{args.serve_at}", args.serve_at, args.runs)
        if not args.only_serve and "relevance" not in args.skip:
            print("bench: search relevance on the real catalog", file=sys.stderr, flush=True)
            result["relevance"] = measure_relevance(root, work / "relevance")
            write(out, result)
        for n in [] if args.only_serve else sizes:
            print(f"bench: N = {n:,}", file=sys.stderr, flush=True)
            result["sizes"].append(measure_size(root, work / f"n{n}", n, args))
            write(out, result)  # each size as it is done: a long run interrupted keeps what it measured
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(write(out, result))
    return 0


def _earlier(out: Path) -> dict[str, Any] | None:
    """The report already in ``out``, if there is a readable one."""
    try:
        return json.loads((out / "latest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(out: Path, result: dict[str, Any]) -> str:
    """Write the report's JSON, Markdown and SVG into ``out``; return the Markdown."""
    from stdcat.bench import report

    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    table = report.machine_line(result) + "\n\n" + report.markdown(result)
    if relevance := report.relevance_markdown(result):
        table += "\n" + relevance
    (out / "latest.md").write_text(table, encoding="utf-8")
    (out / "latest.svg").write_text(report.svg(result), encoding="utf-8")
    return table


def measure_size(source: Path, root: Path, n: int, args: argparse.Namespace) -> dict[str, Any]:
    from stdcat.bench import browser
    from stdcat.bench import build as build_measure
    from stdcat.bench import validate as validate_measure
    from stdcat.bench.run import in_turn, ratio
    from stdcat.bench.synth import synthesize

    synthesize(source, root, n)
    build_measure.add_site_files(source, root)
    records = sum(1 for _ in (root / "catalog").rglob("*.yaml"))
    size: dict[str, Any] = {"n": n, "records": records, "measures": {}, "ratios": {}}

    commands = validate_measure.commands(root)
    if "check-jsonschema" in args.skip:
        del commands["check-jsonschema"]
    series = in_turn(commands, args.runs)
    if "check-jsonschema" in series:
        size["ratios"]["validate/check-jsonschema"] = ratio(series["validate"], series["check-jsonschema"])
    size["ratios"]["validate/parse"] = ratio(series["validate"], series["parse"])

    bare = root.parent / f"{root.name}-bare"
    size["pages"] = build_measure.write_bare(root, bare)
    built = in_turn(build_measure.commands(root, bare), args.runs, warmup=0)
    series.update(built)
    size["ratios"]["build/bare-build"] = ratio(built["build"], built["bare-build"])
    size["measures"] = {k: {"seconds": s.seconds, "peak_bytes": s.peak_bytes} for k, s in series.items()}

    site = root / "site"  # the last measured build of the full site
    size["site"] = browser.site_size(site)
    size["index"] = browser.search_index_size(site)
    if "browser" not in args.skip:
        size["search"] = browser.search(site, args.runs)
        size["home"] = browser.home(site)
    shutil.rmtree(bare, ignore_errors=True)
    if "serve" not in args.skip and n == args.serve_at:
        size["serve"] = measure_serve(source, root, n, args.runs, fresh=False)
    return size


def measure_relevance(source: Path, root: Path, sample: int = 1) -> dict[str, Any]:
    """The judged query set and self-retrieval on the three engines, over the real catalog: the
    served site, the offline copy and the SQLite download, each built as ``./dev`` builds them;
    and the candidate segmentations on the judged set (``segmenters.py``)."""
    import subprocess

    from stdcat.bench import build as build_measure
    from stdcat.bench import relevance, segmenters
    from stdcat.bench.browser import serve
    from stdcat.bench.synth import synthesize
    from stdcat.check import check

    synthesize(source, root, 0)
    build_measure.add_site_files(source, root)
    shutil.copytree(source / "tests" / "search", root / "tests" / "search", dirs_exist_ok=True)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"]
    for offline, folder in ((False, "site"), (True, "site-offline")):
        env = {**os.environ, **build_measure.ENV, "OFFLINE": "true" if offline else "false"}
        for config, into in (("mkdocs.yml", folder), ("mkdocs.en.yml", f"{folder}/en")):
            subprocess.run([*mkdocs, "-f", config, "-d", into], cwd=root, env=env, check=True)
    catalog = check(root).catalog
    site = root / "site"
    with serve(site) as (url, _):
        found = relevance.measure(
            root, catalog, site, root / "site-offline", site / "data" / "catalog.sqlite", served_url=url, sample=sample
        )
    found["candidates"] = segmenters.compare(root, catalog)
    return found


def measure_serve(source: Path, root: Path, n: int, runs: int, fresh: bool = True) -> dict[str, Any]:
    """``mkdocs serve`` on the catalog of size ``n`` (made first unless ``fresh`` is False)."""
    from stdcat.bench import build as build_measure
    from stdcat.bench.serve import edit_to_browser
    from stdcat.bench.synth import synthesize

    if fresh:
        synthesize(source, root, n)
        build_measure.add_site_files(source, root)
    record = sorted((root / "catalog" / "standard").glob("s0*.yaml"))[0]
    return edit_to_browser(root, record, runs)


def machine() -> dict[str, Any]:
    """The machine the benchmark ran on."""
    cpu = platform.processor() or "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        memory = round(int(first[1]) / (1 << 20), 1)
    system = platform.system()
    release = Path("/etc/os-release")
    if release.is_file():
        for line in release.read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "os": system,
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
    }
