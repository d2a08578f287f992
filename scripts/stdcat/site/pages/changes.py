"""The change history page: how the catalog changed, newest first, from git (``exports.history``).

Each change is a row: the commit's date, what happened (added, removed, renamed, or a status
change old → new), and the record, linked while it still exists. The first row of each commit
carries its short hash as id, which the Atom feed (``changes.atom``, published with the exports)
links to. Without git, outside a repository or in a shallow clone the page says what is missing
and the build goes on: ``history`` never raises.
"""

from __future__ import annotations

from typing import Any

from stdcat.exports.feed import CHANGES_PAGE, FEED
from stdcat.exports.history import Change, History, history
from stdcat.site.markdown import heading
from stdcat.site.pages.base import Context, Page, ref
from stdcat.site.pages.downloads import root_url

HERE = CHANGES_PAGE + "index.md"
# A long history would make a heavy page; the JSON and the feed have it all.
LIMIT = 2000
TITLE = ("变更历史", "Change history")
INTRO = (
    "目录如何随时间变化：新增、删除、改名的记录和状态的变化，按时间由近及远，取自本目录的 git 历史。",
    "How the catalog changed over time: records added, removed, renamed, and status changes, newest first, "
    "from the catalog's git history.",
)
VERBS = {
    "added": ("新增", "Added"),
    "removed": ("删除", "Removed"),
    "renamed": ("改名", "Renamed"),
    "status": ("状态变化", "Status change"),
}
NO_HISTORY = ("无法读取变更历史", "No change history")
PARTIAL = ("变更历史不完整", "The change history is incomplete")


def page(ctx: Context) -> Page:
    pick = 0 if ctx.lang == "zh" else 1
    found = history(ctx.root) if ctx.root else History(available=False, complete=False, note="no repository")
    changes = found.changes
    note = ""
    if found.note:
        note = f"{(PARTIAL if found.available else NO_HISTORY)[pick]}: {found.note}"
    view = {
        "note": note,
        "rows": _rows(ctx, changes[:LIMIT]),
        "more": max(0, len(changes) - LIMIT),
        "feed": root_url(ctx, HERE, FEED),
        "json": root_url(ctx, HERE, "data/changes.json"),
    }
    body = heading(1, TITLE[pick]) + "\n" + INTRO[pick] + "\n\n" + ctx.render("changes.html", c=view)
    return Page(HERE, body, in_nav=True)


def _rows(ctx: Context, changes: list[Change]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for change in changes:
        anchor = change.commit[:12] if change.commit not in seen else None
        seen.add(change.commit)
        rows.append(_row(ctx, change, anchor))
    return rows


def _row(ctx: Context, change: Change, anchor: str | None) -> dict[str, Any]:
    pick = 0 if ctx.lang == "zh" else 1
    record = ref(ctx, HERE, change.id)  # no address once the record is gone
    if change.change == "status":
        detail = f"{_status(ctx, change.old_status)} → {_status(ctx, change.new_status)}"
    elif change.change == "renamed":
        detail = f"{change.old_kind}/{change.old_id} → {change.kind}/{change.id}"
    else:
        detail = ""
    return {
        "anchor": anchor,
        "date": change.date[:10],
        "commit": change.commit[:12],
        "change": change.change,
        "verb": VERBS[change.change][pick],
        "kind": ctx.label("kind", change.kind),
        "record": record,
        "detail": detail,
    }


def _status(ctx: Context, status: str | None) -> str:
    return ctx.label("status", status) if status else "—"
