"""The one segmentation of search: the same words at index time and at query time, for every engine.

Text is normalized (NFKC: full-width letters, digits and spaces become half-width; lower case; no
zero-width characters), then cut into runs:

- a run of Chinese characters gives its single characters and its overlapping pairs of characters
  (碳足迹 → 碳 足 迹 碳足 足迹) when it is indexed; a query gives the pairs alone (碳足迹 → 碳足 足迹),
  or the character itself when the run is one character long. So every run a reader types that occurs
  in an indexed text finds it: a word, a part of one, a phrase across word boundaries; nothing
  depends on a dictionary that the index and the browser would have to share.
- a run of Latin letters and digits is one word (``DB36/T`` → ``db36`` ``t``).

``tokens.js`` is this module in JavaScript, for the browser's half of the same search; the tests run
both on the same texts and require the same tokens.
"""

from __future__ import annotations

import re
import unicodedata

# Chinese characters (the CJK blocks and 〇); Latin letters with accents, and digits.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = "0-9a-z\u00c0-\u024f"
RUNS = re.compile(f"[{HAN}]+|[{WORD}]+")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
# English words a query may hold without their being required (``standards for wind`` needs no "for").
STOPWORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]
)


def normalize(text: str) -> str:
    """NFKC, lower case, no zero-width characters."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()


HAN_START = re.compile(f"[{HAN}]")


def is_han(run: str) -> bool:
    """Whether a run (from ``runs``) is of Chinese characters."""
    return HAN_START.match(run) is not None


def runs(text: str) -> list[str]:
    """The runs of Chinese characters and of Latin letters and digits of normalized ``text``."""
    return RUNS.findall(normalize(text))


def index_tokens(text: str) -> list[str]:
    """The tokens a text is indexed under, in order, with repeats."""
    out: list[str] = []
    for run in runs(text):
        if is_han(run):
            out.extend(run)
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return out


def query_tokens(text: str) -> list[str]:
    """The tokens a query looks up, in order, without repeats."""
    out: list[str] = []
    for run in runs(text):
        single = not is_han(run) or len(run) == 1
        grams = [run] if single else [run[i : i + 2] for i in range(len(run) - 1)]
        out.extend(g for g in grams if g not in out)
    return out


def squash(text: str) -> str:
    """The text's runs joined without separators: what "the same title" and "contains" compare."""
    return "".join(runs(text))
