"""The neighbourhood diagram of a record page: who is in it, its DOT text, its drawing, its links."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stdcat import dotstream
from stdcat import neighbourhood as nb
from stdcat.check import check
from stdcat.dotstream import Stream
from stdcat.site.pages import neighbourhood as figure
from stdcat.site.pages import records
from tests.conftest import write
from tests.site.conftest import make_context
from tests.site_support import MINIMAL_XSS, site_root

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
PARTICIPANT = """\
id: nea
kind: organization
title:
  zh: 省能源局
  en: Provincial Energy Administration
name:
  zh: 江西省能源局
  en: Jiangxi Provincial Energy Administration
short: 省能源局
type: government
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal catalog, the hostile record, and pv-modules with a participant and a related task."""
    root = site_root(tmp_path_factory.mktemp("neighbourhood"), extra={"catalog/standard/xss-probe.yaml": MINIMAL_XSS})
    write(root, "catalog/organization/nea.yaml", PARTICIPANT)
    modules = root / "catalog/standard/pv-modules.yaml"
    text = modules.read_text(encoding="utf-8").replace("lead:\n  - amr", "lead:\n  - amr\nparticipants:\n  - nea")
    modules.write_text(text + "related:\n  - pv-task\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def catalog(root: Path):
    result = check(root)
    assert result.ok, [p.text() for p in result.problems]
    return result.catalog


def roles(catalog, record_id: str) -> dict[str, str]:
    found = nb.neighbourhood(catalog, catalog.get(record_id))
    return {n.record.id: n.role for n in found.neighbours}


def test_neighbourhood_holds_node_departments_and_related_both_ways_and_nothing_else(catalog):
    # pv-published names pv-modules in its related; pv-modules names pv-task.
    assert roles(catalog, "pv-modules") == {
        "pv": "framework",
        "amr": "lead",
        "nea": "participants",
        "pv-task": "related",
        "pv-published": "related_from",
    }
    assert roles(catalog, "pv-published") == {"pv": "framework", "pv-modules": "related"}


def test_dot_links_every_node_to_its_record_with_a_placeholder(catalog):
    source = nb.dot_source(nb.neighbourhood(catalog, catalog.get("pv-modules")), "zh")
    urls = re.findall(r'URL="([^"]*)"', source)
    assert sorted(urls) == sorted(f"stdcat:{i}" for i in ("pv-modules", "pv", "amr", "nea", "pv-task", "pv-published"))
    assert '"pv-published" -> "pv-modules"' in source and '"pv-modules" -> "pv-task"' in source
    assert 'class="nb nb-record nb-current"' in source


def test_labels_follow_the_language(catalog):
    record = nb.neighbourhood(catalog, catalog.get("pv-modules"))
    zh, en = nb.dot_source(record, "zh"), nb.dot_source(record, "en")
    assert 'label="省能源局"' in zh and "Provincial Energy" not in zh
    assert "Provincial\\nEnergy" in en or "Provincial Energy" in en
    assert "光伏组件检测标准" in zh and "Test methods for PV\\nmodules" in en, "long English labels wrap"


@pytest.fixture(scope="module")
def drawings(catalog) -> dict[tuple[str, str], str]:
    stream = Stream()
    keys = {
        (record_id, lang): stream.add(nb.dot_source(nb.neighbourhood(catalog, catalog.get(record_id)), lang))
        for record_id in ("pv-modules", "xss-probe")
        for lang in ("zh", "en")
    }
    return {which: stream.svg(key) for which, key in keys.items()}


def test_same_input_same_bytes(catalog, drawings):
    again = Stream()
    key = again.add(nb.dot_source(nb.neighbourhood(catalog, catalog.get("pv-modules")), "zh"))
    assert again.svg(key) == drawings["pv-modules", "zh"]
    assert (
        drawings["pv-modules", "zh"].startswith("<svg") and drawings["pv-modules", "zh"] != drawings["pv-modules", "en"]
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_stays_text(drawings, lang):
    svg = drawings["xss-probe", lang]
    tree = ET.fromstring(svg)  # raises if a title's '<' or '&' came through unescaped
    assert not [e for e in tree.iter() if e.tag in (f"{SVG}script", f"{SVG}img", f"{SVG}b")]
    texts = "".join(t.text or "" for t in tree.iter(f"{SVG}text"))
    tooltips = " ".join(a.get(f"{XLINK}title", "") for a in tree.iter(f"{SVG}a"))
    if lang == "zh":
        assert "<script>" in texts and "\\N" in tooltips, "markup and the backslash show literally"
        assert "xss-probe" not in texts, "\\N was not expanded to the node's name"
    else:
        assert "<script>" in texts and "</title><b>bold</b>" in tooltips


def test_a_graph_dot_rejects_fails_its_page_only(catalog):
    stream = Stream()
    good = stream.add(nb.dot_source(nb.neighbourhood(catalog, catalog.get("pv-task")), "en"))
    bad = stream.add("digraph { a -> ; }\n")
    with pytest.raises(RuntimeError, match="no SVG"):
        stream.svg(bad)
    assert "stdcat:pv-task" in stream.svg(good)


def test_disk_cache_gives_the_drawing_back_without_dot(catalog, tmp_path):
    source = nb.dot_source(nb.neighbourhood(catalog, catalog.get("pv-spec")), "zh")
    first = Stream(tmp_path / "cache.bin")
    drawn = first.svg(first.add(source))
    first.join()
    assert (tmp_path / "cache.bin").is_file()
    dotstream._MEMORY.clear()  # only the file can answer now, and there is no dot to ask
    dotstream._LOADED.clear()
    second = Stream(tmp_path / "cache.bin", command=("false",))
    assert second.svg(second.add(source)) == drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_record_page_gets_its_drawing_with_relative_links(root, lang):
    ctx = make_context(root, lang)
    here = "standard/pv-modules.md"
    page = next(p for p in records.pages(ctx) if p.src_uri == here)
    assert figure.MARKER in page.markdown
    html = figure.put_in_place(ctx, here, page.markdown)
    links = set(re.findall(r'xlink:href="([^"]*)"', html))
    assert links == {
        "./",
        "../../framework/pv/",
        "../../organization/amr/",
        "../../organization/nea/",
        "../../task/pv-task/",
        "../pv-published/",
    }
    assert figure.MARKER not in html and 'href="stdcat:' not in html
