"""The tags page: every keyword of the records, each with the records that carry it.

Our own page rather than Material's tags plugin: tag names are record text, and Material's tag
partials print them unescaped; this also keeps the catalog independent of the theme. Records write
tags in Chinese; the English pages show each tag's English from the catalog's vocabulary of tags
(``catalog/vocabulary/``, checked by the ``vocabulary`` rule). A tag's anchor is made from its
Chinese name in both languages, so the language switch lands on the same tag.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stdcat.site.links import TAGS, Target
from stdcat.site.markdown import Slugs, front_matter, heading
from stdcat.site.pages.base import Context, Page, node_order, row


def anchors(ctx: Context) -> dict[str, str]:
    """Each tag's anchor on the tags page, computed once per build (same on every page)."""
    if "tag_anchors" not in ctx._cache:
        names = sorted({tag for record in ctx.catalog.records.values() for tag in _tags(record.get("tags"))})
        slugs = Slugs()
        ctx._cache["tag_anchors"] = {name: slugs(name, "tag-") for name in names}
    return ctx._cache["tag_anchors"]


def tag_label(ctx: Context, tag: str) -> str:
    """How ``tag`` reads in the page's language: its English from the vocabulary on the English site."""
    if ctx.lang == "zh":
        return tag
    if "tag_english" not in ctx._cache:
        english: dict[str, str] = {}
        for vocabulary in ctx.catalog.by_kind("vocabulary"):
            if vocabulary.get("field") == "tags":
                english.update({t["zh"]: t["en"] for t in vocabulary.get("terms") or [] if isinstance(t, dict)})
        ctx._cache["tag_english"] = english
    return ctx._cache["tag_english"].get(tag, tag)


def _tags(value: Any) -> list[str]:
    return [str(v) for v in value or [] if isinstance(v, str)]


def tag_links(ctx: Context, here: str, tags: Any) -> list[dict[str, str]]:
    table = anchors(ctx)
    return [
        {"text": tag_label(ctx, tag), "href": ctx.linker.url(here, Target(TAGS, table[tag]))} for tag in _tags(tags)
    ]


def page(ctx: Context) -> Page:
    """The tags index: one section per tag, most used first within a stable alphabetical order."""
    tagged: dict[str, list[Any]] = defaultdict(list)
    for record in ctx.catalog.records.values():
        for tag in _tags(record.get("tags")):
            tagged[tag].append(record)
    order = node_order(ctx.catalog)
    table = anchors(ctx)
    # The cloud is the page's table of contents: a second one listing every tag would double the page.
    parts = [front_matter({"search": {"exclude": True}, "hide": ["toc"]}), heading(1, ctx.t("tags")), "\n"]
    names = sorted(tagged, key=lambda tag: (tag_label(ctx, tag).lower(), tag))  # by the words the page shows
    parts.append(ctx.render("tag_cloud.html", tags=[_cloud_item(ctx, tag, len(tagged[tag])) for tag in names]))
    for tag in names:
        records = sorted(tagged[tag], key=lambda r: (r.kind, order.get(r.get("framework"), 0), r.id))
        parts.append("\n" + heading(2, tag_label(ctx, tag), table[tag]) + "\n")
        parts.append(ctx.render("record_list.html", rows=[row(ctx, TAGS, r) for r in records]))
    return Page(TAGS, "".join(parts), in_nav=True)


def _cloud_item(ctx: Context, tag: str, count: int) -> dict[str, Any]:
    return {"text": tag_label(ctx, tag), "href": f"#{anchors(ctx)[tag]}", "count": count}
