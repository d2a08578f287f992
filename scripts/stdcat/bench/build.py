"""Measure 2: ``mkdocs build`` of the full site against a bare Material build of the same pages.

The full site is what ``./dev build`` makes: the Chinese build, then the English one. The bare
baseline is a plain Material for MkDocs project (its own search plugin, jieba installed, no
project plugin, no hooks, no overrides) with one Markdown file for every page of the full site,
holding that page's text: the generated pages with their HTML taken down to text, the written
pages as they are. Both get the same navigation; the record pages stay out of it in both.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from stdcat.bench.run import Command
from stdcat.check import check
from stdcat.diagram import Drawings
from stdcat.site import nav, pages
from stdcat.site.render import FRAGMENTS

# What a site needs besides catalog/ and schema/ (the same list the site tests copy).
SITE_FILES = (
    "docs",
    "overrides",
    "mkdocs.yml",
    "mkdocs.en.yml",
    "CONTRIBUTING.md",
    "scripts/stdcat/contributing_page.py",
    "search",
)
ENV = {"NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false", "SITE_URL": "http://127.0.0.1:8000/"}
BLOCK = {"p", "div", "li", "tr", "table", "section", "h1", "h2", "h3", "h4", "dd", "dt", "br", "figure", "blockquote"}


def add_site_files(source: Path, root: Path) -> None:
    """Copy the site's own files from the repository ``source`` into the catalog at ``root``."""
    for name in SITE_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, root / name, dirs_exist_ok=True)
        elif (source / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, root / name)
    bench_files = source / "bench"
    if bench_files.is_dir():  # the Performance page reads the committed report
        shutil.copytree(bench_files, root / "bench", dirs_exist_ok=True)


def commands(root: Path, bare: Path, python: str = sys.executable) -> dict[str, Command]:
    """Our full build and the bare build, each as one process tree (both languages)."""
    mkdocs = [python, "-m", "mkdocs", "build", "-q"]
    ours = _line([*mkdocs, "--strict", "-f", "mkdocs.yml"])  # builds mkdocs.en.yml beside it (build_with)
    baseline = " && ".join([_line([*mkdocs, "-f", "mkdocs.yml"]), _line([*mkdocs, "-f", "mkdocs.en.yml"])])
    return {
        "build": Command(["sh", "-c", ours], root, ENV, before=lambda: _clear(root)),
        "bare-build": Command(["sh", "-c", baseline], bare, ENV),
    }


def _clear(root: Path) -> None:
    """Every build measured starts cold: no cached diagram or page from an earlier run."""
    shutil.rmtree(root / ".cache", ignore_errors=True)


def _line(argv: list[str]) -> str:
    import shlex

    return " ".join(shlex.quote(a) for a in argv)


def write_bare(root: Path, bare: Path) -> int:
    """Write the bare project for the catalog at ``root`` into ``bare``; return its page count."""
    if bare.exists():
        shutil.rmtree(bare)
    result = check(root)
    defs = json.loads((root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
    count = 0
    for lang, folder, site_dir in (("zh", "docs", "site"), ("en", "docs-en", "site/en")):
        docs = bare / folder
        ctx = pages.context(
            result.catalog, lang, defs, root / FRAGMENTS, drawings=Drawings(result.catalog, lang, lambda _: "<svg/>")
        )
        for page in pages.generate(ctx):
            _write(docs / page.src_uri, text_of(page.markdown))
            count += 1
        count += _written_pages(root / "docs", docs, lang)
        contributing = root / "CONTRIBUTING.md"
        if contributing.is_file() and not (docs / "contributing" / "index.md").exists():
            _write(docs / "contributing" / "index.md", contributing.read_text(encoding="utf-8"))
            count += 1
        config = {
            "site_name": "bare",
            "docs_dir": folder,
            "site_dir": site_dir,
            "theme": {"name": "material", "language": lang, "font": False},
            "plugins": [{"search": {"lang": [lang, "en" if lang == "zh" else "zh"]}}],
            "markdown_extensions": ["tables", {"toc": {"permalink": True}}],
            "nav": [entry for entry in nav.nav(lang) if _exists(docs, entry)],
            "not_in_nav": "/**\n",
        }
        name = "mkdocs.yml" if lang == "zh" else "mkdocs.en.yml"
        (bare / name).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count


def _exists(docs: Path, entry: dict) -> bool:
    (target,) = entry.values()
    if isinstance(target, list):
        target[:] = [e for e in target if _exists(docs, e)]
        return bool(target)
    return (docs / target).is_file()


def _written_pages(source: Path, docs: Path, lang: str) -> int:
    """Copy the written pages of one language (``x.en.md`` is the English ``x.md``)."""
    count = 0
    for path in sorted(source.rglob("*.md")):
        relative = path.relative_to(source).as_posix()
        stem, dot, suffix = relative[: -len(".md")].rpartition(".")
        if dot and suffix in ("zh", "en"):
            if suffix != lang:
                continue
            relative = f"{stem}.md"
        elif lang != "zh" and (path.parent / f"{path.stem}.{lang}.md").is_file():
            continue
        _write(docs / relative, path.read_text(encoding="utf-8"))
        count += 1
    return count


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(markdown: str) -> str:
    """A generated page's Markdown with its front matter dropped and its HTML taken down to text."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    parser = _Text()
    parser.feed(re.sub(r"\\(.)", r"\1", body))
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
