"""Remember which files are already canonical, so that checking an unchanged catalog is quick.

Laying a record out costs milliseconds (ruamel.yaml is pure Python); hashing it costs
microseconds. An entry is the hash of a file's path and content; the whole cache is dropped
when the formatter's code, ruamel.yaml's version or any schema changes, so a hit always means
"this exact text at this exact path was canonical under these exact rules".
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

MAX_ENTRIES = 100_000


def rules_key(schema_dir: Path) -> str:
    """A hash of everything the canonical form depends on besides the file itself."""
    digest = hashlib.sha256(version("ruamel.yaml").encode())
    sources = [*sorted(Path(__file__).parent.glob("*.py")), Path(__file__).parents[1] / "load.py"]
    for file in sources + sorted(schema_dir.glob("*.schema.json")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def entry(display: str, text: str) -> str:
    return hashlib.sha256(f"{display}\0{text}".encode()).hexdigest()


class Cache:
    """Hashes of (path, content) pairs known to be canonical, kept in one JSON file."""

    def __init__(self, file: Path | None, key: str) -> None:
        self.file, self.key = file, key
        self.known: set[str] = set()
        self.added = False
        if file is not None:
            with contextlib.suppress(OSError, ValueError, TypeError):
                stored = json.loads(file.read_text(encoding="utf-8"))
                if stored.get("key") == key:
                    self.known = set(stored["canonical"])

    def __contains__(self, item: str) -> bool:
        return item in self.known

    def add(self, item: str) -> None:
        if item not in self.known:
            self.known.add(item)
            self.added = True

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is simply not kept."""
        if self.file is None or not self.added:
            return
        known = sorted(self.known)[:MAX_ENTRIES]
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".fmt-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"key": self.key, "canonical": known}, out)
            os.replace(temp, self.file)
