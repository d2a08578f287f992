"""The change history as data and as an Atom feed.

Outputs: ``data/changes.json`` (``History.as_json()``: every change, newest first, and whether
the history was available and complete) and ``changes.atom`` under the site root, one entry per
commit that changed records (the newest ``LIMIT``), linking to the changes page.

Everything in the feed comes from git or the catalog, never from the clock: entry ids are
``tag:`` URIs of the commit hash, ``updated`` is the commit date, the feed's ``updated`` the newest
commit's date (a fixed date when there is no history), and the generator is a fixed string.
feedgen's ``add_entry`` prepends by default, so entries are added with ``order="append"``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from feedgen.feed import FeedGenerator

from stdcat.exports.common import dumps, write_bytes, write_text
from stdcat.exports.context import FIXED_TIME, Context
from stdcat.exports.history import Change, Commit, History, history

LIMIT = 100
CHANGES_PAGE = "changes/"
FEED = "changes.atom"
VERBS = {"added": "新增 added", "removed": "删除 removed", "renamed": "改名 renamed", "status": "状态 status"}


def describe(ctx: Context, change: Change) -> str:
    """One line for one change, e.g. ``新增 added: standard pv-modules 光伏组件检测标准``."""
    record = ctx.catalog.get(change.id)
    title = f" {record.title('zh')}" if record else ""
    line = f"{VERBS[change.change]}: {change.kind} {change.id}{title}"
    if change.change == "renamed":
        line += f" (was {change.old_kind} {change.old_id})"
    if change.change == "status":
        before = ctx.labels.zh(change.kind, "status", change.old_status) or "—"
        after = ctx.labels.zh(change.kind, "status", change.new_status) or "—"
        line += f": {before} → {after} ({change.old_status} → {change.new_status})"
    return line


def _summary(commit: Commit) -> str:
    counts: dict[str, int] = {}
    for change in commit.changes:
        counts[change.change] = counts.get(change.change, 0) + 1
    return ", ".join(f"{VERBS[k]} {n}" for k, n in counts.items())


def feed_bytes(ctx: Context, found: History) -> bytes:
    host = urlparse(ctx.site_url).hostname or "localhost"
    fg = FeedGenerator()
    fg.id(ctx.site_url + CHANGES_PAGE)
    fg.title("江西省碳达峰碳中和标准计量体系目录：变更 / Catalog changes")
    fg.subtitle(found.note or "记录的新增、删除、改名和状态变化 / Records added, removed, renamed and changing status")
    fg.author({"name": "江西省碳达峰碳中和标准计量体系目录 / Jiangxi dual-carbon catalog"})
    fg.link(href=ctx.site_url + CHANGES_PAGE, rel="alternate")
    fg.link(href=ctx.site_url + FEED, rel="self")
    fg.language("zh")
    fg.generator("stdcat")
    commits = found.commits[:LIMIT]
    fg.updated(datetime.fromisoformat(commits[0].date) if commits else FIXED_TIME)
    for commit in commits:
        entry = fg.add_entry(order="append")
        entry.id(f"tag:{host},2023:catalog/commit/{commit.hash}")
        entry.title(f"{_summary(commit)} · {commit.subject}")
        entry.updated(datetime.fromisoformat(commit.date))
        entry.link(href=f"{ctx.site_url}{CHANGES_PAGE}#{commit.hash[:12]}")
        entry.content("\n".join(describe(ctx, change) for change in commit.changes), type="text")
    return bytes(fg.atom_str(pretty=True))


def write(ctx: Context, out: Path) -> list[Path]:
    found = history(ctx.root)
    return [
        write_text(out / "data" / "changes.json", dumps(found.as_json())),
        write_bytes(out / FEED, feed_bytes(ctx, found)),
    ]
