"""The site publishes every export: a strict build of both languages from a git repository writes the
files once at the site root, the Downloads page links to each from both languages, record pages
cite their record and link its JSON, and the change history page and its Atom feed follow git.
"""

from __future__ import annotations

import csv
import html
import json
import os
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import openpyxl
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from stdcat.check import check
from stdcat.exports import citation
from stdcat.exports.context import Context as ExportContext
from stdcat.site import downloads
from stdcat.site.pages import changes
from stdcat.site.pages import downloads as downloads_page
from tests.conftest import REPO, write
from tests.site.conftest import make_context
from tests.site_support import MINIMAL_XSS, build_both, site_root, warnings
from tests.test_export_json import validators

URL = "http://127.0.0.1:8766/"
ATOM = "{http://www.w3.org/2005/Atom}"
DATES = ["2024-01-01T10:00:00+08:00", "2024-02-01T10:00:00+08:00", "2024-03-01T10:00:00+08:00"]


def git(root: Path, *args: str, date: str = DATES[0]) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip
    subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, check=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three commits: the catalog; pv-spec starts drafting; the hostile record is added."""
    root = site_root(tmp_path_factory.mktemp("published") / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add the catalog", date=DATES[0])
    spec = root / "catalog/metrology/pv-spec.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            "status: planned", "status: drafting\nhistory:\n  - status: drafting\n    date: '2024-02-01'"
        ),
        encoding="utf-8",
    )
    git(root, "commit", "-q", "-am", "pv-spec is being drafted", date=DATES[1])
    write(root, "catalog/standard/xss-probe.yaml", MINIMAL_XSS)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Add a hostile record", date=DATES[2])
    return root


@pytest.fixture(scope="module")
def site(repo: Path) -> tuple[Path, dict[str, tuple[int, str]]]:
    folder = repo.parent / "site"
    return folder, build_both(repo, folder, URL)


def page(site_dir: Path, path: str) -> str:
    return (site_dir / path).read_text(encoding="utf-8")


class Links(HTMLParser):
    """The href of every link inside the element whose class starts with ``within``."""

    def __init__(self, within: str) -> None:
        super().__init__()
        self.within, self.depth, self.hrefs = within, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth:
            self.depth += 1
        elif (values.get("class") or "").startswith(self.within):
            self.depth = 1
        if self.depth and tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1


def links(text: str, within: str) -> list[str]:
    parser = Links(within)
    parser.feed(text)
    return parser.hrefs


def target(site_dir: Path, page_path: str, href: str) -> Path:
    """The file a relative link from the page at ``page_path`` names."""
    path = urlsplit(urljoin("http://site/" + page_path, href)).path.lstrip("/")
    return site_dir / path


def test_strict_build_of_a_repository_has_no_warnings(site) -> None:
    ((code, log),) = site[1].values()
    assert code == 0, log
    assert warnings(log) == [], log


def test_json_is_published_once_per_kind_and_per_record(site, repo) -> None:
    site_dir, _ = site
    index = json.loads(page(site_dir, "data/index.json"))
    assert not (site_dir / "en" / "data").exists(), "one copy, at the site root"
    checkers = validators(repo)
    seen = set()
    for kind, entry in index["kinds"].items():
        document = json.loads(page(site_dir, entry["file"]))
        assert document["count"] == entry["count"] == len(document["records"])
        for record in document["records"]:
            single = json.loads(page(site_dir, index["record_file"].format(id=record["id"])))
            assert single == record
            authored = {k: v for k, v in record.items() if k != "_derived"}
            if kind in checkers:
                checkers[kind].validate(authored)
            seen.add(record["id"])
    assert seen == set(index["records"]) and "xss-probe" in seen


def test_tables_database_and_bibliography_open(site) -> None:
    site_dir, _ = site
    data = site_dir / "data"
    csv_files = sorted(data.glob("*.csv"))
    assert {"standard.csv", "detail.csv", "detail-en.csv"} <= {p.name for p in csv_files}
    for path in csv_files:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.name
        assert next(csv.reader(raw.decode("utf-8-sig").splitlines()))
    workbook = openpyxl.load_workbook(data / "detail.xlsx", read_only=True)
    assert len(workbook.sheetnames) >= 2
    with sqlite3.connect(data / "catalog.sqlite") as db:
        count = db.execute("SELECT count(*) FROM records WHERE kind = 'standard'").fetchone()[0]
    assert count == 3
    assert "@standard{pv-published," in page(site_dir, "data/catalog.bib")


def test_schemas_are_published_where_their_id_says_under_the_site_url(site) -> None:
    """The published $id follows the site's URL (here a local one), so $refs resolve where it is served."""
    site_dir, _ = site
    schemas = sorted((REPO / "schema").glob("*.schema.json"))
    assert schemas
    for path in schemas:
        source = json.loads(path.read_text(encoding="utf-8"))
        published = json.loads((site_dir / "schema" / path.name).read_text(encoding="utf-8"))
        assert published["$id"] == f"{URL}schema/{path.name}"
        assert {**published, "$id": source["$id"]} == source, "nothing but the $id changes"
    record = json.loads((site_dir / "data" / "records" / "pv-modules.json").read_text(encoding="utf-8"))
    record.pop("_derived", None)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in (site_dir / "schema").glob("*.schema.json")]
    registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in documents)
    standard = next(d for d in documents if d["$id"].endswith("/standard.schema.json"))
    errors = list(Draft202012Validator(standard, registry=registry).iter_errors(record))
    assert errors == [], "the published schemas resolve each other by their published $id"


