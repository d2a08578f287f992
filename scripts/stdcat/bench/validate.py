"""Measure 1: ``stdcat validate`` against a bare parse and against check-jsonschema.

- **bare parse**: the same files read with PyYAML's ``CSafeLoader`` and nothing else, the least
  any YAML-based validator must do;
- **check-jsonschema**: the usual tool for this job, one run per kind with that kind's schema
  over that kind's files. Its ``$ref`` are resolved from the local ``schema/`` folder
  (``--base-uri`` set to the schema file), and where the system allows it the runs get no
  network at all (``unshare -n``), so nothing is ever fetched.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from stdcat.bench.run import Command

# Room for the file names of one kind in one check-jsonschema run (Linux allows 2 MB).
ARGS_BYTES = 1_900_000

# The baseline: a whole Python process that parses every record file and keeps nothing else.
BARE_PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1], "catalog").rglob("*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def commands(root: Path, python: str = sys.executable) -> dict[str, Command]:
    """The three commands, run from ``root`` (a catalog: ``catalog/`` and ``schema/``)."""
    return {
        "validate": Command([python, "-m", "stdcat", "--root", str(root), "validate"], root),
        "parse": Command([python, "-c", BARE_PARSE, str(root)], root),
        # About 50 ms a file: once is enough to see the gap (its ratio is of medians).
        "check-jsonschema": Command(["sh", "-c", check_jsonschema_script(root, python)], root, most_runs=1),
    }


def check_jsonschema_script(root: Path, python: str) -> str:
    """A shell line running check-jsonschema once per kind, stopping at the first failure."""
    tool = str(Path(python).parent / "check-jsonschema")
    offline = ["unshare", "-n"] if _can_unshare() else []
    lines = []
    for folder in sorted(p for p in (root / "catalog").iterdir() if p.is_dir()):
        schema = root / "schema" / f"{folder.name}.schema.json"
        files = sorted(folder.glob("*.yaml"))
        if not schema.is_file() or not files:
            continue
        argv = [*offline, tool, "--base-uri", schema.resolve().as_uri(), "--schemafile", str(schema)]
        # The file list goes through xargs, so that ten thousand names never hit the argument limit.
        listing = root / ".bench" / f"{folder.name}.files"
        listing.parent.mkdir(exist_ok=True)
        listing.write_text("\0".join(f.relative_to(root).as_posix() for f in files), encoding="utf-8")
        lines.append(f"xargs -0 -s {ARGS_BYTES} -a {_quote(listing)} {' '.join(_quote(a) for a in argv)} >/dev/null")
    return " && ".join(lines)


def _can_unshare() -> bool:
    import subprocess

    unshare = shutil.which("unshare")
    return bool(unshare) and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0


def _quote(value: object) -> str:
    import shlex

    return shlex.quote(str(value))
