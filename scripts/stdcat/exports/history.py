"""How the catalog changed: records added, removed, renamed, or changing status, from git.

One ``git log -z --raw -M`` over ``catalog/`` lists every commit with the record files it added,
deleted, renamed or modified (``--raw`` is ``--name-status`` plus the blob ids of both sides).
For modified and renamed files, one ``git cat-file --batch`` reads both versions, and the
record loader (the only YAML reader) tells whether ``status`` changed.

Without git, outside a repository, or in a shallow clone, this never fails: ``History`` says
what is missing in ``note``. In a shallow clone the oldest commit present looks as if it added
every file, so its changes are left out and ``complete`` is false (deploy with full history).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from stdcat.catalog import KINDS
from stdcat.load import load_text

RECORD_FILE = re.compile(r"catalog/(?P<kind>[a-z]+)/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml")
NULL_BLOB = "0" * 40
FORMAT = "%x1e%H%x1f%P%x1f%cI%x1f%s"


@dataclass(frozen=True)
class Change:
    """One change to one record in one commit."""

    commit: str
    date: str
    change: str  # added | removed | renamed | status
    kind: str
    id: str
    old_id: str | None = None
    old_kind: str | None = None
    old_status: str | None = None
    new_status: str | None = None


@dataclass(frozen=True)
class Entry:
    """One file of a commit as ``git log --raw`` lists it."""

    status: str  # A, D, M, R<score>, C<score>
    old_path: str
    new_path: str
    old_blob: str
    new_blob: str


@dataclass
class Commit:
    hash: str
    date: str
    subject: str
    parents: list[str]
    entries: list[Entry] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


@dataclass
class History:
    """The changes, newest first, and whether the history they come from is whole."""

    commits: list[Commit] = field(default_factory=list)
    available: bool = True
    complete: bool = True
    note: str = ""

    @property
    def changes(self) -> list[Change]:
        return [change for commit in self.commits for change in commit.changes]

    def as_json(self) -> dict[str, Any]:
        return {
            "available": self.available,
            "complete": self.complete,
            "note": self.note,
            "commits": [{k: v for k, v in asdict(c).items() if k not in ("changes", "entries")} for c in self.commits],
            "changes": [asdict(change) for change in self.changes],
        }


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)


def history(root: Path) -> History:
    """The history of ``root/catalog``; never raises."""
    try:
        probe = _git(root, "rev-parse", "--is-shallow-repository")
    except OSError:
        return History(available=False, complete=False, note="git is not available: no change history")
    if probe.returncode != 0:  # not a repository, or one git refuses to read (safe.directory)
        reason = probe.stderr.decode("utf-8", "replace").strip().splitlines()
        note = "not a git repository" if not reason or "not a git repository" in reason[0] else reason[0]
        return History(available=False, complete=False, note=f"{note}: no change history")
    shallow = probe.stdout.strip() == b"true"
    log = _git(root, "log", "-z", "--raw", "--no-abbrev", "-M", "--relative", f"--format={FORMAT}", "--", "catalog")
    if log.returncode != 0:
        message = log.stderr.decode("utf-8", "replace").strip().splitlines()
        return History(available=False, complete=False, note="git log failed: " + (message[0] if message else "?"))
    commits = parse_log(log.stdout.decode("utf-8", "replace"))
    found = History(commits)
    if shallow:
        found.complete = False
        found.note = "shallow clone: only part of the history is present; the oldest commit's changes are left out"
        for commit in commits:
            if not commit.parents:
                commit.entries = []
    blobs = {b for c in commits for e in c.entries if e.status[0] in "MR" for b in (e.old_blob, e.new_blob)}
    statuses = _statuses(root, sorted(blobs - {NULL_BLOB}))
    for commit in commits:
        commit.changes = [c for e in commit.entries if (c := _change(commit, e, statuses)) is not None]
    found.commits = [c for c in commits if c.changes]
    return found


def parse_log(text: str) -> list[Commit]:
    """Commits from ``git log -z --raw --format=FORMAT`` output (raw entries kept as pending changes)."""
    commits: list[Commit] = []
    for chunk in text.split("\x1e")[1:]:
        header, _, rest = chunk.partition("\0")
        hash_, parents, date, subject = ([*header.split("\x1f"), "", "", "", ""])[:4]
        commit = Commit(hash_, date, subject, parents.split())
        tokens = rest.split("\0")
        i = 0
        while i < len(tokens):
            token = tokens[i].lstrip("\n")
            i += 1
            if not token.startswith(":"):
                continue
            meta = token[1:].split()
            paths = tokens[i : i + (2 if meta[4][0] in "RC" else 1)]
            i += len(paths)
            commit.entries.append(Entry(meta[4], paths[0], paths[-1], meta[2], meta[3]))
        commits.append(commit)
    return commits


def _record(path: str) -> tuple[str, str] | None:
    match = RECORD_FILE.fullmatch(path)
    if match is None or match["kind"] not in KINDS:
        return None
    return match["kind"], match["id"]


def _change(commit: Commit, entry: Entry, statuses: dict[str, str | None]) -> Change | None:
    """What one file entry means for the records: added, removed, renamed, status changed, or nothing."""
    old, new = _record(entry.old_path), _record(entry.new_path)
    base = {"commit": commit.hash, "date": commit.date}
    before, after = statuses.get(entry.old_blob), statuses.get(entry.new_blob)
    if entry.status == "A" and new:
        return Change(**base, change="added", kind=new[0], id=new[1])
    if entry.status == "D" and old:
        return Change(**base, change="removed", kind=old[0], id=old[1])
    if entry.status[0] == "R" and old and new:
        return Change(**base, change="renamed", kind=new[0], id=new[1], old_id=old[1], old_kind=old[0],
                      old_status=before, new_status=after)  # fmt: skip
    if entry.status[0] == "R" and new:  # a draft moved into the catalog
        return Change(**base, change="added", kind=new[0], id=new[1])
    if entry.status[0] == "R" and old:  # a record moved out of the catalog
        return Change(**base, change="removed", kind=old[0], id=old[1])
    if entry.status == "M" and new and before != after:
        return Change(**base, change="status", kind=new[0], id=new[1], old_status=before, new_status=after)
    return None


def _statuses(root: Path, blobs: list[str]) -> dict[str, str | None]:
    """The ``status`` of every blob, read in one ``git cat-file --batch``."""
    if not blobs:
        return {}
    try:
        result = _git(root, "cat-file", "--batch", stdin=("\n".join(blobs) + "\n").encode())
    except OSError:
        return {}
    out: dict[str, str | None] = {}
    data, pos = result.stdout, 0
    for blob in blobs:
        end = data.find(b"\n", pos)
        header = data[pos:end].split()
        if end < 0 or len(header) < 3 or header[1] != b"blob":
            pos = end + 1
            continue
        size = int(header[2])
        text = data[end + 1 : end + 1 + size].decode("utf-8", "replace")
        pos = end + 1 + size + 1
        loaded = load_text(text, blob)
        status = (loaded.data or {}).get("status")
        out[blob] = status if isinstance(status, str) else None
    return out
