"""The benchmark's report: the table (Markdown, either language) and the plot (SVG), from its JSON.

The same functions make ``bench/latest.md`` and ``bench/latest.svg`` and the site's Performance
page, so the page always shows the committed JSON. The SVG is plain text built here: the same
JSON gives the same bytes.
"""

from __future__ import annotations

import math
from typing import Any

# Timed measures: (key, zh, en); their per-record time is plotted.
TIMED = (
    ("validate", "校验 stdcat validate", "stdcat validate"),
    ("parse", "基线：CSafeLoader 仅解析", "baseline: bare CSafeLoader parse"),
    ("check-jsonschema", "基线：check-jsonschema", "baseline: check-jsonschema"),
    ("build", "构建网站（中英文）", "site build (both languages)"),
    ("bare-build", "基线：纯 Material 构建", "baseline: bare Material build"),
)
COLOURS = {
    "validate": "#3f6fa8",
    "parse": "#8fb0d8",
    "check-jsonschema": "#b0413e",
    "build": "#3b8a55",
    "bare-build": "#9ccaa9",
}
RATIOS = (
    ("validate/parse", "校验 ÷ 仅解析", "validate ÷ bare parse", "≤ 1.5"),
    ("validate/check-jsonschema", "校验 ÷ check-jsonschema", "validate ÷ check-jsonschema", "≪ 1"),
    ("build/bare-build", "构建 ÷ 纯 Material", "build ÷ bare Material", "≤ 1.3"),
)
OTHER = (
    ("build_peak", "构建内存峰值", "build peak memory", "< 1 GB", "bytes"),
    ("index_bytes", "搜索索引（原始）", "search index (raw)", "", "bytes"),
    ("index_gzip_bytes", "搜索索引（gzip）", "search index (gzip)", "", "bytes"),
    ("first_query_ms", "首次中文查询", "first Chinese query", "< 1 s", "ms"),
    ("later_query_ms", "后续中文查询", "later Chinese queries", "< 100 ms", "ms"),
    ("max_query_bytes", "单次查询最大传输", "most transferred by one query", "< 1 MB", "bytes"),
    ("home_gzip_bytes", "首页传输（gzip）", "home page transferred (gzip)", "< 300 KB", "bytes"),
    ("home_other_hosts", "首页访问其他主机", "home page requests to other hosts", "0", "count"),
    ("site_bytes", "整站大小", "whole site", "", "bytes"),
    ("serve_edit_s", "serve：保存到浏览器显示", "serve: save to browser", "< 3 s (N = 2,000)", "s"),
)


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def value(size: dict[str, Any], key: str) -> Any:
    """A figure of one size by its key, wherever the report keeps it."""
    if key in size.get("measures", {}):
        return size["measures"][key]["seconds"]
    if key in size.get("ratios", {}):
        return size["ratios"][key]
    if key == "build_peak":
        return size.get("measures", {}).get("build", {}).get("peak_bytes")
    for group in ("search", "home", "site", "index", "serve"):
        if key in size.get(group, {}):
            found = size[group][key]
            return len(found) if isinstance(found, list) else found
    return None


def fmt(number: Any, unit: str) -> str:
    if number is None:
        return "—"
    if unit == "bytes":
        for scale, name in ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
            if number >= scale:
                return f"{number / scale:.1f} {name}"
        return f"{number} B"
    if unit == "ms":
        return f"{number:.0f} ms"
    if unit == "s":
        return f"{number:.2f} s"
    if unit == "ratio":
        return f"{number:.2f}×"
    return f"{number:,}" if isinstance(number, int) else f"{number}"


