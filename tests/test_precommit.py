"""The pre-commit hooks pass on the catalog, fail on a broken record, and never need the network.

pre-commit runs in a throwaway git repository holding a copy of this one, with its `.venv`
pointing at the environment running these tests. Every proxy points at a closed local port, so
anything that tried to download (a hook repository, a package) would fail the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO

CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens there


def _repository_copy(target: Path) -> Path:
    """The repository's files (tracked or new, not ignored) copied into a fresh git repository."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _link_environment(target / ".venv")
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run(["git", "add", "-A"], cwd=target, check=True)
    return target


def _link_environment(venv: Path) -> None:
    """A .venv that is this test run's environment, stamped as ./dev stamps it, so nothing is installed."""
    venv.mkdir()
    for entry in Path(sys.prefix).iterdir():
        if not entry.name.startswith("."):
            (venv / entry.name).symlink_to(entry)
    stamp = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (venv / ".stamp").write_text(stamp + "\n", encoding="utf-8")


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    offline = {name: CLOSED for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")}
    env = {**os.environ, **offline, "PRE_COMMIT_HOME": str(home), "PIP_NO_INDEX": "1", "NO_PROXY": ""}
    return subprocess.run(
        [str(Path(sys.prefix) / "bin" / "pre-commit"), "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_hooks_are_local_only() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [r["repo"] for r in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {h["language"] for h in hooks} == {"unsupported"}
    assert all(h["entry"].startswith("./dev run ") for h in hooks)
    assert {"stdcat-validate", "stdcat-fmt", "check-github-workflows", "schema-metaschema"} <= {h["id"] for h in hooks}


def test_pre_commit_passes_on_the_catalog_and_fails_on_a_broken_record(tmp_path) -> None:
    repo = _repository_copy(tmp_path / "repo")
    passed = _pre_commit(repo, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Failed" not in passed.stdout and "Passed" in passed.stdout

    record = repo / "catalog/standard/pv-key-products-test-methods.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("level: unspecified", "level: unspecifed"), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    failed = _pre_commit(repo, tmp_path / "home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    line = text.splitlines().index("level: unspecified") + 1
    assert f"catalog/standard/pv-key-products-test-methods.yaml:{line}:8: error[enum]" in failed.stdout
    assert "- hook id: stdcat-validate\n" in failed.stdout
