"""Measures 3 and 4, in Debian's Chromium: the search as a reader uses it, the home page's weight.

The built site is served from 127.0.0.1 by a small HTTP server that counts the bytes it sends,
so "transferred" means what went over the wire (uncompressed: the home page's gzip size is
computed from the same responses). Every run starts a fresh browser context, with an empty cache.

Search: the home page is opened and the reader types each query of ``QUERIES`` in turn; the time
is from the query's last keystroke to the first result on screen, measured by the page's own clock
(``performance.now`` around a ``MutationObserver``), and the bytes are those sent between the two.
The first query pays for loading the search engine; the later ones show the steady state.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = ("光伏", "碳计量", "氢能", "储能", "赣南脐橙")

# Runs in the page: clear the box, wait for the list to empty, then type the query and time the
# first result. Material reads the box on keyup, as when a reader types.
TIME_QUERY = """async (query) => {
  const box = document.querySelector(".md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const keyup = () => box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  box.value = ""; keyup();
  const start0 = performance.now();
  while (list.children.length && performance.now() - start0 < 5000) await new Promise(r => setTimeout(r, 5));
  const shown = new Promise(resolve => {
    const seen = () => list.querySelector(".md-search-result__item")
      && (observer.disconnect(), resolve(performance.now()));
    const observer = new MutationObserver(seen);
    observer.observe(list, {childList: true, subtree: true});
  });
  window.__bytes_mark = true;
  const start = performance.now();
  box.value = query; keyup();
  const end = await Promise.race([shown, new Promise(r => setTimeout(() => r(NaN), 30000))]);
  return end - start;
}"""


class _Counting(http.server.SimpleHTTPRequestHandler):
    counter: list[int]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        self.counter[0] += len(data)
        outputfile.write(data)


@contextmanager
def serve(folder: Path) -> Iterator[tuple[str, list[int]]]:
    """Serve ``folder`` on 127.0.0.1; yield its URL and a one-item list counting the bytes sent."""
    counter = [0]
    handler = type("Handler", (_Counting,), {"counter": counter})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counter
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _settle(counter: list[int], quiet: float = 0.3, most: float = 10.0) -> None:
    """Wait until the server has sent nothing for ``quiet`` seconds (Playwright's "networkidle"
    only waits for a page's own load, not for a worker's requests after it)."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        before = counter[0]
        time.sleep(quiet)
        if counter[0] == before:
            return


def search(site: Path, runs: int, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """The search figures: first and later queries (ms, bytes), medians over ``runs`` fresh contexts."""
    first_ms, later_ms, first_bytes, later_bytes, misses = [], [], [], [], 0
    with serve(site) as (url, counter), chromium() as browser:
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            page.locator(".md-search__input").click()
            page.wait_for_timeout(300)  # the reader's hand moves from the mouse to the keys
            for i, query in enumerate(queries):
                before = counter[0]
                ms = page.evaluate(TIME_QUERY, query)
                _settle(counter)  # the later results of the same query, before the next one is typed
                sent = counter[0] - before
                if ms != ms:  # NaN: no result within the time limit
                    misses += 1
                    continue
                (first_ms if i == 0 else later_ms).append(ms)
                (first_bytes if i == 0 else later_bytes).append(sent)
            context.close()
    return {
        "first_query_ms": _median(first_ms),
        "later_query_ms": _median(later_ms),
        "first_query_bytes": _median(first_bytes),
        "later_query_bytes": _median(later_bytes),
        "max_query_bytes": max([*first_bytes, *later_bytes], default=None),
        "queries_without_result": misses,
    }


def home(site: Path) -> dict[str, Any]:
    """The home page's requests: bytes raw and gzipped, and any request to another host."""
    sizes: dict[str, int] = {}
    zipped: dict[str, int] = {}
    foreign: list[str] = []
    with serve(site) as (url, _), chromium() as browser:
        host = urlsplit(url).netloc
        context = browser.new_context()
        page = context.new_page()

        def seen(response: Any) -> None:
            where = urlsplit(response.url)
            if where.scheme in ("http", "https") and where.netloc != host:
                foreign.append(response.url)
                return
            if where.scheme != "http":
                return
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                return
            sizes[response.url] = len(body)
            zipped[response.url] = len(gzip.compress(body, compresslevel=6, mtime=0))

        page.on("response", seen)
        page.on("requestfailed", lambda request: foreign.append(request.url) if host not in request.url else None)
        page.goto(url, wait_until="networkidle")
        context.close()
    return {
        "home_requests": len(sizes),
        "home_bytes": sum(sizes.values()),
        "home_gzip_bytes": sum(zipped.values()),
        "home_other_hosts": sorted(set(foreign)),
    }


def site_size(site: Path) -> dict[str, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files)}


def search_index_size(site: Path) -> dict[str, int]:
    """The search index of the Chinese site (``search/stdcat/``, see ``stdcat.search.index``), raw and gzipped."""
    bundle = site / "search" / "stdcat"
    files = [p for p in bundle.rglob("*") if p.is_file()] if bundle.is_dir() else []
    if not files:
        files = [p for p in (site / "search").glob("search_index.*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    zipped = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files)
    return {"index_bytes": raw, "index_gzip_bytes": zipped, "index_files": len(files)}


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
