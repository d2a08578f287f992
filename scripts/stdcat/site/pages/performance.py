"""The Performance page: the last benchmark report, from the committed ``bench/latest.json``.

``python -m stdcat bench`` writes the report; this page shows it as it was committed (the table,
the plot, the machine it ran on), so the site never runs the benchmark itself.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from stdcat.bench import report
from stdcat.site.markdown import heading
from stdcat.site.pages.base import SVG_MARKER, Context, Page

HERE = "performance/index.md"
INTRO = {
    "zh": (
        "目录要能容纳全省乃至全国的标准体系：成千上万条记录。基准测试用与真实目录同形的合成记录（真实目录加 N 条），"
        "在同一次运行中测量每一项及其基线（每项取多次运行的中位数和内存峰值）。运行 `python -m stdcat bench` 可复现。"
    ),
    "en": (
        "The catalog must hold a province's, and later the nation's, standards system: thousands of records. "
        "The benchmark grows synthetic records shaped like the real ones (the real catalog plus N records) and "
        "measures each figure beside its baselines in the same run (medians of several runs, with peak memory). "
        "Run `python -m stdcat bench` to repeat it."
    ),
}


def page(ctx: Context) -> Page:
    title = "性能" if ctx.lang == "zh" else "Performance"
    parts = [heading(1, title), "\n", INTRO[ctx.lang], "\n\n"]
    path = ctx.root / "bench" / "latest.json" if ctx.root else None
    if path is None or not path.is_file():
        parts.append("尚无基准测试报告。\n" if ctx.lang == "zh" else "No benchmark report yet.\n")
        return Page(HERE, "".join(parts), in_nav=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    parts += [f"*{report.machine_line(data, ctx.lang)}*\n\n", report.markdown(data, ctx.lang), "\n"]
    if relevance := report.relevance_markdown(data, ctx.lang, details=False):
        heading_text = "搜索相关性" if ctx.lang == "zh" else "Search relevance"
        parts += [heading(2, heading_text), "\n", relevance, "\n"]
    ctx.svgs[HERE] = report.svg(data, ctx.lang)
    parts.append(str(Markup(ctx.render("intro.html", text=Markup(SVG_MARKER)))))
    return Page(HERE, "".join(parts), in_nav=True)
