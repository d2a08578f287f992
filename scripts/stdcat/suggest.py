""" "Did you mean …?": the closest names to a misspelt one, fast even among ten thousand ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_NARROW_ABOVE = 300


def close_matches(word: str, names: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The names most like ``word``, best first.

    difflib compares every candidate; in a large pool, first keep the names that share a
    four-letter run with the word (a misspelling keeps most of them).
    """
    pool = list(dict.fromkeys(names))
    if len(pool) > _NARROW_ABOVE and len(word) >= 4:
        grams = {word[i : i + 4] for i in range(len(word) - 3)}
        pool = [name for name in pool if any(g in name for g in grams)][: _NARROW_ABOVE * 3]
    return difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)


def close_hint(word: str, names: Iterable[str]) -> str | None:
    """``close: 'a', 'b'``, or None when nothing is close."""
    found = close_matches(word, names, cutoff=0.5)
    return "close: " + ", ".join(f"'{c}'" for c in found) if found else None
