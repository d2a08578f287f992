"""MkDocs builds of a small catalog: both languages, strict, and a broken catalog stops the build."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import edit, write
from tests.site_support import MINIMAL_XSS, build_both, mkdocs, site_root, warnings

URL = "http://127.0.0.1:8765/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, str]]]:
    base = tmp_path_factory.mktemp("build")
    root = site_root(base / "repo", extra={"catalog/standard/xss-probe.yaml": MINIMAL_XSS})
    return base / "site", build_both(root, base / "site", URL)


def test_one_plain_build_makes_both_languages_with_no_warnings(built):
    """``mkdocs build`` alone (as ``gh-deploy`` runs it) builds the English site into ``en/`` too."""
    site, results = built
    ((code, log),) = results.values()
    assert code == 0, log
    assert warnings(log) == [], log
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_both_languages_have_the_same_pages(built):
    site, _ = built
    zh = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "en")}
    en = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")}
    assert zh == en
    assert {"index.html", "standard/pv-modules/index.html", "framework/pv/index.html", "plan/index.html"} <= zh


def test_pages_carry_language_links_and_diagrams(built):
    site, _ = built
    page = (site / "standard" / "pv-modules" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in page
    assert 'href="../../en/standard/pv-modules/" hreflang="en"' in page, "the switch lands on the same page"
    english = (site / "en" / "standard" / "pv-modules" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert 'href="../../../standard/pv-modules/" hreflang="zh"' in english
    node = (site / "framework" / "pv" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in node and "fw-current" in node and "<!-- stdcat-svg -->" not in node


def test_record_text_is_escaped_in_the_title_element(built):
    site, _ = built
    page = (site / "en" / "standard" / "xss-probe" / "index.html").read_text(encoding="utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;/title&gt;&lt;b&gt;" in title, title
    assert "<script>window.__xss" not in page


def test_nothing_generated_is_written_into_docs(built):
    site, _ = built
    docs = site.parent / "repo" / "docs"
    assert sorted(p.name for p in docs.rglob("*.md")) == sorted(
        p.name for p in (Path(__file__).parents[2] / "docs").rglob("*.md")
    )


def test_catalog_errors_stop_the_build_with_every_problem(tmp_path):
    root = site_root(tmp_path / "repo")
    write(root, "catalog/standard/broken.yaml", "id: broken\nkind: standard\ntitle:\n  zh: 坏\n")
    write(
        root,
        "catalog/standard/pv-modules.yaml",
        (root / "catalog/standard/pv-modules.yaml").read_text().replace("lead:\n  - amr", "lead:\n  - nobody"),
    )
    process = mkdocs(root, "mkdocs.yml", tmp_path / "site", URL)
    log, _ = process.communicate(timeout=300)
    assert process.returncode == 1, log
    assert "catalog/standard/broken.yaml:1:1: error[missing-field]" in log
    assert "catalog/standard/pv-modules.yaml" in log and "nobody" in log
    assert "the catalog has" in log and "Traceback" not in log


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pages_showing(port: int, wanted: dict[str, str], seconds: float) -> dict[str, str]:
    """Each page of ``wanted`` (path → text) once it shows its text, or as it last was."""
    pages: dict[str, str] = {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(text not in pages.get(path, "") for path, text in wanted.items()):
        for path in wanted:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
                    pages[path] = response.read().decode("utf-8")
            except OSError:
                pass
        time.sleep(0.5)
    return pages


def test_serve_shows_both_languages_and_every_edit(tmp_path):
    """``mkdocs serve`` (what ``./dev serve`` runs) builds the English site into /en/ as well, and
    an edit saved meanwhile shows in both (the pages kept between rebuilds are not stale)."""
    root = site_root(tmp_path / "repo")
    port = _free_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    zh, en = "standard/pv-modules/", "en/standard/pv-modules/"
    try:
        pages = _pages_showing(port, {zh: "光伏组件检测标准", en: "Test methods for PV modules"}, 120)
        assert server.poll() is None, (tmp_path / "serve.log").read_text()
        assert "光伏组件检测标准" in pages.get(zh, "")
        assert "Test methods for PV modules" in pages.get(en, "")
        edit(root, "catalog/standard/pv-modules.yaml", "光伏组件检测标准", "光伏组件检测新标准")
        edit(root, "catalog/standard/pv-modules.yaml", "Test methods for PV modules", "New test methods")
        # The organization's page lists the record: a page kept from the last build must not be.
        wanted = {zh: "光伏组件检测新标准", en: "New test methods", "organization/amr/": "光伏组件检测新标准"}
        pages = _pages_showing(port, wanted, 120)
        for path, text in wanted.items():
            assert text in pages.get(path, ""), (path, (tmp_path / "serve.log").read_text()[-3000:])
        assert "kept from the last build" in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_record_pages_hold_their_neighbourhood_drawing(built):
    site, _ = built
    for page in (
        site / "standard" / "pv-published" / "index.html",
        site / "en" / "standard" / "xss-probe" / "index.html",
    ):
        html = page.read_text(encoding="utf-8")
        assert "<!-- stdcat-neighbourhood -->" not in html and 'xlink:href="stdcat:' not in html
        drawing = html.split('<figure class="stdcat-neighbourhood"', 1)[1].split("</figure>", 1)[0]
        links = re.findall(r'xlink:href="([^"]*)"', drawing)
        assert "../../framework/pv/" in links
        assert ("../pv-modules/" if "pv-published" in str(page) else "../../organization/amr/") in links
        for link in links:  # every node's link leads to a built page
            assert (page.parent / link / "index.html").resolve().is_file(), link
