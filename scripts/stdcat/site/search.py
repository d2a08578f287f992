"""Readers' search on the site: Material's search box, answered by our own index and worker.

Material's search box stays (its keyboard handling, result list and highlighting); its lunr index
does not: Material lets a site bring its own search worker, and ours (``search/worker.js`` with
``tokens.js`` and ``engine.js``) answers from the index ``search/index.py`` makes of the catalog,
segmented as the query is (``search/tokens.py``). At build time:

- ``quiet_lunr``: Material's search plugin indexes nothing (it still writes its settings);
- ``write_index``: the index of this language, into ``search/stdcat/`` (served: a query loads only
  the files it needs) or, for the offline copy, into Material's ``search/search_index.json``, which
  Material's offline plugin turns into a script (``file://`` cannot fetch);
- ``install_worker``: our worker takes the place of Material's in the built site.

This module only connects MkDocs to ``stdcat.search``, which needs no MkDocs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stdcat.catalog import Catalog
from stdcat.search import documents, index, synonyms
from stdcat.site.i18n import Labels

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


def write_index(
    catalog: Catalog, lang: str, labels: Labels, root: Path, site_dir: Path, *, offline: bool, directory_urls: bool
) -> None:
    """Index this language's catalog into the built site (``offline``: inside Material's index file)."""
    docs = documents.documents(catalog, lang, labels, synonyms.load(root), directory_urls=directory_urls)
    built = index.build(docs)
    if not offline:
        index.write(built, site_dir / SERVED)
        return
    lunr = site_dir / LUNR
    settings = json.loads(lunr.read_text(encoding="utf-8")) if lunr.is_file() else {"config": {}, "docs": []}
    settings["stdcat"] = index.bundle(built)
    lunr.parent.mkdir(parents=True, exist_ok=True)
    lunr.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def install_worker(site_dir: Path) -> list[str]:
    """Put our worker in place of Material's; return the problems (empty when it went well)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return [f"no search worker under {WORKERS.as_posix()}: is Material's search plugin enabled?"]
    for worker in workers:
        worker.write_text(WORKER, encoding="utf-8")
        worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return []
