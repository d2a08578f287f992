"""What every page generator shares: the generated page, the build context, small view helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stdcat.catalog import Catalog, Record
from stdcat.diagram import Drawings
from stdcat.site.i18n import Labels, pick, t
from stdcat.site.links import Linker

if TYPE_CHECKING:
    from stdcat.site.pages.memo import Memo

DOCUMENT_KINDS = ("standard", "metrology")
SVG_MARKER = "<!-- stdcat-svg -->"
WORK_KINDS = ("standard", "metrology", "task")


@dataclass
class Page:
    """One generated page: where it goes, its Markdown, and how the site treats it.

    Attributes:
        src_uri: the page's path as if it were a file under ``docs/``.
        markdown: front matter and body.
        in_nav: listed in the navigation (record pages are not: see the site issue on N² output).
        edit_path: the repository file an "edit" link opens (a record's YAML), if any.
    """

    src_uri: str
    markdown: str
    in_nav: bool = False
    edit_path: str | None = None


@dataclass
class Context:
    """Everything a generator needs, for one language."""

    catalog: Catalog
    lang: str
    linker: Linker
    labels: Labels
    render: Callable[..., str]
    drawings: Drawings
    repo_url: str = ""
    site_url: str = ""
    root: Path | None = None  # the repository root, for pages made from its files (the schemas)
    branch: str = "main"
    folder: str = ""  # this language's folder under the site root ("" for the root, "en/")
    svgs: dict[str, str] = field(default_factory=dict)  # page src_uri → its diagram, see framework.diagram
    memo: Memo | None = None  # pages kept from the last rebuild while serving (see memo.py)
    _cache: dict[str, Any] = field(default_factory=dict)

    def t(self, key: str) -> str:
        return t(key, self.lang)

    def label(self, group: str, value: Any) -> str:
        return self.labels.label(group, value, self.lang)

    def title(self, record: Record) -> str:
        return record.title(self.lang)

    def other_title(self, record: Record) -> str:
        other = "en" if self.lang == "zh" else "zh"
        return pick(record.get("title"), other)

    def text(self, value: Any) -> str:
        return pick(value, self.lang)

    def edit_url(self, path: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{path}" if self.repo_url else None

    def blob_url(self, path: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/blob/{self.branch}/{path}" if self.repo_url else None


def ref(ctx: Context, here: str, record_id: str) -> dict[str, Any]:
    """A link to a record for a template: its title, address and kind (no address if unknown)."""
    record = ctx.catalog.get(record_id)
    if record is None:
        return {"id": record_id, "text": record_id, "href": None, "kind": None, "code": None}
    code = record.get("code") if record.kind == "framework" else record.get("number")
    if code == "0":  # the root's code says nothing to a reader
        code = None
    return {
        "id": record.id,
        "text": ctx.title(record),
        "href": ctx.linker.to(here, record.id),
        "kind": ctx.label("kind", record.kind),
        "code": code if isinstance(code, str) else None,
    }


def refs(ctx: Context, here: str, ids: Any) -> list[dict[str, Any]]:
    return [ref(ctx, here, i) for i in ids or [] if isinstance(i, str)]


def org_names(ctx: Context, here: str, ids: Any) -> list[dict[str, Any]]:
    """Organizations as the plan names them (short form), linked to their pages."""
    out = []
    for item in refs(ctx, here, ids):
        record = ctx.catalog.get(item["id"])
        if record is not None and ctx.lang == "zh" and record.get("short"):
            item["text"] = str(record.get("short"))
        out.append(item)
    return out


def evidence(value: Any) -> list[dict[str, Any]]:
    """The pages cited for facts from outside the plan, as the ``evidence`` macro shows them."""
    return [
        {
            "url": str(item.get("url") or ""),
            "title": str(item.get("title") or ""),
            "states": str(item.get("states") or ""),
            "read": str(item.get("read") or ""),
            "aggregator": item.get("aggregator") is True,
            "supports": [str(s) for s in item.get("supports") or []],
        }
        for item in (value if isinstance(value, list) else [])
        if isinstance(item, dict)
    ]


def status_label(ctx: Context, record: Record) -> str:
    return ctx.label("status", record.get("status")) if record.get("status") else ""


def row(ctx: Context, here: str, record: Record) -> dict[str, Any]:
    """A record as one row of a listing table."""
    item = ref(ctx, here, record.id)
    item.update(
        {
            "other": ctx.other_title(record),
            "level": ctx.label("level", record.get("level")) if record.get("level") else "",
            "type": _type_label(ctx, record),
            "status": status_label(ctx, record),
            "status_code": str(record.get("status") or ""),
            "lead": org_names(ctx, here, record.get("lead")),
            "horizon": record.get("horizon"),
        }
    )
    return item


def _type_label(ctx: Context, record: Record) -> str:
    if record.kind == "metrology" and record.get("type"):
        return ctx.label("metrology_type", record.get("type"))
    if record.kind == "task" and record.get("type"):
        return ctx.label("task_type", record.get("type"))
    return ""


def node_order(catalog: Catalog) -> dict[str, int]:
    """Each framework node's position in a depth-first walk, for sorting records by node."""
    order: dict[str, int] = {}
    for root in catalog.roots():
        for node in catalog.subtree(root.id):
            order.setdefault(node.id, len(order))
    return order
