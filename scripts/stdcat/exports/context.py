"""What every export reads: the validated catalog, its schemas, and where the site lives.

Exports read this and nothing else: never the YAML files (the Catalog is the one model), and
never the clock (the same catalog must give the same bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from stdcat.catalog import Catalog
from stdcat.exports.labels import Labels
from stdcat.schema import SchemaSet

# XLSX and the Atom feed need a timestamp; a fixed one keeps builds byte-identical.
FIXED_TIME = datetime(2023, 1, 1, tzinfo=UTC)

# Where record pages live under the site root. The site builds its pages at these paths.
RECORD_PAGE = "{kind}/{id}/"
RECORD_JSON = "data/records/{id}.json"


@dataclass(frozen=True)
class Context:
    """The inputs of every export."""

    catalog: Catalog
    schemas: SchemaSet
    root: Path
    site_url: str
    created: datetime = FIXED_TIME
    labels: Labels = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", Labels(self.schemas))

    @classmethod
    def build(cls, catalog: Catalog, root: Path, site_url: str | None = None) -> Context:
        """A context for the repository at ``root``; the site URL defaults to the one the schemas' $id name."""
        schemas = SchemaSet.from_dir(root / "schema")
        return cls(catalog, schemas, root, site_url or site_url_of(schemas))

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    def page(self, kind: str, record_id: str) -> str:
        """The path of a record's page, relative to the site root."""
        return RECORD_PAGE.format(kind=kind, id=record_id)

    def page_url(self, kind: str, record_id: str) -> str:
        return self.site_url + self.page(kind, record_id)


def site_url_of(schemas: SchemaSet) -> str:
    """The site root the schemas are published under: their ``$id`` minus ``schema/<file>``."""
    schema_id = str(schemas.defs["$id"])
    return schema_id.rsplit("schema/", 1)[0]
