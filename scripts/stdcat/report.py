"""Problems as text, JSON or GitHub workflow annotations. Knows nothing of the rules."""

from __future__ import annotations

import json
from collections.abc import Callable

from stdcat.problem import Problem


def text(problems: list[Problem]) -> str:
    return "".join(p.text() + "\n" for p in problems)


def as_json(problems: list[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """Workflow commands: each problem becomes an annotation on its file and line."""
    lines = []
    for p in problems:
        message = p.message + (f"; {p.hint}" if p.hint else "")
        props = f"file={_escape_property(p.path)},line={p.line},col={p.col},title={_escape_property(p.code)}"
        lines.append(f"::{p.severity} {props}::{_escape_data(message)}\n")
    return "".join(lines)


FORMATS: dict[str, Callable[[list[Problem]], str]] = {"text": text, "json": as_json, "github": github}


def summary(problems: list[Problem], files: int, records: int) -> str:
    """One closing line for people: how many problems in how many files."""
    if not problems:
        return f"ok: {records} records in {files} files, no problems"
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    where = len({p.path for p in problems})
    parts = [f"{errors} error{'s' * (errors != 1)}"] + (
        [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    )
    return f"{', '.join(parts)} in {where} file{'s' * (where != 1)} ({files} file{'s' * (files != 1)} checked)"