@pytest.mark.parametrize("folder", ["", "en/"])
def test_downloads_page_links_every_file_from_both_languages(site, folder) -> None:
    site_dir, _ = site
    here = f"{folder}downloads/index.html"
    hrefs = links(page(site_dir, here), "stdcat-downloads")
    names = {urlsplit(h).path.rsplit("/", 1)[-1] for h in hrefs}
    assert {"detail.xlsx", "catalog.sqlite", "catalog.bib", "changes.atom", "standard.json"} <= names
    assert {"detail.csv", "defs.schema.json", "pv-modules.json"} <= names
    missing = [h for h in hrefs if not target(site_dir, here, h).exists()]
    assert missing == []
    assert all(not h.startswith(("http:", "https:", "/")) for h in hrefs)


@pytest.mark.parametrize("folder", ["", "en/"])
def test_record_page_cites_the_record_and_links_its_json(site, repo, folder) -> None:
    site_dir, _ = site
    here = f"{folder}standard/pv-published/index.html"
    text = page(site_dir, here)
    ctx = ExportContext.build(check(repo).catalog, repo, URL)
    record = ctx.catalog.get("pv-published")
    assert record is not None
    expected = citation.gbt7714(ctx, record, url=ctx.page_url("standard", "pv-published"))
    assert "DB36/T 1234-2024[S]" in expected
    assert html.escape(expected, quote=False) in text
    assert '<pre class="stdcat-cite__bibtex"><code>@standard{pv-published,' in text
    json_links = [h for h in links(text, "stdcat-cite") if h.endswith(".json")]
    assert len(json_links) == 1 and target(site_dir, here, json_links[0]) == site_dir / "data/records/pv-published.json"


def test_hostile_record_is_escaped_in_its_citation(site) -> None:
    site_dir, _ = site
    text = page(site_dir, "standard/xss-probe/index.html")
    cite = text.split('class="stdcat-cite"', 1)[1].split("</section>", 1)[0]
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in cite
    assert "<script" not in cite and "<img" not in cite


