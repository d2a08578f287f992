"""The ``stdcat`` MkDocs plugin: MkDocs events only; the work is in ``pages/``, ``render.py``, ``diagram.py``.

Events, in build order:

- ``on_config``: this language's site URL, the language switch, the navigation; watch
  ``catalog/`` and ``schema/`` while serving.
- ``on_pre_build``: check the catalog once; log every problem (so ``--strict`` fails on any),
  stop with ``PluginError`` on errors.
- ``on_files``: pick this language's written pages (``x.en.md`` is the English ``x.md``), add
  every generated page in memory (nothing is written into ``docs/``).
- ``on_page_markdown``: expand ``<!-- stdcat:NAME -->`` directives; point "edit" at the source.
- ``on_page_content``: put the generated HTML back; explain the glossary's terms on hover
  (``glossary_hover.py``).
- ``on_post_page``: put each page's diagram in place (see ``pages.framework.diagram``) and a record
  page's neighbourhood drawing (``pages.neighbourhood``).
- ``on_post_build``: index the pages for search (``search.py``); while serving, wait for the
  other languages, built into their folders by a worker process meanwhile (``alongside.py``).

The root language's build also publishes the exports (``downloads.py``): started in ``on_files``,
once MkDocs has cleaned the site folder, in another process; waited for in ``on_post_build``.
"""

from __future__ import annotations

import functools
import json
import posixpath
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from stdcat.check import check
from stdcat.problem import ERROR
from stdcat.site import alongside, downloads, glossary_hover, i18n, nav, pages, rawhtml, rebuild, search
from stdcat.site.config import StdcatConfig
from stdcat.site.i18n import LANGS
from stdcat.site.links import GLOSSARY
from stdcat.site.pages import blocks, neighbourhood
from stdcat.site.pages.base import SVG_MARKER
from stdcat.site.render import FRAGMENTS
from stdcat.site.shared import SharedParts

log = get_plugin_logger(__name__)
NAMES = {"zh": "中文", "en": "English"}
IFRAME_WORKER = "assets/vendor/iframe-worker/shim.js"


