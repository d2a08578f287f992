"""The other languages build in a second process, beside the root language's build.

``mkdocs build``, ``gh-deploy`` and ``serve`` build one configuration; the root language's plugin
builds the others (``build_with``) into their folders of the site, so a plain ``mkdocs build``
publishes every language the pages link to. For a build the worker builds once and exits
(``start(…, once=True)``); while serving, built one after the other, each saved edit
would wait for every language; built by a worker process that lives as long as the server, the
languages share the machine's cores, and the worker keeps its own kept pages and catalog check
between rebuilds (``rebuild.py``), as the server's process does.

The worker (``python -m stdcat.site.alongside``) reads one request a line on its standard input
(a JSON list of configurations to build) and answers each with one line (a JSON list of the
problems met), so a request and its answer never need more than a pipe. The plugin starts a
request as the root build starts when serving ``--dirty`` (nothing cleans the site folder), else
once the root build has cleaned it (``start``, from ``on_pre_build`` or ``on_files``), and reads
its answer before the browser reloads (``wait``, from ``on_post_build``).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin

_worker: subprocess.Popen[str] | None = None


@dataclass(frozen=True)
class Job:
    """One configuration to build into its folder of the served site."""

    config_file: str
    site_dir: str  # the site's root; the configuration's language names its folder
    site_url: str | None
    serving: bool = True  # False: a clean build (``mkdocs build``), not a dirty rebuild
    strict: bool = False


def start(jobs: list[Job], once: bool = False) -> subprocess.Popen[str]:
    """Ask the worker (started on first use, or again if it died) to build ``jobs``.

    ``once``: a worker of its own that builds ``jobs`` and exits (``mkdocs build``).
    """
    global _worker
    if once:
        command = [sys.executable, "-m", "stdcat.site.alongside"]
        worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert worker.stdin is not None
        worker.stdin.write(json.dumps([asdict(job) for job in jobs]) + "\n")
        worker.stdin.close()
        return worker
    if _worker is None or _worker.poll() is not None:
        command = [sys.executable, "-m", "stdcat.site.alongside"]
        _worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert _worker.stdin is not None
        _worker.stdin.write(json.dumps([asdict(job) for job in jobs]) + "\n")
        _worker.stdin.flush()
    except OSError:  # it died: ``wait`` says so
        pass
    return _worker


def wait(worker: subprocess.Popen[str] | None) -> list[str]:
    """The problems of the builds asked for by ``start``, once they are done."""
    answer = worker.stdout.readline() if worker is not None and worker.stdout is not None else ""
    if worker is not None and worker is not _worker:  # a one-off build's worker ends with its answer
        worker.wait()
    try:
        problems = json.loads(answer)
    except ValueError:  # the worker died (killed, out of memory): the next rebuild starts another
        return ["the other languages were not built: their build process stopped (its errors are above)"]
    return [str(problem) for problem in problems]


def _build(job: Job) -> list[str]:
    """In the worker: build one configuration, dirty like the served build (or clean, for a build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(job.config_file, site_dir=job.site_dir, site_url=job.site_url, strict=job.strict)
        options = config.plugins["stdcat"].config
        _Language.current = options.lang
        folder = options.languages.get(options.lang, "")
        config.site_dir = str(Path(job.site_dir) / folder)
        config.plugins.on_startup(command="serve" if job.serving else "build", dirty=job.serving)
        serve_url = urljoin(job.site_url or "/", folder) if job.serving else None
        build(config, serve_url=serve_url, dirty=job.serving)
    except MkDocsException as err:  # the root build reports the catalog's own errors itself
        return [f"{job.config_file}: {err}"]
    except Exception:  # as MkDocs' own serve does: say what broke, keep serving
        traceback.print_exc()
        return [f"{job.config_file}: the build failed (the traceback is above)"]
    return []


class _Language(logging.Filter):
    """Names the language being built on each line the worker logs (the root build's lines have none)."""

    current = ""

    def filter(self, record: logging.LogRecord) -> bool:
        record.stdcat_lang = self.current
        return True


def main() -> None:
    """The worker's loop: one line in, the builds, one line out."""
    from stdcat.site import rebuild

    rebuild.serving = True  # on_startup says otherwise for a one-off build
    # The answers keep the standard output to themselves: anything else printed goes to stderr.
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    handler = logging.StreamHandler()  # to the server's terminal, as MkDocs logs, each line naming its language
    handler.addFilter(_Language())
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  [%(stdcat_lang)s] %(message)s"))
    rebuild.quiet_dirty_warning()
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    for line in sys.stdin:
        jobs = [Job(**item) for item in json.loads(line)]
        problems = [problem for job in jobs for problem in _build(job)]
        answers.write(json.dumps(problems, ensure_ascii=False) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
