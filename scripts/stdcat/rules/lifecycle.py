"""Status, dated history, number and dates tell one story.

Passes: ``status: published`` with ``history: [{status: published, date: '2024-05-01'}]``,
``number: DB36/T 1234-2024`` and ``dates: {published: '2024-05-01', effective: '2024-11-01'}``.
Fails: ``status: published`` with no number or no publication date (status-number);
``status: drafting`` whose last history entry says ``consultation`` (status-history);
``effective`` before ``published`` or history dates going backwards (date-order);
a number on a standard still at ``drafting`` (status-number).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem

DOCUMENT_STAGES = [
    "planned",
    "preliminary",
    "project-approved",
    "drafting",
    "consultation",
    "technical-review",
    "approval",
    "published",
    "periodic-review",
    "withdrawn",
]
NUMBERED_FROM = DOCUMENT_STAGES.index("approval")
PUBLISHED_FROM = DOCUMENT_STAGES.index("published")


def is_document(record: Record) -> bool:
    """Whether the record follows the stages of a standard (and so gets a number)."""
    if record.kind == "standard":
        return True
    return record.kind == "metrology" and record.get("type") in ("specification", "verification-regulation")


def check(ctx: Context) -> Iterator[Problem]:
    # Records that failed their schema are checked too when their shape allows it.
    for record in ctx.everything:
        if record.kind in ("standard", "metrology", "task") and _well_shaped(record):
            yield from _history(record)
            if is_document(record):
                yield from _number_and_dates(record)


def _well_shaped(record: Record) -> bool:
    """History a list of mappings and dates a mapping of text: what the checks below read."""
    history, dates = record.get("history") or [], record.get("dates") or {}
    return (
        isinstance(history, list)
        and all(isinstance(entry, dict) for entry in history)
        and isinstance(dates, dict)
        and all(isinstance(value, str) for value in dates.values())
    )


def _history(record: Record) -> Iterator[Problem]:
    status = record.get("status")
    history = record.get("history") or []
    if not history:
        if status not in (None, "planned"):
            yield problem(
                record,
                ("status",),
                "status-history",
                f"status '{status}' has no dated history entry",
                f"add history: [{{status: {status}, date: 'YYYY-MM-DD', evidence: <url>}}]",
            )
        return
    last = history[-1]
    if last.get("status") != status:
        yield problem(
            record,
            ("status",),
            "status-history",
            f"status is '{status}' but the last history entry says '{last.get('status')}'",
            "the status is the last entry of the history",
        )
    for i in range(1, len(history)):
        before, after = str(history[i - 1].get("date")), str(history[i].get("date"))
        if after < before[: len(after)]:
            yield problem(
                record,
                ("history", i, "date"),
                "date-order",
                f"history entry {i + 1} ({after}) is dated before entry {i} ({before})",
                "list the history oldest first",
            )


def _number_and_dates(record: Record) -> Iterator[Problem]:
    status = record.get("status")
    stage = DOCUMENT_STAGES.index(status) if status in DOCUMENT_STAGES else 0
    number, dates = record.get("number"), record.get("dates") or {}
    if stage >= PUBLISHED_FROM and not number:
        yield problem(
            record, ("status",), "status-number", f"a {status} {record.kind} needs its number", "add number: …"
        )
    if stage >= PUBLISHED_FROM and not dates.get("published"):
        yield problem(
            record,
            ("status",),
            "status-number",
            f"a {status} {record.kind} needs its publication date",
            "add dates: {published: 'YYYY-MM-DD'}",
        )
    if status == "withdrawn" and not dates.get("withdrawn"):
        yield problem(
            record,
            ("status",),
            "status-number",
            "a withdrawn standard needs its withdrawal date",
            "add dates: {withdrawn: 'YYYY-MM-DD'}",
        )
    if number and stage < NUMBERED_FROM:
        yield problem(
            record,
            ("number",),
            "status-number",
            f"a number is assigned at approval or publication, but the status is '{status}'",
            "remove the number, or update the status and history",
        )
    if dates.get("published") and stage < PUBLISHED_FROM:
        yield problem(
            record,
            ("dates", "published"),
            "status-number",
            f"a publication date, but the status is '{status}'",
            "update the status and history",
        )
    yield from _date_order(record, dates)


def _date_order(record: Record, dates: dict[str, str]) -> Iterator[Problem]:
    published = dates.get("published")
    for later in ("effective", "withdrawn"):
        if published and dates.get(later) and dates[later] < published:
            yield problem(
                record,
                ("dates", later),
                "date-order",
                f"'{later}' ({dates[later]}) is before 'published' ({published})",
            )
    for i, entry in enumerate(record.get("history") or []):
        if entry.get("status") == "published" and published and entry.get("date") != published:
            yield problem(
                record,
                ("history", i, "date"),
                "status-history",
                f"the history says published on {entry.get('date')}, the dates say {published}",
            )
