"""Synonyms and abbreviations readers use, kept as data (``search/synonyms.yaml``), applied at index time.

Each group lists phrases that mean the same thing in this catalog. They are applied to what is
indexed, never to the query, so every engine (the site, the offline copy, the SQLite download, a
reader's own SQL) gets them without code of its own:

- a name (a title, a department's short name, a term's abbreviation) holding a phrase of a group
  gets, as further names, the same name with each other phrase of its language in its place
  (Chinese for Chinese, Latin letters for Latin letters): the term 碳达峰碳中和 is also named 双碳,
  the standard 光伏发电标准体系 also 太阳能发电标准体系, Photovoltaic power also solar power;
- a text holding a phrase of a group is indexed with the group's other phrases too.

``problems`` checks the file against ``schema/synonyms.schema.json`` and says where it is wrong,
as ``stdcat validate`` reports records.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from stdcat.load import load_file
from stdcat.problem import Problem
from stdcat.search.tokens import HAN, WORD, normalize, runs

FILE = Path("search") / "synonyms.yaml"
SCHEMA = Path("schema") / "synonyms.schema.json"


def canonical(text: str) -> str:
    """Normalized text with its runs separated by one space, and none between Chinese runs:
    the form in which phrases are found and replaced."""
    out = ""
    for run in runs(text):
        joined = out and re.match(f"[{HAN}]", run) and re.search(f"[{HAN}]$", out)
        out += run if joined or not out else " " + run
    return out


@dataclass(frozen=True)
class Synonyms:
    """The groups, each a tuple of phrases in canonical form."""

    groups: tuple[tuple[str, ...], ...] = ()

    def aliases(self, name: str) -> list[str]:
        """Further names for ``name``: it with a group's phrase replaced by each other phrase (the
        longest phrase the name holds, so 省林业局 is not read as 省 + 林业局)."""
        text, out = canonical(name), []
        for group in self.groups:
            phrase = next((p for p in sorted(group, key=len, reverse=True) if _pattern(p).search(text)), None)
            if phrase is None:
                continue
            for other in group:
                if _is_han(other) != _is_han(phrase):
                    continue  # a name stays in its language: 光伏发电 is not also "solar power"
                alias = _pattern(phrase).sub(lambda _m, o=other: o, text)
                if other != phrase and alias != text and alias not in out:
                    out.append(alias)
        return out

    def related(self, text: str) -> list[str]:
        """The phrases of every group that ``text`` holds a phrase of (those it does not hold)."""
        canon, out = canonical(text), []
        for group in self.groups:
            if any(_pattern(p).search(canon) for p in group):
                out.extend(p for p in group if not _pattern(p).search(canon))
        return out


def _is_han(phrase: str) -> bool:
    return re.search(f"[{HAN}]", phrase) is not None


@functools.lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    """Where ``phrase`` stands in canonical text: Latin words whole, Chinese anywhere."""
    before = f"(?<![{WORD}])" if re.match(f"[{WORD}]", phrase) else ""
    after = f"(?![{WORD}])" if re.search(f"[{WORD}]$", phrase) else ""
    return re.compile(before + re.escape(phrase) + after)


def load(root: Path) -> Synonyms:
    """The synonym groups of the repository at ``root`` (none when the file is missing or invalid)."""
    loaded = load_file(root / FILE, FILE.as_posix()) if (root / FILE).is_file() else None
    if loaded is None or loaded.problems or not isinstance(loaded.data, dict) or problems(root):
        return Synonyms()
    groups = []
    for group in loaded.data.get("groups") or []:
        phrases = tuple(dict.fromkeys(canonical(p) for p in group if canonical(p)))
        if len(phrases) > 1:
            groups.append(phrases)
    return Synonyms(tuple(groups))


def problems(root: Path) -> list[Problem]:
    """Every problem of the synonyms file, positioned (none when there is no file)."""
    import jsonschema

    from stdcat.schema import _explain

    if not (root / FILE).is_file():
        return []
    loaded = load_file(root / FILE, FILE.as_posix())
    if loaded.problems or loaded.data is None:
        return list(loaded.problems)
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    found: list[Problem] = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(loaded.data):
        found.extend(_explain(error, loaded))
    if found:
        return found
    for g, group in enumerate(loaded.data["groups"]):
        for p, phrase in enumerate(group):
            if not runs(phrase):
                line, col = loaded.where(("groups", g, p))
                message = f"the phrase {phrase!r} has no letter, digit or Chinese character"
                found.append(Problem(loaded.path, line, col, "synonym-empty", message))
    return found


__all__ = ["FILE", "Synonyms", "canonical", "load", "normalize", "problems"]
