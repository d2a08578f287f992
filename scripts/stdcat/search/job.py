"""The search index of one language, made in a process of its own while MkDocs builds the pages.

``python -m stdcat.search.job ROOT LANG OUT [--flat-urls] [--bundle FILE]`` checks the catalog at
``ROOT`` and writes the served index into ``OUT`` (or, with ``--bundle``, the offline copy's whole
index into ``FILE``). The index needs only the catalog, not the built pages, so it runs beside the
build on the second core, and its memory is not added to MkDocs' own peak (at 10,000 records the
build is close to 1 GB).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from stdcat.search import documents, index, synonyms


def start(
    root: Path, lang: str, out: Path, *, flat_urls: bool, bundle: Path | None, gently: bool = False
) -> subprocess.Popen[bytes]:
    """Start the job (``gently``: at the lowest priority); ``finish`` waits for it."""
    command = ["nice", "-n", "19"] if gently and shutil.which("nice") else []
    command += [sys.executable, "-m", "stdcat.search.job", str(root), lang, str(out)]
    command += ["--flat-urls"] if flat_urls else []
    command += ["--bundle", str(bundle)] if bundle else []
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> list[str]:
    """Wait for the job; return its problems (none when it wrote the index)."""
    _, err = process.communicate()
    if process.returncode != 0:
        message = err.decode("utf-8", "replace").strip() or f"exit status {process.returncode}"
        return [f"the search index was not written: {message}"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stdcat.search.job")
    parser.add_argument("root", type=Path)
    parser.add_argument("lang")
    parser.add_argument("out", type=Path)
    parser.add_argument("--flat-urls", action="store_true", help="page.html addresses (the offline copy)")
    parser.add_argument("--bundle", type=Path, help="write the whole index into this one JSON file")
    args = parser.parse_args(argv)

    from stdcat.check import check
    from stdcat.site.i18n import Labels

    result = check(args.root)
    if not result.ok:
        print("the catalog has errors: run `python -m stdcat validate`", file=sys.stderr)
        return 1
    defs = json.loads((args.root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
    docs = documents.documents(
        result.catalog, args.lang, Labels(defs), synonyms.load(args.root), directory_urls=not args.flat_urls
    )
    built = index.build(docs)
    if args.bundle:
        args.bundle.write_text(json.dumps(index.bundle(built), ensure_ascii=False, separators=(",", ":")), "utf-8")
    else:
        index.write(built, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
