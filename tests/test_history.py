"""Change history from git: added, removed, renamed and status changes, the Atom feed, and degrading."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stdcat.exports import feed
from stdcat.exports.history import history
from tests.export_support import context, rich_catalog

ATOM = "{http://www.w3.org/2005/Atom}"
DATES = [
    "2024-01-01T10:00:00+08:00",
    "2024-02-01T10:00:00+08:00",
    "2024-03-01T10:00:00+08:00",
    "2024-04-01T10:00:00+08:00",
]


def git(root: Path, *args: str, date: str = DATES[0]) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip
    done = subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Four scripted commits: add everything; rename a record; change a status; remove a record."""
    root = rich_catalog(tmp_path_factory.mktemp("repo"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add the catalog", date=DATES[0])
    git(root, "mv", "catalog/standard/pv-modules.yaml", "catalog/standard/pv-module-tests.yaml")
    edit(root / "catalog/standard/pv-module-tests.yaml", "id: pv-modules", "id: pv-module-tests")
    edit(root / "catalog/standard/pv-published.yaml", "related:\n  - pv-modules", "related:\n  - pv-module-tests")
    (root / "README.md").write_text("not a record\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Rename pv-modules", date=DATES[1])
    edit(
        root / "catalog/metrology/pv-spec.yaml",
        "status: planned",
        "status: drafting\nhistory:\n  - status: drafting\n    date: '2024-03-01'",
    )
    edit(
        root / "catalog/standard/pv-published.yaml",
        "title:\n  zh: 光伏电站运维规范",
        "title:\n  zh: 光伏电站运行维护规范",
    )
    git(root, "commit", "-q", "-am", "pv-spec is being drafted", date=DATES[2])
    git(root, "rm", "-q", "catalog/standard/navel-orange-footprint.yaml")
    git(root, "commit", "-q", "-m", "Drop a record", date=DATES[3])
    return root


def test_changes_from_scripted_commits(repo) -> None:
    found = history(repo)
    assert found.available and found.complete and found.note == ""
    assert [c.subject for c in found.commits] == [
        "Drop a record",
        "pv-spec is being drafted",
        "Rename pv-modules",
        "Add the catalog",
    ]
    assert [c.date for c in found.commits] == DATES[::-1]
    removed, status, renamed, added = ([(ch.change, ch.kind, ch.id) for ch in c.changes] for c in found.commits)
    assert removed == [("removed", "standard", "navel-orange-footprint")]
    # Only the status change counts: the title edit of pv-published is not a catalog change.
    assert status == [("status", "metrology", "pv-spec")]
    assert (found.commits[1].changes[0].old_status, found.commits[1].changes[0].new_status) == ("planned", "drafting")
    assert renamed == [("renamed", "standard", "pv-module-tests")]
    assert found.commits[2].changes[0].old_id == "pv-modules"
    assert len(added) == 17 and {change for change, _, _ in added} == {"added"}
    assert ("text", "plan-text") in {(kind, rid) for _, kind, rid in added}


def test_atom_feed_is_valid_and_repeatable(repo) -> None:
    ctx = context(repo)
    found = history(repo)
    data = feed.feed_bytes(ctx, found)
    assert data == feed.feed_bytes(ctx, history(repo))
    root = ET.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    assert root.findtext(f"{ATOM}updated") == "2024-04-01T10:00:00+08:00"
    assert root.findtext(f"{ATOM}generator") == "stdcat"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated") for e in entries] == DATES[::-1]  # newest first, in git's order
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 4 and all(i.startswith("tag:example.org,2023:catalog/commit/") for i in ids)
    assert "状态 status: metrology pv-spec 光伏组件计量技术规范: 方案列出 → 20 起草" in entries[1].findtext(
        f"{ATOM}content"
    )
    assert "(was standard pv-modules)" in entries[2].findtext(f"{ATOM}content")


def test_write_gives_json_and_feed(repo, tmp_path) -> None:
    written = feed.write(context(repo), tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["data/changes.json", "changes.atom"]
    import json

    data = json.loads((tmp_path / "data/changes.json").read_text(encoding="utf-8"))
    assert data["available"] and data["complete"] and len(data["commits"]) == 4 and len(data["changes"]) == 20


def test_shallow_clone_says_so_and_invents_no_additions(repo, tmp_path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    found = history(clone)
    assert found.available and not found.complete and "shallow" in found.note
    # The boundary commit would list every file as added: it is left out.
    assert [c.subject for c in found.commits] == ["Drop a record"]
    root = ET.fromstring(feed.feed_bytes(context(clone), found))
    assert "shallow" in root.findtext(f"{ATOM}subtitle")


def test_no_repository_and_no_git_degrade_gracefully(tmp_path, monkeypatch) -> None:
    root = rich_catalog(tmp_path / "plain")
    found = history(root)
    assert not found.available and found.commits == [] and "not a git repository" in found.note
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert shutil.which("git") is None
    found = history(root)
    assert not found.available and "git is not available" in found.note
    root_el = ET.fromstring(feed.feed_bytes(context(root), found))
    assert root_el.findall(f"{ATOM}entry") == [] and root_el.findtext(f"{ATOM}updated") == "2023-01-01T00:00:00+00:00"
