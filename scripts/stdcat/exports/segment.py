"""Chinese word segmentation for full-text search (jieba), with the query builder to match.

SQLite's FTS5 tokenizers cannot find 光伏 inside 光伏组件检测标准: ``unicode61`` takes a run of
Chinese characters as one token and ``trigram`` misses two-character words. So the indexed text
is segmented by jieba in search mode (which also emits the shorter words inside long ones:
电化学 → 电化, 化学, 电化学) and joined with spaces, and a query is segmented the same way.
"""

from __future__ import annotations

import functools
import logging

import jieba


@functools.cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on stderr otherwise
    return jieba.Tokenizer()


def words(text: str) -> list[str]:
    """The words of a text in search mode, without whitespace."""
    return [w for w in _tokenizer().cut_for_search(text) if w.strip()]


def segmented(*texts: str | None) -> str:
    """Texts segmented and joined by spaces, ready for an FTS5 ``unicode61`` column."""
    return " ".join(w for text in texts if text for w in words(text))


def match_query(text: str) -> str:
    """An FTS5 MATCH expression finding rows that contain every word of ``text``."""
    found = dict.fromkeys(w for w in words(text) if any(c.isalnum() for c in w))
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in found)
