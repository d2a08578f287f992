"""The contributing guide tells the truth: its example output is what the tools print, and its
links work on GitHub and on the site alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from stdcat.codes import CODES
from stdcat.contributing_page import PAGE, site_links
from tests.conftest import REPO, run

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
CHECKED = re.compile(r"<!-- checked: ([a-z-]+) -->\n```text\n(.*?)```", re.DOTALL)
STANDARD = "catalog/standard/pv-modules.yaml"
SITE = "https://jx-dual-carbon.github.io/catalog/"
REPO_URL = "https://github.com/jx-dual-carbon/catalog"


def edit(root: Path, old: str, new: str) -> None:
    path = root / STANDARD
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def typos(root: Path) -> None:
    edit(root, "title:", "titel:")
    edit(root, "level: local", "level: locl")


def published(root: Path) -> None:
    edit(
        root,
        "status: planned\n",
        "status: published\nhistory:\n  - status: published\n    date: '2024-06-01'\n"
        "    evidence: https://example.org/notice\nnumber: DB36/T 1234—2024\n"
        "dates:\n  published: '2024-06-01'\n  effective: '2024-05-01'\n",
    )


def moved(root: Path) -> None:
    edit(root, "level: local\nstatus: planned\n", "status: planned\nlevel: local\n")


# What each checked block of the guide shows: how to break the example record, and the command.
SCENARIOS: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "validate-typos": (typos, ["validate"]),
    "validate-github": (typos, ["validate", "--format", "github"]),
    "validate-published": (published, ["validate"]),
    "fmt-check": (moved, ["fmt", "--check"]),
}


def test_every_example_block_is_checked() -> None:
    assert sorted(name for name, _ in CHECKED.findall(GUIDE)) == sorted(SCENARIOS)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_guide_shows_what_the_tools_print(name, catalog_root) -> None:
    shown = dict(CHECKED.findall(GUIDE))[name]
    breaks, command = SCENARIOS[name]
    breaks(catalog_root)
    code, out, _ = run(catalog_root, *command, str(catalog_root / STANDARD))
    assert code == 1
    assert out == shown


def test_the_codes_the_guide_explains_exist() -> None:
    table = GUIDE.split("常见代码 · Frequent codes:", 1)[1].split("\n## ", 1)[0]
    first_cells = [row.split("|")[1] for row in table.splitlines() if row.startswith("| `")]
    codes = {code for cell in first_cells for code in re.findall(r"`([a-z-]+)`", cell)}
    assert len(codes) >= 10
    assert codes <= set(CODES), codes - set(CODES)


@pytest.mark.parametrize(
    ("link", "on_site"),
    [
        ("docs/contributing/content-guide.md", "content-guide.md"),
        ("docs/index.md#top", "../index.md#top"),
        (f"{SITE}reference/schema/", "../reference/schema/"),
        (f"{SITE}contributing/#published", "./#published"),
        ("schema/CHANGELOG.md", f"{REPO_URL}/blob/main/schema/CHANGELOG.md"),
        ("#ci", "#ci"),
        (f"{REPO_URL}/issues/new/choose", f"{REPO_URL}/issues/new/choose"),
    ],
)
def test_links_are_rewritten_for_the_site(link, on_site) -> None:
    assert site_links(f"see [it]({link}).", SITE, REPO_URL) == f"see [it]({on_site})."


def test_code_blocks_are_left_alone() -> None:
    text = "```sh\n[x](schema/a.json)\n```\n[x](schema/a.json)\n"
    assert (
        site_links(text, SITE, REPO_URL) == f"```sh\n[x](schema/a.json)\n```\n[x]({REPO_URL}/blob/main/schema/a.json)\n"
    )


def test_the_site_publishes_the_guide_from_its_one_source() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    assert any(Path(h).name == "contributing_page.py" for h in config["hooks"])
    files = config.plugins.on_files(Files([]), config=config)  # runs the hook as a build would
    page = files.get_file_from_path(PAGE)
    assert page is not None and page.generated_by
    content = page.content_string
    assert content.startswith("# 参与贡献 · Contributing")
    assert "[内容编写规范](content-guide.md)" in content
    assert "](../reference/schema/)" in content
    assert not (REPO / "docs" / PAGE).exists(), "the page is generated; edit CONTRIBUTING.md"
    assert page.edit_uri in ("CONTRIBUTING.md", "../CONTRIBUTING.md")
