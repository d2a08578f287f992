"""HTML fragments from the theme templates in ``overrides/fragments/stdcat/``.

The Catalog → page step builds plain data (view models); these templates turn it into HTML. The
environment autoescapes everything, so record text is shown as text wherever a template puts it,
and a site can restyle a fragment by overriding its template without touching Python.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from stdcat.site.i18n import t
from stdcat.site.rawhtml import wrap

FRAGMENTS = Path("overrides") / "fragments" / "stdcat"


def nl2br(value: Any) -> Markup:
    """Escaped text with its line breaks kept as ``<br>``."""
    return Markup("<br>\n").join(escape(line) for line in str(value).split("\n"))


class Renderer:
    """Renders the fragment templates of one language."""

    def __init__(self, template_dir: Path, lang: str) -> None:
        self.lang = lang
        self.env = _environment(str(template_dir), lang)

    def __call__(self, name: str, **context: Any) -> str:
        """The fragment ``name`` rendered with ``context``, compacted to one block of HTML."""
        html = self.env.get_template(name).render(**context)
        # The fragment goes around Markdown (see rawhtml.py); the templates' indentation is only
        # for people, so it is dropped to save bytes.
        return wrap("\n".join(line.strip() for line in html.splitlines() if line.strip()))


@functools.cache
def _environment(template_dir: str, lang: str) -> jinja2.Environment:
    """One environment per folder and language for the process: ``mkdocs serve`` rebuilds then reuse
    the compiled templates (``auto_reload`` still picks up an edited template)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        auto_reload=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["nl2br"] = nl2br
    env.globals["t"] = lambda key: t(key, lang)
    env.globals["lang"] = lang
    env.globals["other_lang"] = "en" if lang == "zh" else "zh"
    return env
