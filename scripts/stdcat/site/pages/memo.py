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
        self._digests: dict[str, str] = {}
        self.made = 0  # pages made (not given back) by the last rebuild: for tests and the log
        self.kept = 0

    def begin(self, catalog: Catalog) -> None:
        """A new rebuild: record digests are per catalog, the counts per rebuild."""
        if catalog is not self._catalog:
            self._catalog = catalog
            self._digests = {}
        self.made = self.kept = 0

    def digest(self, record_id: Any) -> str:
        """A record's data and file in 16 bytes; ``-`` for an id the catalog lacks."""
        if not isinstance(record_id, str) or self._catalog is None:
            return "-"
        found = self._digests.get(record_id)
        if found is None:
            record = self._catalog.get(record_id)
            text = "-" if record is None else record.path + json.dumps(record.data, sort_keys=True, default=str)
            found = self._digests[record_id] = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
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
