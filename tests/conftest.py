"""Shared helpers: a throwaway catalog built from the minimal fixture, and the CLI run in-process."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from stdcat.cli import main

REPO = Path(__file__).resolve().parents[1]
MINIMAL = REPO / "tests" / "fixtures" / "minimal"


def make_catalog(root: Path) -> Path:
    """Copy the minimal valid catalog and the real schemas into ``root``."""
    shutil.copytree(MINIMAL / "catalog", root / "catalog")
    shutil.copytree(REPO / "schema", root / "schema")
    return root


@pytest.fixture
def catalog_root(tmp_path: Path) -> Path:
    return make_catalog(tmp_path)


def write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` with ``new`` in one file of the catalog (which must hold ``old``)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run(root: Path, *args: str) -> tuple[int, str, str]:
    """Run ``python -m stdcat --root ROOT ARGS`` in this process; return (exit, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--root", str(root), *args])
        except SystemExit as exit_:  # argparse's usage errors
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def problems(root: Path, *paths: str) -> list[str]:
    """The validator's lines for the catalog under ``root`` (asserting it exits 1)."""
    code, out, err = run(root, "validate", *paths)
    assert code == 1, f"expected exit 1, got {code}\n{out}{err}"
    return out.splitlines()


def codes_at(lines: list[str]) -> list[tuple[str, int, int, str]]:
    """(path, line, col, code) of every problem line."""
    found = []
    for line in lines:
        path, ln, col, rest = line.split(":", 3)
        code = rest.split("[", 1)[1].split("]", 1)[0]
        found.append((path, int(ln), int(col), code))
    return found
