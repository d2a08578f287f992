"""The exports published with the site: written once per build, into the root language's site.

The page build is single-threaded Python, and the exports (``stdcat.exports``) take several seconds
on a large catalog (jieba segmenting for the SQLite search table most of all). So they run in a
separate process, ``python -m stdcat export``, started as soon as MkDocs has cleaned the site folder
(``on_files``) and waited for at the end of the build (``on_post_build``): on two cores they cost
the build almost nothing. A separate process rather than a thread, because a thread would share
the page build's interpreter lock.

Only the build of the language at the site root exports; the other languages link up to the same
files. While serving, an export whose inputs did not change since the last one into the same
folder is skipped.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stdcat.site.rebuild import gently

# What an export reads: a change to any of these makes the published files stale.
INPUTS = ("catalog", "schema")
MARKER = Path("data") / "index.json"  # the export wrote its files if this exists

_last: dict[str, str] = {}  # site folder → inputs key of its last export (while serving)
_under_way: dict[str, Running] = {}  # site folder → its export still running (while serving)


@dataclass
class Running:
    """An export under way into ``out``."""

    process: subprocess.Popen[bytes] | None
    out: Path
    key: str


def inputs_key(root: Path, site_url: str) -> str:
    """Changes when a record, a schema, the git HEAD or the site URL changes."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(site_url.encode("utf-8") + b"\0")
    for folder in INPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
    head = root / ".git"
    if head.exists():  # the change history follows the commits; a worktree's .git is a file
        digest.update(str(head.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def start(root: Path, out: Path, site_url: str, *, reuse: bool = False) -> Running:
    """Start writing every export under ``out``; with ``reuse``, skip it if nothing changed."""
    key = inputs_key(root, site_url) if reuse else ""
    if reuse and _last.get(str(out)) == key and (out / MARKER).is_file():
        return Running(None, out, key)
    command = [sys.executable, "-m", "stdcat", "--root", str(root), "export", "--out", str(out)]
    if site_url:
        command += ["--site-url", site_url]
    if reuse:  # while serving, the exports follow the pages; an older export of stale files stops
        command = gently(command)
        stop(_under_way.pop(str(out), None))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    running = Running(process, out, key)
    if reuse:
        _under_way[str(out)] = running
    return running


def finish(running: Running) -> list[str]:
    """Wait for the export; return its problems (none when it wrote every file)."""
    if running.process is None:
        return []
    _, err = running.process.communicate()
    if running.process.returncode < 0:  # stopped by a newer export (see start): it reports for both
        return []
    if running.process.returncode != 0:
        _last.pop(str(running.out), None)
        message = err.decode("utf-8", "replace").strip() or f"exit status {running.process.returncode}"
        return [f"the downloads were not written: {message}"]
    _last[str(running.out)] = running.key
    return []


def finish_later(running: Running, report: Callable[[str], None]) -> None:
    """While serving: wait for the export in a thread, so the browser reloads without waiting for it."""

    def wait() -> None:
        for problem in finish(running):
            report(problem)

    threading.Thread(target=wait, daemon=True).start()


def stop(running: Running | None) -> None:
    """Stop an export whose build failed, so that no process outlives the build."""
    if running is not None and running.process is not None and running.process.poll() is None:
        running.process.kill()
        running.process.wait()
