"""Text in the drawings: labels broken into lines, and Graphviz's SVG made fit for an HTML page.

Both drawings (the framework diagram and a record's neighbourhood) use these, so a label is broken
the same way everywhere and no drawing carries markup a validator refuses.

- ``wrap_label``: whole labels, never cut; Chinese broken between characters but never before a
  closing punctuation mark (、，。…) nor after an opening one (（“《…), the line-breaking rules of
  Chinese typesetting; ASCII runs (standard numbers, codes, English words) never broken.
- ``tidy_svg``: Graphviz names a graph of a stream ``page0,1_<id>`` (not an XML name); it writes a
  ``<title>`` per graph, cluster and node (ids such as
  ``renewable-pv`` or ``cluster_standards-system``, which a screen reader would read out, in
  English on the Chinese site) and an ``<a>`` without a link round the graph and each cluster
  given a blank tooltip; both go. The names a reader needs are the links' ``xlink:title``.
"""

from __future__ import annotations

import re
import textwrap

# Closing marks may not start a line; opening marks may not end one (GB/T 15834 and common practice).
NO_LINE_START = set("、，。．；：？！）］｝〕〉》」』】〗”’…·—～%,.;:?!)]}")
NO_LINE_END = set("（［｛〔〈《「『【〖“‘([{")
# A run of non-CJK, non-space characters (a number, a code, a word) is one token: never broken.
_TOKEN = re.compile(r"[^\s\u2e80-\U0010ffff]+|\s+|.", re.S)
_ASCII_WIDTH = 0.55  # an ASCII character is about half as wide as a Chinese one


def _width(token: str) -> float:
    return sum(_ASCII_WIDTH if ord(c) < 0x2E80 else 1.0 for c in token)


def wrap_label(text: str, lang: str, width: int) -> str:
    """``text`` in lines of about ``width`` Chinese characters (zh) or ``width`` characters (en).

    Nothing is cut: a word or number longer than a line gets a line of its own.
    """
    text = " ".join(text.split())
    if lang != "zh":
        return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text
    lines: list[list[str]] = [[]]
    used = 0.0
    for token in _TOKEN.findall(text):
        if token.isspace():
            if lines[-1]:
                lines[-1].append(" ")
                used += _ASCII_WIDTH
            continue
        size = _width(token)
        if used + size > width and lines[-1] and token[0] not in NO_LINE_START:
            carried = _opening_tail(lines[-1])
            lines.append(carried)
            used = sum(_width(t) for t in carried)
        lines[-1].append(token)
        used += size
    return "\n".join("".join(line).strip() for line in lines if "".join(line).strip())


def _opening_tail(line: list[str]) -> list[str]:
    """Opening marks at the end of a full line move to the next one."""
    carried: list[str] = []
    while line and line[-1] in NO_LINE_END:
        carried.insert(0, line.pop())
    return carried


_TITLE = re.compile(r"<title>[^<]*</title>\n?")
# dot reading a stream of graphs names each graph's group page<N>,<M>_<id>: not an XML name.
_PAGE_PREFIX = re.compile(r'id="(a_)?page\d+,\d+_')
_NO_LINK = re.compile(r'<g id="a_[^"]*"><a xlink:title=" ">\n?(.*?)</a>\n</g>\n?', re.S)


def tidy_svg(svg: str) -> str:
    """Graphviz's ``<title>`` elements and link-less anchors removed (their content kept), and the page
    prefix dot gives a graph's id in a stream of graphs."""
    svg = _PAGE_PREFIX.sub(lambda m: f'id="{m.group(1) or ""}', svg)
    return _NO_LINK.sub(r"\1", _TITLE.sub("", svg))