def markdown(report: dict[str, Any], lang: str = "en") -> str:
    """The report as Markdown tables: one column per catalog size."""
    sizes = report["sizes"]
    head = "| " + _t(lang, "项目", "measure") + " | " + " | ".join(f"N = {s['n']:,}" for s in sizes)
    head += " | " + _t(lang, "目标", "target") + " |\n"
    rule = "|---" * (len(sizes) + 2) + "|\n"
    rows = [
        "| "
        + _t(lang, "记录总数", "records in the catalog")
        + " | "
        + " | ".join(f"{s['records']:,}" for s in sizes)
        + " | |\n"
    ]
    for key, zh, en in TIMED:
        cells = []
        for s in sizes:
            m = s.get("measures", {}).get(key)
            per = 1000 * m["seconds"] / s["records"] if m else 0
            cells.append("—" if not m else f"{m['seconds']:.2f} s · {per:.2f} ms/rec · {fmt(m['peak_bytes'], 'bytes')}")
        rows.append(f"| {_t(lang, zh, en)} | " + " | ".join(cells) + " | |\n")
    for key, zh, en, target in RATIOS:
        rows.append(
            f"| {_t(lang, zh, en)} | " + " | ".join(fmt(value(s, key), "ratio") for s in sizes) + f" | {target} |\n"
        )
    for key, zh, en, target, unit in OTHER:
        rows.append(
            f"| {_t(lang, zh, en)} | " + " | ".join(fmt(value(s, key), unit) for s in sizes) + f" | {target} |\n"
        )
    return head + rule + "".join(rows)


def machine_line(report: dict[str, Any], lang: str = "en") -> str:
    m = report.get("machine", {})
    parts = [m.get("cpu", "?"), f"{m.get('cores', '?')} cores", f"{m.get('memory_gb', '?')} GB", m.get("os", "?")]
    when = _t(lang, "测于", "measured on")
    runs = _t(lang, f"每项取 {report.get('runs', '?')} 次运行的中位数", f"medians of {report.get('runs', '?')} runs")
    return f"{when} {m.get('date', '?')} · {' · '.join(str(p) for p in parts)} · Python {m.get('python', '?')} · {runs}"


def svg(report: dict[str, Any], lang: str = "en") -> str:
    """Time per record against N, one line per timed measure (both axes logarithmic)."""
    width, height, left, right, top, bottom = 640, 360, 70, 190, 20, 50
    sizes = report["sizes"]
    points = {
        key: [
            (s["n"], 1000 * s["measures"][key]["seconds"] / s["records"]) for s in sizes if key in s.get("measures", {})
        ]
        for key, _, _ in TIMED
    }
    ns = [s["n"] for s in sizes] or [1]
    ys = [y for line in points.values() for _, y in line if y > 0] or [1.0]
    x0, x1 = math.log10(min(ns)) - 0.1, math.log10(max(ns)) + 0.1
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if y1 == y0:
        y1 += 1

    def x(n: float) -> float:
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def y(v: float) -> float:
        return top + (y1 - math.log10(v)) / (y1 - y0) * (height - top - bottom)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="stdcat-bench-plot" '
        f'role="img" font-family="sans-serif" font-size="11">',
        f"<title>{_t(lang, '每条记录耗时与记录数 N', 'Time per record against N')}</title>",
    ]
    for power in range(y0, y1 + 1):
        v = 10.0**power
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g} ms</text>'
        )
    for n in ns:
        out.append(
            f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{top}" y2="{height - bottom}" stroke="#eee"/>'
            f'<text x="{x(n):.1f}" y="{height - bottom + 16}" text-anchor="middle">{n:,}</text>'
        )
    out.append(
        f'<text x="{(left + width - right) / 2:.1f}" y="{height - 12}" text-anchor="middle">'
        f"{_t(lang, '新增记录数 N', 'grown records N')}</text>"
    )
    out.append(
        f'<text transform="translate(16 {(top + height - bottom) / 2:.1f}) rotate(-90)" text-anchor="middle">'
        f"{_t(lang, '每条记录耗时', 'time per record')}</text>"
    )
    for row, (key, zh, en) in enumerate(TIMED):
        line = points[key]
        if not line:
            continue
        colour = COLOURS[key]
        dash = ' stroke-dasharray="5 3"' if key in ("parse", "check-jsonschema", "bare-build") else ""
        path = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in line if v > 0)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        out.extend(f'<circle cx="{x(n):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>' for n, v in line if v > 0)
        ly = top + 14 + row * 18
        name = _escape(_t(lang, zh, en).replace("基线：", "").replace("baseline: ", ""))
        out.append(
            f'<line x1="{width - right + 10}" x2="{width - right + 34}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="{width - right + 40}" y="{ly}">{name}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ENGINES = (
    ("served", "网站（服务器）", "served site"),
    ("offline", "离线副本（file://）", "offline copy (file://)"),
    ("sqlite", "SQLite 下载", "SQLite download"),
)
RELEVANCE = (
    ("hit@1", "hit@1", "hit@1", ""),
    ("hit@3", "hit@3", "hit@3", "≥ 0.97"),
    ("mrr", "平均倒数排名 MRR", "MRR", "≥ 0.90"),
    ("empty", "无结果查询占比", "queries without a result", "0"),
)

