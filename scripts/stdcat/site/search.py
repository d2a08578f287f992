"""Readers' search on the site: Material's search box, answered by our own index and worker.

Material's search box stays (its keyboard handling, result list and highlighting); its lunr index
does not: Material lets a site bring its own search worker, and ours (``search/worker.js`` with
``tokens.js`` and ``engine.js``) answers from the index ``search/index.py`` makes of the catalog,
segmented as the query is (``search/tokens.py``). At build time:

- ``quiet_lunr``: Material's search plugin indexes nothing (it still writes its settings);
- ``start_index`` / ``finish_index``: the index of this language, made in a process of its own
  (``search/job.py``) while MkDocs builds the pages, into ``search/stdcat/`` (served: a query loads
  only the files it needs) or, for the offline copy, into Material's ``search/search_index.json``,
  which Material's offline plugin turns into a script (``file://`` cannot fetch);
- ``install_worker``: our worker takes the place of Material's in the built site.

This module only connects MkDocs to ``stdcat.search``, which needs no MkDocs.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stdcat.search import index, job

WORKERS = Path("assets") / "javascripts" / "workers"
SERVED = Path("search") / "stdcat"
LUNR = Path("search") / "search_index.json"
_PARTS = ("tokens.js", "engine.js", "worker.js")
WORKER = "\n".join((Path(index.__file__).parent / name).read_text(encoding="utf-8") for name in _PARTS)


class QuietIndex:
    """Takes the place of Material's search index: indexes nothing, writes only the settings."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def add_entry_from_context(self, page: Any) -> None:
        pass

    def generate_search_index(self, prev: Any = None) -> str:
        keys = ("lang", "separator", "pipeline")
        return json.dumps({"config": {k: self.config.get(k) for k in keys}, "docs": []})


def quiet_lunr(search_plugin: Any) -> None:
    """Make Material's search plugin skip indexing (its box stays; our worker answers it)."""
    search_plugin.search_index = QuietIndex(dict(search_plugin.config))


@dataclass
class Indexing:
    """The index of one language under way (``stdcat.search.job``), into the built site."""

    process: subprocess.Popen[bytes]
    site_dir: Path
    bundle: Path | None  # the offline copy's whole index, merged into Material's index file


def start_index(
    root: Path, lang: str, site_dir: Path, *, offline: bool, directory_urls: bool, gently: bool = False
) -> Indexing:
    """Start indexing this language's catalog into the built site, in a process of its own
    (``gently``: at a lower priority, while serving, so that the next rebuild comes first)."""
    bundle = site_dir / "search" / "stdcat-bundle.json" if offline else None
    if bundle is not None:
        bundle.parent.mkdir(parents=True, exist_ok=True)
    process = job.start(root, lang, site_dir / SERVED, flat_urls=not directory_urls, bundle=bundle, gently=gently)
    return Indexing(process, site_dir, bundle)


def finish_index(indexing: Indexing) -> list[str]:
    """Wait for the index; the offline copy's goes into Material's index file (the offline plugin
    then inlines that file as a script). Return the problems."""
    problems = job.finish(indexing.process)
    if problems or indexing.bundle is None:
        return problems
    lunr = indexing.site_dir / LUNR
    settings = json.loads(lunr.read_text(encoding="utf-8")) if lunr.is_file() else {"config": {}, "docs": []}
    # Material hands its worker the index's config and docs only: the bundle rides in the config.
    settings.setdefault("config", {})["stdcat"] = json.loads(indexing.bundle.read_text(encoding="utf-8"))
    lunr.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    indexing.bundle.unlink()
    return []


def stop_index(indexing: Indexing | None) -> None:
    """Stop an index whose build failed, so that no process outlives the build."""
    if indexing is not None and indexing.process.poll() is None:
        indexing.process.kill()
        indexing.process.wait()


def install_worker(site_dir: Path) -> list[str]:
    """Put our worker in place of Material's; return the problems (empty when it went well)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return [f"no search worker under {WORKERS.as_posix()}: is Material's search plugin enabled?"]
    for worker in workers:
        worker.write_text(WORKER, encoding="utf-8")
        worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return []
