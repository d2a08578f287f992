"""The GitHub workflows are safe for forks and lint clean: actionlint, zizmor and their schemas.

Each rule of the contributing issue is also asserted directly, so that a change that weakens
one fails here with a plain message, even where the linters would let it pass.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.prefix) / "bin"
USES = re.compile(r"^\s*(?:- )?uses: (\S+)(.*)$", re.MULTILINE)


def tool(name: str, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / name), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the workflows' own loader does not.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_actionlint_reports_nothing() -> None:
    result = tool("actionlint", "-no-color", *(str(w) for w in WORKFLOWS))
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_zizmor_reports_nothing() -> None:
    result = tool("zizmor", "--offline", "--no-progress", "--format", "plain", str(GITHUB))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("custom.github-workflows-require-timeout", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", sorted((GITHUB / "ISSUE_TEMPLATE").glob("[0-9]*.yml"))),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE/config.yml"]),
    ],
)
def test_github_files_match_their_schemas(schema, files) -> None:
    assert files
    result = tool("check-jsonschema", "--builtin-schema", schema, *(str(f) for f in files))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_catch_an_unsafe_workflow(tmp_path) -> None:
    unsafe = tmp_path / ".github/workflows/unsafe.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  x:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    zizmor = tool("zizmor", "--offline", "--no-progress", "--format", "plain", str(tmp_path / ".github"), cwd=tmp_path)
    assert zizmor.returncode != 0
    for audit in ("dangerous-triggers", "unpinned-uses", "template-injection", "artipacked"):
        assert audit in zizmor.stdout, zizmor.stdout
    timeout = tool("check-jsonschema", "--builtin-schema", "custom.github-workflows-require-timeout", str(unsafe))
    assert timeout.returncode == 1


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflow_follows_the_rules(workflow) -> None:
    text = workflow.read_text(encoding="utf-8")
    data = load(workflow)
    assert "pull_request_target" not in data["on"] and "workflow_run" not in data["on"]
    assert data["permissions"] == {}, "grant permissions per job, nothing at the top"
    for name, job in data["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} has no timeout-minutes"
        assert "permissions" in job, f"job {name} does not say which permissions it needs"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    for action, comment in USES.findall(text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned to a full commit SHA"
        assert re.fullmatch(r" # v\d+(\.\d+)*", comment), f"{action} has no version comment"


def test_pull_requests_run_what_contributors_run() -> None:
    job = load(GITHUB / "workflows/pull-request.yml")["jobs"]["check"]
    commands = [step.get("run", "") for step in job["steps"]]
    for expected in (
        "./dev setup",
        "./dev run python -m stdcat validate --format github",
        "./dev run python -m stdcat fmt --check --format github",
        "./dev build",
        "./dev test",
    ):
        assert expected in commands
    assert job["permissions"] == {"contents": "read"}
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert any("GITHUB_STEP_SUMMARY" in c for c in commands)
    cache = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert "pip" in cache["with"]["path"]


def test_only_the_deploy_job_may_write_to_pages() -> None:
    jobs = load(GITHUB / "workflows/deploy.yml")["jobs"]
    checkout = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the change history needs the whole git history"
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert not any("run" in step for step in jobs["deploy"]["steps"]), "the deploy job runs no repository code"


def test_dependabot_keeps_actions_and_python_current() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}
