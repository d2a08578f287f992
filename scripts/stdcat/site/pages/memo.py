"""Pages kept between the rebuilds of one ``mkdocs serve``: a page is made again only when what it shows changed.

Generating every record page again after each saved edit takes seconds at a few thousand records,
while one edit changes a handful of pages. A generator that can keep its pages names what a page
shows: the records whose data appear on it (``Memo.page``'s ``shows``). The page's key digests
those records' data, the build's settings and anything else the generator passes; an unchanged
key gives back the page made last time.

Only ``mkdocs serve`` keeps a memo (``rebuild.memo``); ``mkdocs build`` makes every page, so a
published site never depends on a key being complete.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from stdcat.catalog import Catalog
from stdcat.site.pages.base import Context

T = TypeVar("T")


class Memo:
    """The pages of one language made by earlier rebuilds, each under the key of what it showed."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[str, Any]] = {}
        self._catalog: Catalog | None = None
        # record id → its data, file and digest: while serving, an unchanged file keeps its data
        # object from one check to the next (check.py's memo), so its digest is not made again.
        self._digests: dict[str, tuple[Any, str, str]] = {}
        self.made = 0  # pages made (not given back) by the last rebuild: for tests and the log
        self.kept = 0

    def begin(self, catalog: Catalog) -> None:
        """A new rebuild, of this catalog."""
        self._catalog = catalog
        self.made = self.kept = 0

    def digest(self, record_id: Any) -> str:
        """A record's data and file in 16 bytes; ``-`` for an id the catalog lacks."""
        record = self._catalog.get(record_id) if isinstance(record_id, str) and self._catalog else None
        if record is None:
            return "-"
        kept = self._digests.get(record.id)
        if kept is not None and kept[0] is record.data and kept[1] == record.path:
            return kept[2]
        text = record.path + json.dumps(record.data, sort_keys=True, default=str)
        found = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        self._digests[record.id] = (record.data, record.path, found)
        return found

    def page(self, ctx: Context, here: str, shows: Iterable[Any], make: Callable[[], T], *extra: Any) -> T:
        """The page ``here`` (what ``make`` returns): the one made before if ``shows`` and ``extra`` are unchanged."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (ctx.lang, ctx.site_url, ctx.repo_url, ctx.branch, ctx.folder, *extra):
            digest.update(repr(part).encode("utf-8") + b"\0")
        for record_id in shows:
            digest.update(f"{record_id}={self.digest(record_id)}\0".encode())
        key = digest.hexdigest()
        kept = self._pages.get(here)
        if kept is not None and kept[0] == key:
            self.kept += 1
            return kept[1]
        page = make()
        self._pages[here] = (key, page)
        self.made += 1
        return page
