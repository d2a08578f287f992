"""The catalog as one indexed model: records by id and kind, the framework tree, reverse links.

Built once from validated records; the site, diagrams, exports and CLI all read this model
and never the YAML files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from stdcat.load import Loaded, Path_, Position

KINDS = (
    "framework", "standard", "metrology", "task", "target", "organization", "term", "document", "text", "vocabulary",
)  # fmt: skip

# Fields that hold references, per kind, and the kinds they may name (None: any kind).
# A test checks this table against the schemas' ref/refs fields.
REFERENCES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "framework": {"parent": ("framework",)},
    "standard": {
        "framework": ("framework",),
        "lead": ("organization",),
        "participants": ("organization",),
        "implementers": ("organization",),
    },
    "metrology": {
        "framework": ("framework",),
        "lead": ("organization",),
        "participants": ("organization",),
        "implementers": ("organization",),
    },
    "task": {
        "framework": ("framework",),
        "lead": ("organization",),
        "participants": ("organization",),
        "implementers": ("organization",),
    },
    "target": {},
    "organization": {"parent": ("organization",)},
    "term": {},
    "document": {"issuers": ("organization",), "implements": ("document",), "cites": ("document",)},
    "text": {"document": ("document",)},
    "vocabulary": {},
}
COMMON_REFERENCES: dict[str, tuple[str, ...] | None] = {"related": None}


@dataclass
class Record:
    """One record: its authored data and where each value stands in its file."""

    id: str
    kind: str
    data: dict[str, Any]
    loaded: Loaded

    @property
    def path(self) -> str:
        return self.loaded.path

    def get(self, field: str, default: Any = None) -> Any:
        return self.data.get(field, default)

    def title(self, lang: str = "zh") -> str:
        title = self.data.get("title") or {}
        return str(title.get(lang) or title.get("zh") or self.id)

    def where(self, *path: str | int, key: bool = False) -> Position:
        return self.loaded.where(tuple(path), key=key)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a document's text, addressable by its id."""

    id: str
    text: Record
    index: int
    data: dict[str, Any]

    @property
    def zh(self) -> str:
        return str(self.data.get("zh", ""))

    @property
    def section(self) -> str:
        return str(self.data.get("section", ""))


class Link(NamedTuple):
    """A reference from one record's field to another record."""

    source: Record
    field: str
    path: Path_
    target: str


# Reference fields per kind, merged once.
_FIELDS: dict[str, tuple[str, ...]] = {kind: (*COMMON_REFERENCES, *REFERENCES[kind]) for kind in REFERENCES}


def references(record: Record) -> Iterator[Link]:
    """Every reference a record makes, with the path of the value that makes it."""
    data = record.data
    for field in _FIELDS.get(record.kind, ()):
        value = data.get(field)
        if value is None:
            continue
        if isinstance(value, str):
            yield Link(record, field, (field,), value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield Link(record, field, (field, i), item)
    source = data.get("source")
    if isinstance(source, dict) and isinstance(source.get("document"), str):
        yield Link(record, "source.document", ("source", "document"), source["document"])


class Catalog:
    """Records indexed by id and kind, with the framework tree and reverse links."""

    def __init__(self, records: list[Record]) -> None:
        self.records: dict[str, Record] = {}
        for record in records:
            self.records.setdefault(record.id, record)
        self._by_kind: dict[str, list[Record]] = defaultdict(list)
        for record in self.records.values():
            self._by_kind[record.kind].append(record)
        for group in self._by_kind.values():
            group.sort(key=lambda r: r.id)
        self.paragraphs: dict[str, Paragraph] = {}
        for text in self._by_kind["text"]:
            for i, para in enumerate(text.get("paragraphs") or []):
                if isinstance(para, dict) and isinstance(para.get("id"), str):
                    self.paragraphs.setdefault(para["id"], Paragraph(para["id"], text, i, para))
        self._children: dict[str, list[Record]] = defaultdict(list)
        for node in self._by_kind["framework"]:
            parent = node.get("parent")
            if isinstance(parent, str):
                self._children[parent].append(node)
        for group in self._children.values():
            group.sort(key=lambda r: (r.get("order", 0), r.id))
        self.links: list[Link] = [link for record in self.records.values() for link in references(record)]
        self._referrers: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            self._referrers[link.target].append(link)

    def __len__(self) -> int:
        return len(self.records)

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def by_kind(self, kind: str) -> list[Record]:
        return list(self._by_kind.get(kind, []))

    def children(self, node_id: str) -> list[Record]:
        return list(self._children.get(node_id, []))

    def roots(self) -> list[Record]:
        return [n for n in self._by_kind["framework"] if not n.get("parent")]

    def framework_path(self, node_id: str) -> list[Record]:
        """The nodes from the root down to ``node_id`` (stops safely on a cycle)."""
        path: list[Record] = []
        seen: set[str] = set()
        current = self.records.get(node_id)
        while current is not None and current.id not in seen and current.kind == "framework":
            seen.add(current.id)
            path.append(current)
            parent = current.get("parent")
            current = self.records.get(parent) if isinstance(parent, str) else None
        return path[::-1]

    def subtree(self, node_id: str) -> list[Record]:
        """The node and every node below it, depth first in order."""
        out: list[Record] = []
        stack = [self.records[node_id]] if node_id in self.records else []
        seen: set[str] = set()
        while stack:
            node = stack.pop()
            if node.id in seen:
                continue
            seen.add(node.id)
            out.append(node)
            stack.extend(reversed(self.children(node.id)))
        return out

    def referrers(self, record_id: str, field: str | None = None) -> list[Link]:
        """Links from other records to ``record_id``, optionally through one field."""
        links = self._referrers.get(record_id, [])
        return [link for link in links if field is None or link.field == field]

    def records_under(self, node_id: str) -> list[Record]:
        """Non-framework records attached to the node or any node below it."""
        out: list[Record] = []
        for node in self.subtree(node_id):
            out.extend(link.source for link in self.referrers(node.id, "framework"))
        return out
