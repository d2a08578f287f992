"""The neighbourhood diagram of a record page: drawn in the background, put in place when the page is done.

Generating a record page queues its graph on the build's ``dotstream.Stream`` and leaves the
marker ``MARKER`` in the page; ``put_in_place`` (from the plugin's ``on_post_page``) swaps the
marker for the drawing with this page's relative links. By then ``dot`` has drawn it, or is
about to: it works through the graphs while MkDocs renders the pages before.
"""

from __future__ import annotations

from markupsafe import Markup

from stdcat.catalog import Record
from stdcat.diagram import place
from stdcat.dotstream import Stream
from stdcat.neighbourhood import dot_source, neighbourhood
from stdcat.site.pages.base import Context

MARKER = "<!-- stdcat-neighbourhood -->"
_STREAM = "neighbourhood_stream"
_PAGES = "neighbourhood_pages"  # page src_uri → key of its drawing
_MEMO = "neighbourhood_memo"  # node lines shared by the drawings (see neighbourhood.dot_source)


def stream(ctx: Context) -> Stream:
    """This build's stream of drawings for one language, kept on disk under the repository's .cache/."""
    if _STREAM not in ctx._cache:
        folder = ctx.root / ".cache" / "stdcat" if ctx.root is not None else None
        ctx._cache[_STREAM] = Stream(folder / f"neighbourhood-{ctx.lang}.bin" if folder else None)
        ctx._cache[_PAGES] = {}
        ctx._cache[_MEMO] = {}
    return ctx._cache[_STREAM]


def figure(ctx: Context, here: str, record: Record) -> Markup:
    """The figure for the page ``here``, with the marker where the drawing goes."""
    drawings = stream(ctx)
    name = drawings.add(dot_source(neighbourhood(ctx.catalog, record), ctx.lang, ctx._cache[_MEMO]))
    ctx._cache[_PAGES][here] = name
    # The drawing's key in the page makes a changed drawing a changed page for `mkdocs serve`.
    return Markup(ctx.render("neighbourhood.html", key=name, svg=Markup(MARKER)))


def start(ctx: Context) -> None:
    """Start drawing the queued graphs, once the pages are generated (see ``dotstream.Stream.start``)."""
    if _STREAM in ctx._cache:
        stream(ctx).start()


def put_in_place(ctx: Context, here: str, html: str) -> str:
    """The finished page with its drawing in place of the marker (waits for ``dot`` if needed)."""
    name = ctx._cache.get(_PAGES, {}).get(here)
    if name is None or MARKER not in html:
        return html
    svg = place(stream(ctx).svg(name), lambda record_id: ctx.linker.to(here, record_id) or "#")
    return html.replace(MARKER, svg, 1)
