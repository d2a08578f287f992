"""Many small drawings from one ``dot`` process, drawn in the background while the site renders.

Starting ``dot`` costs about ten milliseconds; laying out a small graph costs well under one. So
all the graphs of a build go to one ``dot -Tsvg`` process, which reads a stream of graphs and
writes one SVG after another. A writer thread feeds it as graphs are added, a reader thread splits
its output on ``</svg>`` and files each drawing under the graph's name, which the stream sets to
the graph's key (so a graph dot rejects cannot shift the others onto wrong pages). Both threads
spend their time in pipe I/O, which releases the GIL, so the drawing runs on the second core
while MkDocs renders Markdown on the first.

Drawings are kept by the hash of their DOT text: in memory for the process (a served site's
rebuilds draw only what changed) and, when a cache file is given, on disk between builds (the
drawings this build used, compressed, written once the stream ends).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import subprocess
import tempfile
import threading
import zlib
from pathlib import Path
from queue import SimpleQueue

CACHE_FORMAT = 1  # bump when the SVG this module keeps changes shape
_MEMORY: dict[str, bytes] = {}  # key → compressed SVG, for the life of the process
_LOADED: set[Path | None] = set()  # cache files already read into _MEMORY (a served site reads each once)
_END = b"</svg>"
_HEAD = "digraph {"
_TITLE = re.compile(rb"<!-- Title: ([0-9a-f]+) Pages")


def key(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


class Stream:
    """Drawings requested with ``add`` and fetched with ``svg``, which waits until one is drawn.

    Every ``add`` must come before the first ``svg``: that first wait closes the stream (the site
    generates every page before it renders any), so that ``dot`` sees the end of its input.
    """

    def __init__(self, cache_file: Path | None = None, command: tuple[str, ...] = ("dot", "-Tsvg")) -> None:
        self.cache_file = cache_file
        self.command = command
        self._queue: SimpleQueue[tuple[str, str] | None] = SimpleQueue()
        self._done: dict[str, bytes] = {}
        self._used: set[str] = set()
        self._ready = threading.Condition()
        self._finished = False
        self._error: str | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def add(self, source: str) -> str:
        """Queue an anonymous graph (``digraph {…}``) for drawing; return its key."""
        if self._closed:
            raise RuntimeError("drawings are added before any is fetched")
        if not source.startswith(_HEAD):
            raise ValueError(f"a graph for the stream starts with {_HEAD!r}")
        name = key(source)
        if name not in self._used:
            self._used.add(name)
            self._queue.put((name, source))
        return name

    def start(self) -> None:
        """Start drawing in the background (idempotent); graphs added later join the stream.

        Not started by ``add``: a caller that only generates pages (the benchmark's bare site)
        must not leave a ``dot`` process behind.
        """
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="stdcat-dot", daemon=True)
            self._thread.start()

    def svg(self, name: str) -> str:
        """The ``<svg>`` element drawn for ``name`` (placeholders left in), waiting for it if needed."""
        self.close()
        self.start()
        with self._ready:
            self._ready.wait_for(lambda: name in self._done or self._finished)
            data = self._done.get(name)
        if data is None:
            raise RuntimeError(f"dot drew no SVG for graph {name}: {self._error or 'unknown reason'}")
        return zlib.decompress(data).decode("utf-8")

    def close(self) -> None:
        """No more graphs: let ``dot`` finish (idempotent)."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)

    def join(self) -> None:
        """Wait until every graph is drawn and the cache file written."""
        self.close()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        """The background work: known drawings first, the rest through one ``dot`` process."""
        known = {**_load(self.cache_file), **_MEMORY} if self.cache_file not in _LOADED else _MEMORY
        _LOADED.add(self.cache_file)
        process: subprocess.Popen[bytes] | None = None
        reader: threading.Thread | None = None
        try:
            while (item := self._queue.get()) is not None:
                name, source = item
                if name in known:
                    self._deliver(name, known[name])
                    continue
                if process is None:
                    process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                    reader = threading.Thread(target=self._read, args=(process,), daemon=True)
                    reader.start()
                assert process.stdin is not None
                process.stdin.write(f'digraph "{name}" {{{source[len(_HEAD) :]}'.encode())
            if process is not None and reader is not None:
                assert process.stdin is not None
                process.stdin.close()
                reader.join()
                if process.wait() != 0:
                    self._error = f"dot exited with status {process.returncode}"
        except OSError as err:  # no dot, or it died: every waiting page learns why
            self._error = str(err)
        finally:
            self._finish()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        """Split dot's output into drawings, each filed under its graph's name."""
        assert process.stdout is not None
        pending = b""
        with process.stdout as output:
            while chunk := output.read1(1 << 16):
                pending += chunk
                while (end := pending.find(_END)) >= 0:
                    drawing, pending = pending[: end + len(_END)], pending[end + len(_END) :]
                    self._file(drawing)

    def _file(self, drawing: bytes) -> None:
        """Keep one drawing under its graph's name, without dot's prologue and the name's title."""
        title = _TITLE.search(drawing)
        if title is not None:
            name = title.group(1)
            svg = drawing[drawing.find(b"<svg") :].strip().replace(b"<title>" + name + b"</title>", b"", 1)
            self._deliver(name.decode("ascii"), zlib.compress(svg + b"\n", 1))

    def _deliver(self, name: str, data: bytes) -> None:
        with self._ready:
            self._done[name] = data
            self._ready.notify_all()

    def _finish(self) -> None:
        with self._ready:
            self._finished = True
            self._ready.notify_all()
            done = dict(self._done)
        _MEMORY.update(done)
        _save(self.cache_file, done)


def _load(cache_file: Path | None) -> dict[str, bytes]:
    """The drawings kept by an earlier build; nothing if the file is missing, stale or damaged."""
    if cache_file is None:
        return {}
    with contextlib.suppress(OSError, ValueError, TypeError, zlib.error):
        stored = json.loads(zlib.decompress(cache_file.read_bytes()))
        if stored.get("format") == CACHE_FORMAT:
            return {name: bytes.fromhex(data) for name, data in stored["drawings"].items()}
    return {}


def _save(cache_file: Path | None, drawings: dict[str, bytes]) -> None:
    """Keep this build's drawings (only these, so the file never grows past one build's worth)."""
    if cache_file is None or not drawings:
        return
    payload = {"format": CACHE_FORMAT, "drawings": {name: data.hex() for name, data in sorted(drawings.items())}}
    with contextlib.suppress(OSError):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name)
        with os.fdopen(handle, "wb") as out:
            out.write(zlib.compress(json.dumps(payload).encode("ascii"), 1))
        os.replace(temporary, cache_file)
