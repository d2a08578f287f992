"""Catalog → pages: every generated page of one language, as Markdown, without MkDocs.

Each module makes one family of pages; ``generate`` collects them. Nothing here knows the theme:
the HTML parts come from the fragment templates (``render.py``), so a theme change is a template
change.
"""

from __future__ import annotations

from pathlib import Path

from stdcat.catalog import Catalog
from stdcat.diagram import Drawings
from stdcat.site.i18n import Labels
from stdcat.site.links import Linker
from stdcat.site.pages import (
    changes,
    detail,
    downloads,
    framework,
    lists,
    organizations,
    performance,
    plan,
    records,
    reference,
    statistics,
    tags,
)
from stdcat.site.pages.base import Context, Page
from stdcat.site.render import Renderer

__all__ = ["Context", "Page", "context", "generate"]


def context(
    catalog: Catalog,
    lang: str,
    defs: dict,
    templates: Path,
    *,
    repo_url: str = "",
    site_url: str = "",
    root: Path | None = None,
    directory_urls: bool = True,
    drawings: Drawings | None = None,
) -> Context:
    """The context the generators share for one language."""
    return Context(
        catalog=catalog,
        lang=lang,
        linker=Linker(catalog, directory_urls),
        labels=Labels(defs),
        render=Renderer(templates, lang),
        drawings=drawings or Drawings(catalog, lang),
        repo_url=repo_url,
        site_url=site_url,
        root=root,
    )


def generate(ctx: Context) -> list[Page]:
    """Every generated page of the site in the context's language."""
    return [
        *records.pages(ctx),
        *framework.pages(ctx),
        *lists.pages(ctx),
        *organizations.pages(ctx),
        *plan.pages(ctx),
        *reference.pages(ctx),
        tags.page(ctx),
        detail.page(ctx),
        performance.page(ctx),
        statistics.page(ctx),
        downloads.page(ctx),
        changes.page(ctx),
    ]
