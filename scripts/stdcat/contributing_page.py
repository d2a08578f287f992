"""MkDocs hook: CONTRIBUTING.md, written for GitHub, is also the site's contributing page.

One text, never copied by hand: the guide lives at the repository's root, where GitHub shows it
to everyone opening an issue or a pull request, and this hook publishes it at ``contributing/``
during the build. Its links are rewritten for the site: a page of ``docs/`` becomes a link
between pages (so ``--strict`` checks it), an address on the published site becomes a relative
link (so previews work), and any other file of the repository a link to that file on GitHub.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

SOURCE = "CONTRIBUTING.md"
PAGE = "contributing/index.md"
_FENCE = re.compile(r"^(```.*?^```)", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def site_links(markdown: str, site_url: str, repo_url: str, docs: str = "docs", page: str = PAGE) -> str:
    """``markdown`` with its links made to work from ``page`` of the site; code blocks untouched."""
    parts = _FENCE.split(markdown)
    for i in range(0, len(parts), 2):  # the odd parts are the fenced blocks
        parts[i] = _LINK.sub(lambda m: f"]({_site_link(m.group(1), site_url, repo_url, docs, page)})", parts[i])
    return "".join(parts)


def _site_link(url: str, site_url: str, repo_url: str, docs: str, page: str) -> str:
    here = posixpath.dirname(page) or "."
    if site_url and url.startswith(site_url):
        path, hash_, fragment = url[len(site_url) :].partition("#")
        relative = posixpath.relpath(path or ".", here) + ("/" if path.endswith("/") else "")
        return relative + hash_ + fragment
    if url.startswith("#") or re.match(r"[a-z][a-z0-9+.-]*:", url):
        return url
    path, hash_, fragment = url.partition("#")
    if path.startswith(f"{docs}/"):
        return posixpath.relpath(path.removeprefix(f"{docs}/"), here) + hash_ + fragment
    return f"{repo_url.rstrip('/')}/blob/main/{path}{hash_}{fragment}"


def on_files(files: Any, config: Any) -> Any:
    """Add the contributing page, generated from CONTRIBUTING.md, to the site's files."""
    from mkdocs.structure.files import File  # only under MkDocs; the link rewriting is tested without it

    root = Path(config.config_file_path).parent
    source = root / SOURCE
    if not source.is_file():
        return files
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    content = site_links(source.read_text(encoding="utf-8"), config.site_url or "", config.repo_url or "", docs)
    page = File.generated(config, PAGE, content=content)
    # The "edit this page" button opens CONTRIBUTING.md, wherever edit_uri points within the repository.
    page.edit_uri = f"../{SOURCE}" if (config.edit_uri or "").rstrip("/").endswith(docs) else SOURCE
    files.append(page)
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when CONTRIBUTING.md changes under ``mkdocs serve``."""
    server.watch(str(Path(config.config_file_path).parent / SOURCE))
    return server