SELF = (
    ("zh", "自检：中文标题（中文站）", "self-retrieval: Chinese titles (Chinese site)"),
    ("en", "自检：英文标题（英文站）", "self-retrieval: English titles (English site)"),
)


def relevance_markdown(report: dict[str, Any], lang: str = "en", details: bool = True) -> str:
    """The search relevance tables: the judged set and self-retrieval per engine, then the candidate
    segmentations; empty when the report has no relevance run. ``details``: also the queries and
    records that missed (for ``bench/latest.md``; the site's page shows the tables only)."""
    found = report.get("relevance")
    if not found:
        return ""
    engines = [(key, zh, en) for key, zh, en in ENGINES if key in found]
    queries = next(iter(found[k]["queries"] for k, _, _ in engines), 0)
    head = f"| {_t(lang, f'判定查询集（{queries} 条）', f'judged query set ({queries} queries)')} | "
    head += " | ".join(_t(lang, zh, en) for _, zh, en in engines) + f" | {_t(lang, '目标', 'goal')} |\n"
    rows = [head, "|---" * (len(engines) + 2) + "|\n"]
    for key, zh, en, goal in RELEVANCE:
        rows.append(f"| {_t(lang, zh, en)} | " + " | ".join(f"{found[k][key]:.3f}" for k, _, _ in engines))
        rows.append(f" | {goal} |\n")
    for side, zh, en in SELF:
        cells = [found[k]["self"][side] for k, _, _ in engines]
        rates = " | ".join(f"{c['rate'] * 100:.1f} % / {c['records']}" for c in cells)
        rows.append(f"| {_t(lang, zh, en)} | {rates} | 100 % |\n")
    out = "".join(rows)
    misses = [f"- {_t(lang, zh, en)}: {_escape(m)}" for k, zh, en in engines for m in found[k].get("misses", [])]
    failures = [
        f"- {_t(lang, zh, en)} ({side}): {_escape(f)}"
        for k, zh, en in engines
        for side in ("zh", "en")
        for f in found[k]["self"][side]["failures"]
    ]
    if details and (misses or failures):
        out += "\n" + _t(lang, "未进前 3 的查询和标题：", "Queries and titles not in the first 3:") + "\n\n"
        out += "\n".join(misses + failures) + "\n"
    return out + _candidates(found.get("candidates") or {}, lang)


def _candidates(found: dict[str, Any], lang: str) -> str:
    if not found:
        return ""
    head = _t(lang, "分词方案（SQLite 排序相同）", "segmentation (same SQLite ranking)")
    cols = ("hit@1", "hit@3", "mrr", "empty", "self", "index_tokens")
    out = f"\n| {head} | hit@1 | hit@3 | MRR | {_t(lang, '无结果', 'empty')} | "
    out += f"{_t(lang, '自检', 'self-retrieval')} | {_t(lang, '索引词次', 'index tokens')} |\n|---" + "|---" * 6 + "|\n"
    for name, figures in found.items():
        cells = [f"{figures[c]:,}" if c == "index_tokens" else f"{figures[c]:.3f}" for c in cols]
        out += f"| {name} | " + " | ".join(cells) + " |\n"
    return out
