"""The site's navigation, with section titles in both languages (one list for both builds).

Record pages stay out of the navigation (Material writes the whole navigation into every page,
so thousands of entries would make the site grow as N²): readers reach them through the listing
pages, the framework, the department pages, tags and search.
"""

from __future__ import annotations

from typing import Any

Entry = tuple[tuple[str, str], Any]

NAV: list[Entry] = [
    (("首页", "Home"), "index.md"),
    (("体系框架", "Framework"), "framework/index.md"),
    (
        ("目录", "Catalog"),
        [
            (("标准", "Standards"), "standard/index.md"),
            (("计量", "Metrology"), "metrology/index.md"),
            (("任务", "Tasks"), "task/index.md"),
            (("目标", "Targets"), "target/index.md"),
            (("标准明细表", "Detail table"), "detail/index.md"),
            (("统计表", "Statistics"), "statistics/index.md"),
            (("标签", "Tags"), "tags/index.md"),
        ],
    ),
    (("部门", "Departments"), "organization/index.md"),
    (
        ("方案", "The plan"),
        [
            (("方案全文", "Full text"), "plan/index.md"),
            (("修复记录", "Repair log"), "plan/repairs.md"),
            (("名词解释", "Glossary"), "glossary/index.md"),
            (("引用文件", "Documents"), "document/index.md"),
        ],
    ),
    (
        ("关于", "About"),
        [
            (("关于本目录", "About this catalog"), "about.md"),
            (("参与贡献", "How to contribute"), "contributing/index.md"),
            (("内容编写规范", "Content guide"), "contributing/content-guide.md"),
            (("站内搜索", "Search"), "contributing/search.md"),
            (("数据模式", "Schema reference"), "reference/schema/index.md"),
            (("数据下载", "Downloads"), "downloads/index.md"),
            (("变更历史", "Change history"), "changes/index.md"),
            (("性能", "Performance"), "performance/index.md"),
        ],
    ),
]


def nav(lang: str, entries: list[Entry] = NAV) -> list[dict[str, Any]]:
    """The navigation in MkDocs' ``nav`` form, titled in ``lang``."""
    out = []
    for (zh, en), target in entries:
        title = zh if lang == "zh" else en
        out.append({title: nav(lang, target) if isinstance(target, list) else target})
    return out


def pages(entries: list[Entry] = NAV) -> list[str]:
    """Every page the navigation names."""
    out: list[str] = []
    for _, target in entries:
        out.extend(pages(target) if isinstance(target, list) else [target])
    return out
