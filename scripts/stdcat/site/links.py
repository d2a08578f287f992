"""Where every page and record lives on the site, and links between them.

The rule: the page of ``catalog/<kind>/<id>.yaml`` is ``<kind>/<id>.md`` (so ``/standard/<id>/``),
except kinds shown on one shared page: terms live on the glossary, the plan text on the plan page.
A paragraph of the plan is the fragment ``plan/#<paragraph id>``.

Links come in two forms: ``md()`` gives a relative ``.md`` path for Markdown, which MkDocs rewrites
and checks under ``--strict``; ``url()`` gives the final relative URL for raw HTML and SVG, which
MkDocs neither rewrites nor checks (the browser tests check them all). ``page_url`` and
``relative_url`` follow MkDocs' own ``File.url`` and ``get_relative_url`` (a test holds them equal),
so this module needs no MkDocs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from stdcat.catalog import Catalog

# Pages of their own, one per record, under a folder named after the kind.
OWN_PAGE_KINDS = ("framework", "standard", "metrology", "task", "target", "document", "organization")

HOME = "index.md"
FRAMEWORK = "framework/index.md"
PLAN = "plan/index.md"
REPAIRS = "plan/repairs.md"
GLOSSARY = "glossary/index.md"
TAGS = "tags/index.md"
LISTS = {kind: f"{kind}/index.md" for kind in OWN_PAGE_KINDS if kind != "framework"}


@lru_cache(maxsize=65536)
def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root, as MkDocs computes it from its source path."""
    parent, filename = posixpath.split(src_uri)
    name = posixpath.splitext(filename)[0]
    if not directory_urls or name == "index":
        dest = posixpath.join(parent, name + ".html")
    else:
        dest = posixpath.join(parent, name, "index.html")
    dirname, last = posixpath.split(dest)
    if directory_urls and last == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def _parts(path: str) -> list[str]:
    out: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if out:
                out.pop()
        else:
            out.append(part)
    return out


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (MkDocs' ``get_relative_url``)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


@dataclass(frozen=True)
class Target:
    """Where a link goes: a page and, optionally, a fragment on it."""

    src_uri: str
    fragment: str | None = None


class Linker:
    """Addresses of records and pages, and relative links between them."""

    def __init__(self, catalog: Catalog, directory_urls: bool = True) -> None:
        self.catalog = catalog
        self.directory_urls = directory_urls

    def record(self, record_id: str) -> Target | None:
        """Where a record is shown, or None for an unknown id."""
        record = self.catalog.get(record_id)
        if record is None:
            return None
        if record.kind in OWN_PAGE_KINDS:
            return Target(f"{record.kind}/{record.id}.md")
        if record.kind == "term":
            return Target(GLOSSARY, record.id)
        if record.kind == "vocabulary":
            return Target(TAGS)  # the tags page shows the words it translates
        return Target(PLAN)  # the text record is the plan page itself

    def paragraph(self, paragraph_id: str) -> Target:
        return Target(PLAN, paragraph_id)

    def md(self, from_uri: str, target: Target) -> str:
        """A relative link to ``target`` in Markdown form (``../standard/x.md#frag``)."""
        rel = posixpath.relpath(target.src_uri, posixpath.dirname(from_uri) or ".")
        return rel + (f"#{target.fragment}" if target.fragment else "")

    def url(self, from_uri: str, target: Target) -> str:
        """The relative URL of ``target`` seen from the page ``from_uri``, for HTML and SVG."""
        here = page_url(from_uri, self.directory_urls)
        rel = relative_url(page_url(target.src_uri, self.directory_urls), here)
        return rel + (f"#{quote(target.fragment)}" if target.fragment else "")

    def to(self, from_uri: str, record_id: str) -> str | None:
        """The relative URL of a record's page, or None when the record is unknown."""
        target = self.record(record_id)
        return self.url(from_uri, target) if target else None