class StdcatPlugin(BasePlugin[StdcatConfig]):
    """Generates the catalog's pages, diagrams and language switch at build time."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.root = Path.cwd()
        self.ctx: pages.Context | None = None
        self.edit_urls: dict[str, str | None] = {}
        self.generated: set[str] = set()
        self.offline = False
        self.stashed: dict[str, list[str]] = {}  # page src_uri → its HTML set aside from Markdown
        self.outside_nav: set[str] = set()  # generated pages outside the navigation (see shared.py)
        self.shared = SharedParts()
        self.glossary: glossary_hover.Glossary | None = None
        self.export: downloads.Running | None = None
        self.others: subprocess.Popen[str] | None = None  # building the other languages (alongside.py)
        self.indexing: search.Indexing | None = None  # this language's search index (search.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        rebuild.serving = command == "serve"  # later rebuilds get new instances without this event
        rebuild.dirty = dirty
        if dirty:
            rebuild.quiet_dirty_warning()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.root = (config_dir / self.config.root).resolve() if self.config.root else config_dir
        lang, folders = self.config.lang, self.config.languages
        here = folders.get(lang, "")
        if here and config.site_url:
            config.site_url = urljoin(config.site_url, here)
        config.extra["alternate"] = [
            {"name": NAMES.get(other, other), "lang": other, "link": _between(here, folders[other])}
            for other in LANGS
            if other in folders
        ]
        config.extra["stdcat_lang"] = lang
        config.extra["stdcat_root"] = _between(here, "")  # the exports live at the site root
        if config.nav is None:
            config.nav = nav.nav(lang)
        config.watch.extend(str(self.root / folder) for folder in ("catalog", "schema"))
        offline = config.plugins.get("material/offline")
        self.offline = offline is not None and offline.config.enabled
        if self.offline:
            # Material's offline plugin would load this shim from a CDN; ours is vendored.
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), IFRAME_WORKER]
        if (lunr := config.plugins.get("material/search")) is not None:
            search.quiet_lunr(lunr)  # our own index and worker answer the search box (see search.py)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if rebuild.serving and rebuild.dirty:  # nothing will clean the site folder: start them now
            self._start_others(config)
        result = rebuild.checked(self.root, check)
        for problem in result.problems:
            (log.error if problem.severity == ERROR else log.warning)(problem.text())
        if not result.ok:
            errors = sum(1 for p in result.problems if p.severity == ERROR)
            raise PluginError(f"the catalog has {errors} error(s): run `python -m stdcat validate`")
        defs = json.loads((self.root / "schema" / "defs.schema.json").read_text(encoding="utf-8"))
        self.ctx = pages.context(
            result.catalog,
            self.config.lang,
            defs,
            self.root / FRAGMENTS,
            repo_url=config.repo_url or "",
            site_url=self._base_site_url(config),
            root=self.root,
            directory_urls=config.use_directory_urls,
        )
        self.ctx.branch = self.config.branch
        self.glossary = glossary_hover.Glossary(glossary_hover.terms(result.catalog, self.config.lang))
        self.ctx.folder = self.config.languages.get(self.config.lang, "")

    def _base_site_url(self, config: MkDocsConfig) -> str:
        """The site URL of the default language (the schemas' $id live under it)."""
        here = self.config.languages.get(self.config.lang, "")
        url = config.site_url or ""
        return url[: -len(here)] if here and url.endswith(here) else url

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.ctx is None:  # the build did not run on_pre_build (a test calling on_files alone)
            return files
        self.edit_urls = {}
        self.generated = set()
        self.outside_nav = set()
        if not self.ctx.folder:  # the site folder is clean by now; the pages build meanwhile
            out = Path(config.site_dir)
            self.export = downloads.start(self.root, out, self.ctx.site_url, reuse=rebuild.serving)
        if self.others is None and (rebuild.serving or self.command in ("build", "gh-deploy")):
            self._start_others(config)  # the site folder is clean by now
        if not rebuild.serving and config.plugins.get("material/search") is not None:  # beside the pages
            self.indexing = search.start_index(
                self.root, self.config.lang, Path(config.site_dir), offline=self.offline,
                directory_urls=config.use_directory_urls,
            )  # fmt: skip
        self._pick_language(files, config)
        build = (str(self.root), self.config.lang)
        theme = rebuild.theme_key(self.root, config.config_file_path) if rebuild.serving else ""
        if rebuild.serving:  # pages whose records did not change are kept from the last rebuild
            self.ctx.memo = rebuild.memo(build, theme)
            self.ctx.memo.begin(self.ctx.catalog)
        for page in pages.generate(self.ctx):
            if files.get_file_from_path(page.src_uri) is not None:
                log.error(f"docs/{page.src_uri} hides a generated page of the same path: rename or remove it")
                continue
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            if rebuild.serving:  # a dirty rebuild renders only the pages that changed
                svg = self.ctx.svgs.get(page.src_uri)
                rebuild.mark(file, build, page.src_uri, rebuild.content_key(theme, page.markdown, svg))
            files.append(file)
            self.generated.add(page.src_uri)
            if not page.in_nav:
                self.outside_nav.add(page.src_uri)
            self.edit_urls[page.src_uri] = self.ctx.edit_url(page.edit_path) if page.edit_path else None
        neighbourhood.start(self.ctx)  # dot draws on the other core while MkDocs renders
        if rebuild.serving:  # written pages may hold generated blocks (<!-- stdcat:counts -->)
            for file in files.documentation_pages():
                if file.src_uri not in self.generated and blocks.has_directives(file):
                    file.is_modified = lambda: True
            if self.ctx.memo.kept:  # a rebuild: say how much of it was new (a first build makes every page)
                log.info(f"{self.ctx.memo.made} pages made again, {self.ctx.memo.kept} kept from the last build")
        return files

    def _pick_language(self, files: Files, config: MkDocsConfig) -> None:
        """Keep this language's written pages: ``about.en.md`` is the English ``about.md``."""
        for file in list(files.documentation_pages()):
            stem, dot, lang = file.src_uri[: -len(".md")].rpartition(".")
            if not dot or lang not in LANGS:
                continue
            files.remove(file)
            if lang != self.config.lang:
                continue
            base = f"{stem}.md"
            if (original := files.get_file_from_path(base)) is not None:
                files.remove(original)
            files.append(File.generated(config, base, abs_src_path=str(file.abs_src_path)))
            docs = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
            self.edit_urls[base] = self.ctx.edit_url(f"{docs}/{file.src_uri}") if self.ctx else None

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        if self.ctx is None:
            return markdown
        src_uri = page.file.src_uri
        if src_uri in self.edit_urls:
            page.edit_url = self.edit_urls[src_uri]
        if src_uri not in self.generated:
            markdown, unknown = blocks.expand(self.ctx, src_uri, markdown)
            for name in unknown:
                log.warning(f"{src_uri}: unknown directive <!-- stdcat:{name} --> (known: {', '.join(blocks.BLOCKS)})")
        markdown, self.stashed[src_uri] = rawhtml.stash(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        html = rawhtml.unstash(html, self.stashed.pop(page.file.src_uri, []))
        if page.file.src_uri in self.generated:
            # MkDocs converts every page before it writes any, keeping each page's Markdown twice
            # (the file's and the page's): at 10,000 records, hundreds of megabytes not needed now.
            page.markdown = ""
            page.file.content_string = ""
        if self.glossary is None or page.file.src_uri == GLOSSARY:  # the glossary explains itself
            return html
        return self.glossary.wrap(html)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.shared = SharedParts()
        self.shared.install(env, list(config.theme.dirs))
        env.globals["stdcat_t"] = functools.partial(i18n.t, lang=self.config.lang)  # the theme's overrides
        if rebuild.serving:
            env.bytecode_cache = rebuild.templates
        return env

    def on_page_context(self, context: dict[str, Any], *, page: MkPage, config: MkDocsConfig, nav: Any) -> Any:
        # Pages outside the navigation share its drawing, keyed by their relative root (shared.py).
        context["stdcat_shared"] = context.get("base_url") if page.file.src_uri in self.outside_nav else None
        return context

    def on_post_page(self, output: str, *, page: MkPage, config: MkDocsConfig) -> str:
        svg = self.ctx.svgs.get(page.file.src_uri) if self.ctx else None
        output = output.replace(SVG_MARKER, svg, 1) if svg else output
        return neighbourhood.put_in_place(self.ctx, page.file.src_uri, output) if self.ctx else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        problems: list[str] = []
        if config.plugins.get("material/search") is not None:
            if self.indexing is not None:
                problems = search.finish_index(self.indexing)
                self.indexing = None
            elif rebuild.serving:  # the browser reloads at once; the index follows in the background
                root, lang, offline, urls = self.root, self.config.lang, self.offline, config.use_directory_urls

                def index() -> None:
                    started = search.start_index(
                        root, lang, site_dir, offline=offline, directory_urls=urls, gently=True
                    )
                    for problem in search.finish_index(started):
                        log.warning(problem)

                rebuild.in_background(site_dir, index)
            problems += search.install_worker(site_dir)
        if self.export is not None and rebuild.serving:  # the browser reloads at once; the downloads follow
            downloads.finish_later(self.export, log.warning)
        elif self.export is not None:
            problems += downloads.finish(self.export)
        self.export = None
        for problem in problems:
            log.warning(problem)
        if self.others is not None:
            for problem in alongside.wait(self.others):
                log.error(problem)
            self.others = None
        rebuild.settle()

    def on_build_error(self, *, error: Exception) -> None:
        downloads.stop(self.export)
        self.export = None
        search.stop_index(self.indexing)
        self.indexing = None
        if self.others is not None:  # let the other languages finish before the next rebuild
            alongside.wait(self.others)
            self.others = None

    def _start_others(self, config: MkDocsConfig) -> None:
        """Build the other languages (``build_with``) in the worker while this one builds."""
        if self.config.build_with:
            jobs = [self._job(config, other) for other in self.config.build_with]
            self.others = alongside.start(jobs, once=not rebuild.serving)

    def _job(self, config: MkDocsConfig, other: str) -> alongside.Job:
        """Another language's configuration, to build into its folder of the served site."""
        path = (self.root / other).resolve()
        if not path.is_file():
            raise PluginError(f"build_with: no such configuration {other}")
        return alongside.Job(str(path), config.site_dir, config.site_url, rebuild.serving, bool(config.strict))


def _between(here: str, there: str) -> str:
    """The relative path from one language's root folder to another's ('./', '../', 'en/' …)."""
    rel = posixpath.relpath(there or ".", here or ".")
    return "./" if rel == "." else rel.rstrip("/") + "/"
