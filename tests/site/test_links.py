"""Addresses: our pure URL functions agree with MkDocs' own, and record links go where they should."""

from __future__ import annotations

import itertools

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from stdcat.site.links import Linker, Target, page_url, relative_url

URIS = ["index.md", "about.md", "plan/index.md", "plan/repairs.md", "standard/x-y.md", "framework/index.md", "中文.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_url_is_mkdocs_url(directory_urls):
    for uri in URIS:
        assert page_url(uri, directory_urls) == File(uri, "docs", "site", directory_urls).url


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_url_is_mkdocs_relative_url(directory_urls):
    urls = [page_url(u, directory_urls) for u in URIS]
    for a, b in itertools.product(urls, repeat=2):
        assert relative_url(a, b) == get_relative_url(a, b), (a, b)


def test_record_targets(root):
    from stdcat.check import check

    linker = Linker(check(root).catalog)
    assert linker.record("pv-modules") == Target("standard/pv-modules.md")
    assert linker.record("carbon-footprint") == Target("glossary/index.md", "carbon-footprint")
    assert linker.record("plan-text") == Target("plan/index.md")
    assert linker.record("nope") is None
    assert linker.to("standard/pv-modules.md", "amr") == "../../organization/amr/"
    assert linker.md("standard/pv-modules.md", Target("plan/index.md", "p-1")) == "../plan/index.md#p-1"
    assert linker.url("index.md", Target("tags/index.md", "tag-光伏")) == "tags/#tag-%E5%85%89%E4%BC%8F"
