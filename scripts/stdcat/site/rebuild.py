"""What one ``mkdocs serve`` session keeps between its rebuilds, so that an edit shows quickly.

MkDocs makes new plugin instances for every rebuild, so this state lives in the module:

- whether we are serving (MkDocs tells only the first instance);
- each page's content key from the last build of each language: with ``mkdocs serve --dirty``
  (as ``./dev serve`` runs it) a generated page whose Markdown, diagram and theme are unchanged
  is not rendered again (``mark``);
- the last catalog check, reused while no record or schema file changed (the English build
  that follows the Chinese one checks the same files);
- the search index, rebuilt in a background thread after the pages are written, so that the
  browser reloads without waiting for it (search answers from the previous index meanwhile).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

serving = False
_keys: dict[tuple[str, str], dict[str, str]] = {}
_check: dict[str, tuple[tuple[Any, ...], Any]] = {}
_indexers: dict[str, _Indexer] = {}


def content_key(*parts: str | None) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def theme_key(root: Path, config_file: str | None) -> str:
    """Changes to the templates or the configuration make every page new."""
    stats = [(str(p), p.stat().st_mtime_ns) for p in sorted((root / "overrides").rglob("*")) if p.is_file()]
    if config_file:
        stats.append((config_file, Path(config_file).stat().st_mtime_ns))
    return content_key(repr(stats))


def mark(file: Any, build: tuple[str, str], src_uri: str, key: str) -> None:
    """Tell a dirty build whether this generated page changed since the last build."""
    previous = _keys.setdefault(build, {}).get(src_uri)
    _keys[build][src_uri] = key
    changed = previous != key or not Path(file.abs_dest_path).is_file()
    file.is_modified = lambda: changed


def checked(root: Path, run: Callable[[Path], Any]) -> Any:
    """The catalog check, reused while serving if no record or schema file changed."""
    if not serving:
        return run(root)
    files = [*sorted((root / "catalog").rglob("*.yaml")), *sorted((root / "schema").glob("*.json"))]
    fingerprint = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    cached = _check.get(str(root))
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    result = run(root)
    _check[str(root)] = (fingerprint, result)
    return result


class _Indexer:
    """Runs one job at a time in the background; requests made while it runs coalesce into one more run."""

    def __init__(self, job: Callable[[], None]) -> None:
        self.job = job
        self.lock = threading.Lock()
        self.pending = False
        self.thread: threading.Thread | None = None

    def request(self) -> None:
        with self.lock:
            self.pending = True
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._loop, daemon=True)
                self.thread.start()

    def _loop(self) -> None:
        while True:
            with self.lock:
                if not self.pending:
                    return
                self.pending = False
            try:
                self.job()
            except Exception as err:  # a failed index must not stop the server; the log says why
                print(f"stdcat: search index: {err}")


def in_background(site_dir: Path, job: Callable[[], None]) -> None:
    indexer = _indexers.get(str(site_dir))
    if indexer is None:
        indexer = _indexers[str(site_dir)] = _Indexer(job)
    indexer.job = job
    indexer.request()
