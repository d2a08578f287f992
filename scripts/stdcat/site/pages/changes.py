"""The change history page: how the catalog changed, newest first, from git (``exports.history``).

Changes are grouped by day, newest first; each entry says what happened (added, removed, renamed
old → new, or a status change old → new) to which record, linked while it still exists. The first
day, when the catalog was set up, is folded into one "initial catalog" entry that counts what it
held. The first entry of each commit carries its short hash as id, which the Atom feed
(``changes.atom``, published with the exports) links to; the folded commits' ids sit on the initial
entry. Without git, outside a repository or in a shallow clone the page says what is missing
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
    first = _first_day(changes)
    initial = [c for c in changes if c.date[:10] <= first]
    later = [c for c in changes if c.date[:10] > first][:LIMIT]
    view = {
        "note": note,
        "initial": _initial(ctx, initial, first) if initial else None,
        "days": _days(ctx, later),
        "more": max(0, len(changes) - len(initial) - LIMIT),
        "feed": root_url(ctx, HERE, FEED),
        "json": root_url(ctx, HERE, "data/changes.json"),
    }
    body = heading(1, TITLE[pick]) + "\n" + INTRO[pick] + "\n\n" + ctx.render("changes.html", c=view)
    return Page(HERE, body, in_nav=True)


def _first_day(changes: list[Change]) -> str:
    """The day the catalog was first published: the day of its oldest change. What happened on it
    is setting the catalog up (records added, renamed, removed again), not news to a reader."""
    return min((c.date[:10] for c in changes), default="")


def _initial(ctx: Context, changes: list[Change], day: str) -> dict[str, Any]:
    """The setup churn as one entry: how many records of each kind the first catalog held."""
    now: dict[str, str] = {}  # record id → kind, replaying the changes oldest first
    for change in reversed(changes):
        if change.change == "removed":
            now.pop(change.id, None)
        elif change.change == "renamed" and change.old_id:
            now.pop(change.old_id, None)
            now[change.id] = change.kind
        else:
            now[change.id] = change.kind
    counts = {kind: sum(1 for k in now.values() if k == kind) for kind in ctx.labels.values("kind")}
    return {
        "date": day,
        "total": len(now),
        "kinds": [{"label": ctx.label("kind", kind), "count": n} for kind, n in counts.items() if n],
        "anchors": sorted({c.commit[:12] for c in changes}),  # the feed's links to these commits
    }


def _days(ctx: Context, changes: list[Change]) -> list[dict[str, Any]]:
    """Changes grouped by day, newest first; the first entry of each commit carries its anchor."""
    days: list[dict[str, Any]] = []
    seen: set[str] = set()
    for change in changes:
        day = change.date[:10]
        if not days or days[-1]["date"] != day:
            days.append({"date": day, "entries": []})
        anchor = change.commit[:12] if change.commit not in seen else None
        seen.add(change.commit)
        days[-1]["entries"].append(_row(ctx, change, anchor))
    return days


def _row(ctx: Context, change: Change, anchor: str | None) -> dict[str, Any]:
    pick = 0 if ctx.lang == "zh" else 1
    record = ref(ctx, HERE, change.id)  # no address once the record is gone
    if change.change == "status":
        detail = f"{_status(ctx, change.old_status)} → {_status(ctx, change.new_status)}"
    elif change.change == "renamed":
        detail = f"{change.old_id} → {change.id}" if change.old_kind == change.kind else (
            f"{ctx.label('kind', change.old_kind)} {change.old_id} → {ctx.label('kind', change.kind)} {change.id}"
        )
    else:
        detail = ""
    return {
        "anchor": anchor,
        "commit": change.commit[:12],
        "change": change.change,
        "verb": VERBS[change.change][pick],
        "kind": ctx.label("kind", change.kind),
        "record": record,
        "detail": detail,
    }


def _status(ctx: Context, status: str | None) -> str:
    return ctx.label("status", status) if status else "—"
