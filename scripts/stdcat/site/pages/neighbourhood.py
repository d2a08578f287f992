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
from stdcat.drawing_text import tidy_svg
from stdcat.neighbourhood import dot_source, neighbourhood
from stdcat.site.pages.base import Context

MARKER = "<!-- stdcat-neighbourhood -->"
_STREAM = "neighbourhood_stream"
_PAGES = "neighbourhood_pages"  # page src_uri → key of its drawing
_SOURCES = "neighbourhood_sources"  # page src_uri → its graph
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
    stream(ctx)  # the build's stream and node memo
    name = again(ctx, here, dot_source(neighbourhood(ctx.catalog, record), ctx.lang, ctx._cache[_MEMO]))
    # The drawing's key in the page makes a changed drawing a changed page for `mkdocs serve`.
    return Markup(ctx.render("neighbourhood.html", key=name, svg=Markup(MARKER)))


def again(ctx: Context, here: str, source: str) -> str:
    """Queue the drawing of the page ``here`` (a kept page's, or a new one's); return its key."""
    name = stream(ctx).add(source)
    ctx._cache[_PAGES][here] = name
    if ctx.memo is not None:  # only a kept page needs its graph again
        ctx._cache.setdefault(_SOURCES, {})[here] = source
    return name


def source(ctx: Context, here: str) -> str | None:
    """The graph drawn for the page ``here`` in this build, to queue again when the page is kept."""
    return ctx._cache.get(_SOURCES, {}).get(here)


def start(ctx: Context) -> None:
    """Start drawing the queued graphs, once the pages are generated (see ``dotstream.Stream.start``)."""
    if _STREAM in ctx._cache:
        stream(ctx).start()


def put_in_place(ctx: Context, here: str, html: str) -> str:
    """The finished page with its drawing in place of the marker (waits for ``dot`` if needed)."""
    name = ctx._cache.get(_PAGES, {}).get(here)
    if name is None or MARKER not in html:
        return html
    svg = place(tidy_svg(stream(ctx).svg(name)), lambda record_id: ctx.linker.to(here, record_id) or "#")
    return html.replace(MARKER, svg, 1)
