"""Drawing labels: whole, broken into lines by the rules of Chinese typesetting."""

from __future__ import annotations

import pytest

from stdcat.drawing_text import NO_LINE_END, NO_LINE_START, tidy_svg, wrap_label

TITLES = [
    "高效光伏组件、硅片、电池等关键产品技术要求和检测标准",
    "碳排放监测、核算、报告、核查（MRV）体系和GB/T 32150-2015等标准的维护和管理工作",
    "农林复合经营（林下经济）“江西绿色生态”标准",
    "开展新型电力系统、源网荷储一体化和多能互补、智能微电网、虚拟电厂等标准研究，提升电力系统调节能力。",
]


@pytest.mark.parametrize("title", TITLES)
def test_chinese_labels_are_whole_and_no_line_starts_with_closing_punctuation(title):
    lines = wrap_label(title, "zh", 12).split("\n")
    assert "".join(lines).replace(" ", "") == title.replace(" ", ""), "nothing cut"
    assert all(line[0] not in NO_LINE_START for line in lines), lines
    assert all(line[-1] not in NO_LINE_END for line in lines), lines
    assert "32150-2015" in "\n".join(lines) or "32150" not in title, "a number is never broken"
    width = [sum(0.55 if ord(c) < 0x2E80 else 1 for c in line) for line in lines]
    assert max(width) <= 14, lines


def test_a_break_that_would_start_a_line_with_a_comma_moves_the_comma_up():
    # 12 characters, then "、": the mark stays on the first line.
    lines = wrap_label("一二三四五六七八九十甲乙、丙丁", "zh", 12).split("\n")
    assert lines == ["一二三四五六七八九十甲乙、", "丙丁"]


def test_english_labels_break_between_words_only():
    text = "Technical requirements and test standards for key photovoltaic products"
    lines = wrap_label(text, "en", 24).split("\n")
    assert " ".join(lines) == text and all(len(line) <= 24 for line in lines)


def test_tidy_removes_titles_and_link_less_anchors_but_keeps_links():
    svg = (
        '<svg><g id="page0,1_fw-graph" class="graph"><title>framework</title>\n'
        '<g id="a_fw-graph"><a xlink:title=" ">\n</a>\n</g>\n'
        '<g id="a_clust1"><a xlink:title=" ">\n<path d="M0"/>\n</a>\n</g>\n'
        '<g id="fw-x" class="node"><title>x</title>\n<g id="a_fw-x"><a xlink:href="stdcat:x" xlink:title="X">\n'
        "<text>X</text>\n</a>\n</g>\n</g></g></svg>"
    )
    out = tidy_svg(svg)
    assert "<title>" not in out and 'xlink:title=" "' not in out and "page0,1" not in out
    assert '<g id="fw-graph" class="graph">' in out
    assert '<path d="M0"/>' in out and 'xlink:href="stdcat:x"' in out
