"""Search at scale: Material's search box, answered from a Pagefind index.

Material's own search loads one lunr index of the whole site into the reader's browser: about
28 MB for 5,000 records, before the first query. Pagefind (``pagefind[extended]``, a Rust binary
shipped in its wheel, with Chinese word segmentation) cuts the index into chunks and a query
loads only the chunks of its words and the fragments of the results it shows.

The reader keeps Material's search box: Material lets a site bring its own search worker, and
``search_worker.js`` answers Material's messages from the Pagefind bundle. At build time:

- ``quiet_lunr``: Material's search plugin stays (it draws the search box) but indexes nothing;
- ``index``: Pagefind indexes this language's built pages (their ``data-pagefind-body``, set by
  ``overrides/main.html`` on every page not excluded from search) into ``pagefind/``;
- ``install_worker``: our worker takes the place of Material's in the built site.

A copy for ``file://`` (``./dev offline``) cannot fetch index chunks, so it keeps Material's lunr
search with the segmentation fix of ``search_patch.py``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from stdcat.site import rebuild
from stdcat.site.search_patch import WORKERS

BUNDLE = "pagefind"
WORKER = (Path(__file__).parent / "search_worker.js").read_text(encoding="utf-8")
# Parts of a page that are no search text: tables and lists of other records (whose own pages
# are indexed: a record would otherwise be found by every title it links to), the diagram, anchors;
# and what every record page repeats: its citations (its title again, an address), its badges, its
# framework path, the labels of its facts, the edit links. Besides finding every record by 状态 or
# 标准, these made a third of the index: Pagefind holds each page's words in memory at once, and
# at 10,000 records they took it past 1.5 GB.
EXCLUDE = ", ".join(
    [
        "[data-search-exclude]",
        ".stdcat-related",
        ".stdcat-diagram",
        ".headerlink",
        ".md-source-file",
        ".stdcat-cite",
        ".stdcat-badges",
        ".stdcat-breadcrumb",
        ".stdcat-facts dt",
        ".stdcat-edit",
    ]
)


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


def executable() -> str:
    from pagefind_bin_extended import get_executable

    return str(get_executable())


def index(site_dir: Path, skip: list[str], *, gently: bool = False) -> None:
    """Index the built pages of this language, leaving out the folders in ``skip`` (other languages).

    ``gently``: at a lower priority, for an index made in the background while serving.
    """
    tops = sorted(p.name for p in site_dir.iterdir() if p.is_dir() and p.name not in {*skip, BUNDLE, "assets"})
    glob = "{" + ",".join(["*.html", *(f"{top}/**/*.html" for top in tops)]) + "}"
    command = [executable(), "--site", str(site_dir), "--glob", glob, "--exclude-selectors", EXCLUDE, "--quiet"]
    done = subprocess.run(
        rebuild.gently(command) if gently else command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def install_worker(site_dir: Path) -> list[str]:
    """Put our worker in place of Material's; return the problems (empty when it went well)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return [f"no search worker under {WORKERS.as_posix()}: is Material's search plugin enabled?"]
    for worker in workers:
        worker.write_text(WORKER, encoding="utf-8")
        worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return []
