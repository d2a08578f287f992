"""The built site in a real browser: the real catalog (plus one hostile record) is built once per test
session in both languages, served on 127.0.0.1, and driven by Debian's Chromium through Playwright.

Every page a test opens is watched: a console error, an uncaught exception, a failed request, a
request to another host or a dialog fails the test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, Request, sync_playwright

from tests.conftest import REPO
from tests.site_support import REAL_XSS, XSS_VOCABULARY, build_both, site_root, warnings

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Site:
    """The served site: its address, its folder and the build logs."""

    url: str
    root: Path
    logs: dict[str, tuple[int, str]]

    def path(self, url_path: str) -> str:
        return self.url + url_path.lstrip("/")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("browser")
    folder = base / "site"
    folder.mkdir()
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    extra = {"catalog/standard/xss-probe.yaml": REAL_XSS, "catalog/vocabulary/xss-probe-tags.yaml": XSS_VOCABULARY}
    repo = site_root(base / "repo", REPO / "catalog", extra)
    logs = build_both(repo, folder, url)
    for lang, (code, log) in logs.items():
        assert code == 0 and not warnings(log), f"the {lang} build failed or warned:\n{log}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(url, folder, logs)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What went wrong on the pages of one test."""

    host: str
    problems: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} at {message.location.get('url')}")

    def request(self, request: Request) -> None:
        if not request.url.startswith((self.host, "data:", "blob:")):
            self.problems.append(f"request to another host: {request.url}")

    def failed(self, request: Request) -> None:
        # A navigation cancels the requests of the page it leaves: that is the browser, not the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    watch = Watch(site.url)
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.problems.append(f"uncaught: {error}"))
    page.on("request", watch.request)
    page.on("requestfailed", watch.failed)
    page.on("dialog", watch.dialog)
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert watch.problems == [], "\n".join(watch.problems)
