"""The browser's search index: the documents' tokens (``tokens.py``) in buckets, and their display rows.

A query loads only what it needs: ``meta.json`` once (how many documents and buckets, each
document's rank data, the Latin words for completing and correcting English), then the bucket of
each of its tokens and the rows of the results it shows. The offline copy holds the same data in
one script (``bundle``), since ``file://`` cannot fetch.

- ``meta``: ``n`` documents, ``buckets``, ``chunk`` (rows per display file), ``docs`` (per document
  ``title length × 16 + kind rank``), ``words`` (the Latin tokens, sorted).
- a bucket ``t<b>.json``: token → its postings, ``(document − previous document) × 2 + in a name``;
  the token ``=`` + a name's squashed text lists the documents of that exact name.
- a display file ``d<c>.json``: per document ``[url, title, kind label, place, texts]``.

A token's bucket is FNV-1a of its UTF-8 bytes modulo the number of buckets (``engine.js`` too).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stdcat.search.documents import Doc
from stdcat.search.tokens import index_tokens, is_han, squash

BUCKET_BYTES = 48_000  # a bucket's size aimed at: what one token of a query costs to load
CHUNK = 12  # display rows per file: the first results load a few small files
TEXT_CHARS = 600  # of a document's texts kept for its excerpt
EXACT = "="


@dataclass
class Index:
    meta: dict[str, Any]
    buckets: list[dict[str, list[int]]]
    chunks: list[list[list[Any]]]


def fnv1a(token: str) -> int:
    value = 0x811C9DC5
    for byte in token.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def build(docs: Iterable[Doc]) -> Index:
    """The index of ``docs`` (in their order: a document's number is its place)."""
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    ranks: list[int] = []
    rows: list[list[Any]] = []
    for number, doc in enumerate(docs):
        named = set()
        for name in doc.names:
            named.update(index_tokens(name))
            named.add(EXACT + squash(name))
        tokens = named | {t for text in doc.body for t in index_tokens(text)}
        for token in sorted(tokens):
            previous = last.get(token, -1)
            postings.setdefault(token, []).append((number - previous) * 2 + (token in named))
            last[token] = number
        ranks.append(min(len(squash(doc.title)), 255) * 16 + doc.rank)
        rows.append([doc.url, doc.title, doc.kind_label, doc.place, _texts(doc)])
    size = sum(len(t.encode()) + 4 * len(p) + 6 for t, p in postings.items())
    count = max(1, math.ceil(size / BUCKET_BYTES))
    buckets: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for token in sorted(postings):
        buckets[fnv1a(token) % count][token] = postings[token]
    words = sorted(t for t in postings if not t.startswith(EXACT) and not is_han(t))
    meta = {"n": len(rows), "buckets": count, "chunk": CHUNK, "docs": ranks, "words": words}
    return Index(meta, buckets, [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)])


def _texts(doc: Doc) -> list[str]:
    """The texts an excerpt is cut from, the first ones whole, at most ``TEXT_CHARS`` in all."""
    out, left = [], TEXT_CHARS
    for text in doc.body:
        if left <= 0:
            break
        out.append(text[:left])
        left -= len(text)
    return out


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write(index: Index, folder: Path) -> int:
    """Write the served index into ``folder``; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    files = {"meta.json": index.meta}
    files.update({f"t{b}.json": bucket for b, bucket in enumerate(index.buckets)})
    files.update({f"d{c}.json": chunk for c, chunk in enumerate(index.chunks)})
    total = 0
    for name, value in files.items():
        data = _json(value).encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def bundle(index: Index) -> dict[str, Any]:
    """The whole index as one value, for the offline copy."""
    return {"meta": index.meta, "buckets": index.buckets, "chunks": index.chunks}
