"""Lighthouse (pinned 12.2.3, npm) on the built site's pages, in Debian's Chromium: prints figures.

Run by ``./dev lighthouse`` after a build: ``python tools/lighthouse/measure.py site [PATH ...]``.
The site is served on 127.0.0.1 with gzip, as GitHub Pages serves it; Lighthouse measures each
page as a phone (its default: a mid-range device on a slow 4G link, simulated) and as a desktop.
Not part of ``./dev test``: Lighthouse's own simulation makes each run take about 20 seconds, and
its scores are measurements to report, not results to assert.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = ("detail/", "en/detail/", "", "standard/pv-key-products-test-methods/")
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        raw = Path(self.translate_path(self.path))
        if raw.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address
        path = raw / "index.html" if raw.is_dir() else raw
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, _size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def run(url: str, desktop: bool) -> dict:
    """One Lighthouse run: its scores and the metrics worth reporting."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--only-categories=accessibility,performance", "--output=json",
            f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}", "--quiet",
        ]  # fmt: skip
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, check=True, env=env)
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failed = [
        ref["id"]
        for ref in report["categories"]["accessibility"]["auditRefs"]
        if (audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1)
    ]
    return {
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
        "LCP ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "DOM": audits["dom-size"]["numericValue"],
        "a11y audits failed": failed,
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "site").resolve()
    pages = argv[1:] or list(PAGES)
    handler = functools.partial(_Gzip, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for path in pages:
            for desktop in (False, True):
                figures = run(base + path, desktop)
                print(f"/{path} ({'desktop' if desktop else 'mobile'}): {json.dumps(figures, ensure_ascii=False)}")
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
