"""Measure 5: ``mkdocs serve``, from saving an edited record to the change showing in the browser.

The server runs as ``./dev serve`` runs it; the browser shows the record's page; its Chinese
title is changed and the file saved; the time is from the save to the new title on screen
(MkDocs' live reload rebuilds, then tells the page to reload). Each run makes a new edit.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import yaml

from stdcat.bench.browser import chromium
from stdcat.bench.build import ENV

SERVE_FLAGS = ["--dirty"]  # as ./dev serve passes them
READY = "Serving on"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _lines(stream: Any, out: queue.Queue[str]) -> None:
    for line in stream:
        out.put(line)


def _wait_for(lines: queue.Queue[str], text: str, timeout: float, log: list[str]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        log.append(line)
        if text in line:
            return
    raise RuntimeError(f"mkdocs serve did not print {text!r} in {timeout:.0f} s:\n{''.join(log[-30:])}")


def edit_to_browser(root: Path, record: Path, runs: int, python: str = sys.executable) -> dict[str, Any]:
    """Seconds from saving an edit of ``record`` to its page showing it: every run and their median."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, **ENV, "SITE_URL": url}
    command = [python, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *SERVE_FLAGS]
    process = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    original = record.read_text(encoding="utf-8")
    log: list[str] = []
    seconds: list[float] = []
    try:
        start = time.monotonic()
        _wait_for(lines, READY, 1200, log)
        first_build = time.monotonic() - start
        page_url = f"{url}{record.parent.name}/{record.stem}/"
        with chromium() as browser:
            page = browser.new_page()
            page.goto(page_url)
            for i in range(runs):
                marker = f"改{i}"
                data = yaml.safe_load(original.split("\n", 1)[1])
                data["title"]["zh"] = f"{data['title']['zh']}{marker}"
                text = original.split("\n", 1)[0] + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                time.sleep(1.5)  # let the watcher settle after the previous build
                record.write_text(text, encoding="utf-8")
                saved = time.monotonic()
                page.wait_for_function(
                    "m => (document.querySelector('article h1') || {}).textContent?.includes(m)",
                    arg=marker,
                    timeout=300_000,
                )
                seconds.append(time.monotonic() - saved)
    finally:
        record.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    seconds.sort()
    return {
        "serve_first_build_s": first_build,
        "serve_edit_s": seconds[len(seconds) // 2],
        "serve_edit_runs_s": seconds,
    }
