"""What one ``mkdocs serve`` session keeps between its rebuilds, so that an edit shows quickly.

MkDocs makes new plugin instances for every rebuild, so this state lives in the module:

- whether we are serving (MkDocs tells only the first instance);
- each page's content key from the last build of each language: with ``mkdocs serve --dirty``
  (as ``./dev serve`` runs it) a generated page whose Markdown, diagram and theme are unchanged
  is not rendered again (``mark``);
- each language's generated pages (``pages.memo``): a page is made again only if what it shows
  changed;
- the theme's compiled templates (``templates``);
- the last catalog check, reused while no record or schema file changed, and each file's own
  findings, so that a check after an edit reads only the edited files (``checked``);
- the search index, rebuilt in a background thread after the pages are written, so that the
  browser reloads without waiting for it (search answers from the previous index meanwhile).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from stdcat.site.pages.memo import Memo

serving = False
dirty = False  # serving with --dirty: no rebuild cleans the site folder
_settled = False
_keys: dict[tuple[str, str], dict[str, str]] = {}
_memos: dict[tuple[str, str], tuple[str, Memo]] = {}
_check: dict[str, tuple[tuple[Any, ...], Any]] = {}
_files: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}  # each file's own findings, per schemas
_indexers: dict[str, _Indexer] = {}


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that links may be wrong; our dirty rebuilds keep them right
    (``mark`` makes again every page whose links could change), so the warning is noise, twice."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def quiet_dirty_warning() -> None:
    """Drop MkDocs' dirty-build warning from this process's log (installed once)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NoDirtyWarning) for f in logger.filters):
        logger.addFilter(_NoDirtyWarning())


def content_key(*parts: str | None) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def theme_key(root: Path, config_file: str | None) -> str:
    """Changes to the templates, the configuration or the schemas (labels) make every page new."""
    files = [*sorted((root / "overrides").rglob("*")), *sorted((root / "schema").glob("*.json"))]
    stats = [(str(p), p.stat().st_mtime_ns) for p in files if p.is_file()]
    if config_file:
        stats.append((config_file, Path(config_file).stat().st_mtime_ns))
    return content_key(repr(stats))


def mark(file: Any, build: tuple[str, str], src_uri: str, key: str) -> None:
    """Tell a dirty build whether this generated page changed since the last build."""
    previous = _keys.setdefault(build, {}).get(src_uri)
    _keys[build][src_uri] = key
    changed = previous != key or not Path(file.abs_dest_path).is_file()
    file.is_modified = lambda: changed


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory between rebuilds (MkDocs makes a new
    environment each time); a template whose source changed compiles again (jinja2 checks)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


templates = TemplateCache()


def memo(build: tuple[str, str], theme: str) -> Memo:
    """This language's kept pages; none kept across a change of templates, configuration or schemas."""
    kept = _memos.get(build)
    if kept is None or kept[0] != theme:
        kept = _memos[build] = (theme, Memo())
    return kept[1]


def checked(root: Path, run: Callable[..., Any]) -> Any:
    """The catalog check, reused while serving if no record or schema file changed.

    When some changed, only those files are read again (``run``'s ``memo``, see ``check.check``);
    a changed schema makes every file new.
    """
    if not serving:
        return run(root)
    schemas = tuple(_stamp(p) for p in sorted((root / "schema").glob("*.json")))
    fingerprint = (schemas, tuple(_stamp(p) for p in sorted((root / "catalog").rglob("*.yaml"))))
    cached = _check.get(str(root))
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    kept = _files.get(str(root))
    if kept is None or kept[0] != schemas:
        kept = _files[str(root)] = (schemas, {})
    result = run(root, memo=kept[1])
    _check[str(root)] = (fingerprint, result)
    return result


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


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


def settle() -> None:
    """After the session's first build: leave what it made to the garbage collector no more.

    Most of it stays for the whole session (modules, compiled templates, kept pages); walking it on
    every collection took a tenth of each rebuild at 2,000 records. What of it later becomes cyclic
    garbage (the first build's navigation) is kept, once.
    """
    global _settled
    if serving and not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def gently(command: list[str]) -> list[str]:
    """A background job's command, run at a lower priority: the next rebuild comes first on 2 cores."""
    return ["nice", "-n", "19", *command] if shutil.which("nice") else command


def in_background(site_dir: Path, job: Callable[[], None]) -> None:
    indexer = _indexers.get(str(site_dir))
    if indexer is None:
        indexer = _indexers[str(site_dir)] = _Indexer(job)
    indexer.job = job
    indexer.request()
