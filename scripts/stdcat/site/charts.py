"""Horizontal stacked bar charts as inline SVG, drawn at build time (no chart service, no script).

Same input, same bytes: no random ids, coordinates rounded to one decimal. Every text is escaped
with ``html.escape``. The colours are the Okabe–Ito palette, told apart by readers with the common
colour-vision deficiencies; each segment also carries its series and count as a ``<title>``, so the
numbers do not depend on colour at all (and the page's tables give them too).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000")
FONT = 13  # px
BAR = 18  # bar height, px
GAP = 8  # between bars, px
PLOT = 480  # width of the longest bar, px
PAD = 8
ROW = FONT + 4 + BAR + GAP  # a label above its bar


@dataclass(frozen=True)
class Bar:
    """One bar: its label and one value per series."""

    label: str
    values: tuple[int, ...]


def text_width(text: str) -> float:
    """Approximate rendered width in px: wide (CJK) characters one em, others about half."""
    return sum(FONT if unicodedata.east_asian_width(c) in "WF" else FONT * 0.6 for c in text)


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def stacked_bars(title: str, bars: list[Bar], series: list[str]) -> str:
    """An SVG of one stacked bar per ``bars`` item, segments per ``series``, with a legend below.

    Each label stands above its bar, so long (English) labels do not squeeze the bars.
    """
    largest = max((sum(b.values) for b in bars), default=0) or 1
    scale = PLOT / largest
    labels = max((text_width(b.label) for b in bars), default=0)
    width = PAD + max(labels, PLOT + PAD + text_width(str(largest))) + PAD
    parts = [f"<title>{escape(title)}</title>"]
    for i, bar in enumerate(bars):
        parts.append(_bar(bar, series, PAD + i * ROW, scale))
    legend_y = PAD + len(bars) * ROW + GAP
    legend, legend_h = _legend(series, legend_y, width)
    parts.append(legend)
    height = legend_y + legend_h + PAD
    head = (
        f'<svg class="stdcat-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-size="{FONT}" font-family="sans-serif" fill="currentColor">'
    )
    return head + "".join(parts) + "</svg>"


def _bar(bar: Bar, series: list[str], y: float, scale: float) -> str:
    top = y + FONT + 4
    out = [f'<g><text x="{PAD}" y="{_n(y + FONT)}">{escape(bar.label)}</text>']
    x = float(PAD)
    for i, value in enumerate(bar.values):
        if not value:
            continue
        w = value * scale
        out.append(
            f'<rect x="{_n(x)}" y="{_n(top)}" width="{_n(w)}" height="{BAR}" fill="{colour(i)}">'
            f"<title>{escape(bar.label)} · {escape(series[i])}: {value}</title></rect>"
        )
        x += w
    out.append(f'<text x="{_n(x + 4)}" y="{_n(top + BAR / 2 + FONT * 0.35)}">{sum(bar.values)}</text></g>')
    return "".join(out)


def _legend(series: list[str], y: float, width: float) -> tuple[str, float]:
    """The legend as rows of swatch + name, wrapped to the chart's width; and its height."""
    out, x, row = ["<g>"], float(PAD), 0
    for i, name in enumerate(series):
        item_w = BAR + 4 + text_width(name) + 2 * PAD
        if x > PAD and x + item_w > width:
            x, row = float(PAD), row + 1
        top = y + row * (BAR + GAP)
        out.append(f'<rect x="{_n(x)}" y="{_n(top)}" width="{BAR}" height="{BAR}" fill="{colour(i)}"/>')
        out.append(f'<text x="{_n(x + BAR + 4)}" y="{_n(top + BAR / 2 + FONT * 0.35)}">{escape(name)}</text>')
        x += item_w
    out.append("</g>")
    return "".join(out), (row + 1) * (BAR + GAP) if series else 0


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]