@pytest.mark.parametrize("folder", ["", "en/"])
def test_change_history_lists_git_changes_by_day_newest_first(site, folder) -> None:
    site_dir, _ = site
    here = f"{folder}changes/index.html"
    text = page(site_dir, here)
    days = text.split('class="stdcat-changes__day"')[1:]
    dates = [d.split('datetime="', 1)[1][:10] for d in days]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    newest, status, initial = days
    assert "2024-03-01" in newest and "stdcat-change--added" in newest and "xss-probe" in newest
    assert "<script>window.__xss" not in text
    assert "2024-02-01" in status and "stdcat-change--status" in status and "pv-spec" in status and "→" in status
    # The first day (the catalog set up) is one entry counting what the catalog held, not one per record.
    assert initial.count("<li") == 1 and "stdcat-change--initial" in initial
    held = len(list((site_dir.parent / "repo" / "catalog").rglob("*.yaml"))) - 1  # less the later hostile record
    assert (f"收录 {held} 条记录" if folder == "" else f"first published with {held} records") in initial
    feed_links = [h for h in links(text, "stdcat-changes__follow") if h.endswith(".atom")]
    assert [target(site_dir, here, h) for h in feed_links] == [site_dir / "changes.atom"]


def test_atom_feed_entries_point_at_the_change_history(site) -> None:
    site_dir, _ = site
    feed = ET.fromstring((site_dir / "changes.atom").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    history_page = page(site_dir, "changes/index.html")
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(URL + "changes/#")
        assert f'id="{href.rsplit("#", 1)[1]}"' in history_page


@pytest.mark.parametrize(
    "path", ["index.html", "standard/pv-modules/index.html", "en/index.html", "en/plan/index.html", "en/404.html"]
)
def test_every_page_names_the_feed_in_its_head(site, path) -> None:
    site_dir, _ = site
    head = page(site_dir, path).split("</head>", 1)[0]
    feeds = [part for part in head.split("<link ")[1:] if 'type="application/atom+xml"' in part]
    assert len(feeds) == 1
    href = feeds[0].split('href="', 1)[1].split('"', 1)[0]
    assert target(site_dir, path, href).resolve() == (site_dir / "changes.atom").resolve()


def test_change_history_page_without_git_says_why(tmp_path) -> None:
    root = site_root(tmp_path / "plain")  # not a git repository
    for lang in ("zh", "en"):
        made = changes.page(make_context(root, lang))
        assert "not a git repository" in made.markdown
        assert "stdcat-changes__day" not in made.markdown
        assert "changes.atom" in made.markdown, "the feed is still linked"


@pytest.mark.parametrize(
    ("folder", "directory_urls", "here", "expected"),
    [
        ("", True, "downloads/index.md", "../data/x.json"),
        ("en/", True, "downloads/index.md", "../../data/x.json"),
        ("en/", True, "standard/a.md", "../../../data/x.json"),
        ("", False, "standard/a.md", "../data/x.json"),
        ("en/", False, "index.md", "../data/x.json"),
    ],
)
def test_root_files_are_linked_up_from_each_language(tmp_path, folder, directory_urls, here, expected) -> None:
    ctx = make_context(site_root(tmp_path / "r"), "en")
    ctx.folder = folder
    ctx.linker.directory_urls = directory_urls
    assert downloads_page.root_url(ctx, here, "data/x.json") == expected


def test_export_is_skipped_while_serving_when_nothing_changed(tmp_path) -> None:
    root = site_root(tmp_path / "r")
    out = tmp_path / "out"
    first = downloads.start(root, out, URL, reuse=True)
    assert first.process is not None and downloads.finish(first) == []
    assert (out / "data" / "index.json").is_file()
    again = downloads.start(root, out, URL, reuse=True)
    assert again.process is None, "same inputs, same folder: nothing to do"
    record = root / "catalog/standard/pv-modules.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    changed = downloads.start(root, out, URL, reuse=True)
    assert changed.process is not None
    assert downloads.finish(changed) == []


def test_a_failed_export_is_reported(tmp_path) -> None:
    root = site_root(tmp_path / "r")
    write(root, "catalog/standard/broken.yaml", "id: broken\nkind: standard\n")
    problems = downloads.finish(downloads.start(root, tmp_path / "out", URL))
    assert len(problems) == 1 and "the downloads were not written" in problems[0]
