"""Fixtures for the site tests: the minimal catalog plus a hostile record, and its generated pages."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from pymdownx.slugs import slugify

from stdcat.check import check
from stdcat.site import pages
from stdcat.site.render import FRAGMENTS
from tests.site_support import MINIMAL_XSS, site_root

REPO_URL = "https://github.com/example/catalog"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_root(tmp_path_factory.mktemp("site"), extra={"catalog/standard/xss-probe.yaml": MINIMAL_XSS})


def make_context(root: Path, lang: str) -> pages.Context:
    result = check(root)
    assert result.ok, "\n".join(p.text() for p in result.problems)
    defs = json.loads((root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
    return pages.context(result.catalog, lang, defs, root / FRAGMENTS, repo_url=REPO_URL, root=root)


@pytest.fixture(scope="module", params=["zh", "en"])
def generated(request: pytest.FixtureRequest, root: Path) -> tuple[pages.Context, dict[str, pages.Page]]:
    ctx = make_context(root, request.param)
    return ctx, {page.src_uri: page for page in pages.generate(ctx)}


def to_html(text: str) -> str:
    """Markdown → HTML with the extensions the site uses (no MkDocs involved)."""
    return markdown.markdown(
        text,
        extensions=["meta", "attr_list", "tables", "admonition", "pymdownx.escapeall", "toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower")}},
    )
