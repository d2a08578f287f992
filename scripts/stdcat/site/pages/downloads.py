"""The Downloads page: every file the site publishes beside its pages (``site/downloads.py``
writes them), with its format, what one row or record of it is, and its link.

The files live at the site root once for both languages, so links are computed from the page's
place in its language's folder (``root_url``): the English page at ``en/downloads/`` links up to
``../../data/…``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stdcat.catalog import KINDS
from stdcat.exports.context import RECORD_JSON
from stdcat.exports.csv_tables import CSV_KINDS
from stdcat.exports.feed import FEED
from stdcat.site.links import Target, page_url, relative_url
from stdcat.site.markdown import heading
from stdcat.site.pages.base import Context, Page

HERE = "downloads/index.md"
SCHEMA_PAGES = "reference/schema/index.md"
TITLE = ("数据下载", "Downloads")
INTRO = (
    "目录的全部数据随网站一同发布，均由构建时校验通过的同一份目录生成，可自由下载和引用。"
    "文件在中文站和英文站共用同一地址。",
    "All of the catalog's data is published with the site, generated at build time from the same "
    "validated catalog, free to download and cite. Both languages share the same files.",
)


@dataclass(frozen=True)
class Download:
    """One published file (or family of files) as the page lists it."""

    path: str  # under the site root
    format: str
    what: tuple[str, str]  # what the file holds, zh and en
    unit: tuple[str, str]  # what one row / record / entry of it is


def root_url(ctx: Context, here: str, path: str) -> str:
    """The relative URL of a file at the site root, seen from the page ``here`` of this language."""
    return relative_url(path, ctx.folder + page_url(here, ctx.linker.directory_urls))


def files(ctx: Context) -> list[tuple[tuple[str, str], list[Download]]]:
    """The published files in groups: (group title, files)."""
    return [
        (("JSON", "JSON"), _json(ctx)),
        (("CSV（UTF-8 BOM）", "CSV (UTF-8 with BOM)"), _csv(ctx)),
        (("Excel、SQLite 与引用", "Excel, SQLite and citations"), OTHER),
        (("变更历史", "Change history"), CHANGES),
    ]


def _kind(ctx: Context, kind: str) -> tuple[str, str]:
    return (ctx.labels.label("kind", kind, "zh"), ctx.labels.label("kind", kind, "en"))


PER_RECORD = ("一行一条记录", "one row per record")
PER_ITEM = ("records 中每项为一条记录", "one item of records per record")
PER_DETAIL_ROW = ("一行一项标准或计量技术规范", "one row per standard or metrology specification")


def _json(ctx: Context) -> list[Download]:
    index_what = ("索引：各类记录的数量、文件和模式", "Index: counts, files and schemas")
    index_unit = ("每类、每条记录各一项", "one entry per kind and per record")
    out = [Download("data/index.json", "JSON", index_what, index_unit)]
    for kind in KINDS:
        zh, en = _kind(ctx, kind)
        out.append(Download(f"data/{kind}.json", "JSON", (f"全部{zh}记录", f"Every {en} record"), PER_ITEM))
    return out


def _csv(ctx: Context) -> list[Download]:
    out = []
    for kind in CSV_KINDS:
        zh, en = _kind(ctx, kind)
        out.append(Download(f"data/{kind}.csv", "CSV", (f"{zh}表", f"{en} table"), PER_RECORD))
    out.append(Download("data/detail.csv", "CSV", ("标准明细表（中文）", "Detail table (Chinese)"), PER_DETAIL_ROW))
    out.append(Download("data/detail-en.csv", "CSV", ("标准明细表（英文）", "Detail table (English)"), PER_DETAIL_ROW))
    return out


OTHER = [
    Download(
        "data/detail.xlsx",
        "XLSX",
        ("标准明细表工作簿，含中文和英文工作表", "The detail table as a workbook, with a Chinese and an English sheet"),
        PER_DETAIL_ROW,
    ),
    Download(
        "data/catalog.sqlite",
        "SQLite 3",
        (
            "完整数据库：记录、部门、引用关系、体系框架、目标进展、方案原文和全文检索（FTS5）",
            "The whole catalog as a database: records, departments, links, framework, target progress, "
            "the plan text and full-text search (FTS5)",
        ),
        ("records 表一行一条记录", "one row of the records table per record"),
    ),
    Download(
        "data/catalog.bib",
        "BibTeX",
        ("每条记录的 BibTeX 引用（GB/T 7714 格式见各记录页）", "A BibTeX entry per record (GB/T 7714 on its page)"),
        ("一个条目一条记录", "one entry per record"),
    ),
]

CHANGES = [
    Download(
        "data/changes.json",
        "JSON",
        ("目录的变更历史（取自 git）", "How the catalog changed (from git)"),
        ("changes 中每项为一条记录的一次变更", "one item of changes per change of one record"),
    ),
    Download(FEED, "Atom", ("变更订阅源", "A feed of the changes"), ("一个条目一次提交", "one entry per commit")),
]


def _row(ctx: Context, item: Download) -> dict[str, Any]:
    pick = 0 if ctx.lang == "zh" else 1
    return {
        "name": item.path,
        "href": root_url(ctx, HERE, item.path),
        "format": item.format,
        "what": item.what[pick],
        "unit": item.unit[pick],
    }


def _schemas(ctx: Context) -> list[dict[str, str]]:
    if ctx.root is None:
        return []
    names = sorted(path.name for path in (ctx.root / "schema").glob("*.schema.json"))
    return [{"name": f"schema/{name}", "href": root_url(ctx, HERE, f"schema/{name}")} for name in names]


# How to search data/catalog.sqlite (its meta table says the same under the search.* keys).
SQLITE_SEARCH = (
    (
        "在 SQLite 文件中搜索",
        "数据库的 `search` 表是网站搜索的同一份全文索引（FTS5），含每条记录和方案原文的每一段（中文 `lang = 'zh'`、"
        "英文 `lang = 'en'` 各一行）。中文按单字和相邻两字建索引，所以查询中文时写出相邻两字，用空格隔开："
        "标准物质 写作 `标准 准物 物质`（单字就写该字）；英文按词查询。",
        "用 [Datasette](https://datasette.io/) 浏览：运行 `datasette catalog.sqlite`，打开 "
        "`http://127.0.0.1:8001/catalog/search_docs?_search=标准+准物+物质`。要得到与网站相同的排序，"
        "把 `meta` 表中 `search.ranked` 的查询粘贴到 `http://127.0.0.1:8001/catalog` 的 SQL 框，"
        "填入 `match` = `标准 AND 准物 AND 物质`、`name` = `标准物质`（查询去掉空格和标点，小写）。",
    ),
    (
        "Searching the SQLite file",
        "The database's `search` table is the site's own full-text index (FTS5): every record and every "
        "paragraph of the plan, one row in Chinese (`lang = 'zh'`) and one in English (`lang = 'en'`). Chinese "
        "is indexed as single characters and overlapping pairs of characters, so write a Chinese query as its "
        "pairs, separated by spaces: 标准物质 is `标准 准物 物质` (one character alone as itself); English as words.",
        "To browse it with [Datasette](https://datasette.io/): run `datasette catalog.sqlite` and open "
        "`http://127.0.0.1:8001/catalog/search_docs?_search=标准+准物+物质`. For the site's own ranking, paste "
        "the query stored in the `meta` table under `search.ranked` into the SQL box at "
        "`http://127.0.0.1:8001/catalog` and fill in `match` = `标准 AND 准物 AND 物质` and `name` = `标准物质` "
        "(the query without spaces or punctuation, in lower case).",
    ),
)
SQLITE_EXAMPLE = """```sql
SELECT d.key, d.kind, d.lang, d.title, d.url
FROM search s JOIN search_docs d ON d.rowid = s.rowid
WHERE search MATCH '标准 准物 物质'
ORDER BY bm25(search, 3.0, 1.0)
LIMIT 10;
```
"""


def _sqlite_search(pick: int) -> str:
    title, about, datasette = SQLITE_SEARCH[pick]
    return "\n" + heading(2, title) + "\n" + about + "\n\n" + SQLITE_EXAMPLE + "\n" + datasette + "\n"


def page(ctx: Context) -> Page:
    pick = 0 if ctx.lang == "zh" else 1
    groups = [{"title": title[pick], "files": [_row(ctx, f) for f in items]} for title, items in files(ctx)]
    example = next(iter(ctx.catalog.by_kind("standard")), None)
    example_path = RECORD_JSON.format(id=example.id) if example else None
    view = {
        "groups": groups,
        "site_url": ctx.site_url,
        "record_pattern": RECORD_JSON.format(id="<id>"),
        "example": {"name": example_path, "href": root_url(ctx, HERE, example_path)} if example_path else None,
        "schemas": _schemas(ctx),
        "schema_pages": ctx.linker.url(HERE, Target(SCHEMA_PAGES)),
    }
    body = heading(1, TITLE[pick]) + "\n" + INTRO[pick] + "\n\n" + ctx.render("downloads.html", d=view)
    body += _sqlite_search(pick)
    return Page(HERE, body, in_nav=True)
