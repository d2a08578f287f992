"""Schemas published at their $id, and the reference page of every kind."""

from __future__ import annotations

import json

import pytest

from stdcat.catalog import KINDS
from stdcat.exports import schema_docs
from stdcat.exports.context import Context
from tests.conftest import REPO
from tests.export_support import context, rich_catalog


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> Context:
    root = rich_catalog(tmp_path_factory.mktemp("catalog"))
    result = context(root)
    return Context.build(result.catalog, root)  # the schemas' own site URL


def test_schemas_are_copied_byte_for_byte_to_their_id(ctx, tmp_path) -> None:
    written = schema_docs.write(ctx, tmp_path)
    assert len(written) == len(KINDS) + 2  # the kinds, the shared definitions, the search synonyms
    for path in written:
        source = REPO / "schema" / path.name
        assert path.read_bytes() == source.read_bytes()
        schema_id = json.loads(source.read_text(encoding="utf-8"))["$id"]
        assert schema_id == ctx.site_url + path.relative_to(tmp_path).as_posix()


def leaf_paths(schema: dict, defs: dict, prefix: str = "") -> set[str]:
    """Every property path of a schema, nested objects and lists of objects included."""
    out = set()
    for name, prop in schema.get("properties", {}).items():
        out.add(prefix + name)
        resolved = schema_docs.resolve(prop, defs)
        if schema_docs.def_name(prop) in schema_docs.NAMED_TYPES:
            continue
        if resolved.get("properties"):
            out |= leaf_paths(resolved, defs, prefix + name + ".")
        items = schema_docs.resolve(resolved.get("items", {}), defs)
        if items.get("properties"):
            out |= leaf_paths(items, defs, prefix + name + "[].")
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_documented_in_both_languages(ctx, kind) -> None:
    doc = schema_docs.reference(ctx, kind)
    defs = ctx.schemas.defs["$defs"]
    assert {f.path for f in doc.fields} == leaf_paths(ctx.schemas.schemas[kind], defs)
    for f in doc.fields:
        assert f.description[0] and f.description[1], (kind, f.path)
        assert f.type[0] and f.type[1], (kind, f.path)
    required = set(ctx.schemas.schemas[kind]["required"])
    assert {f.path for f in doc.fields if f.required and "." not in f.path} == required
    page = schema_docs.markdown(doc)
    for f in doc.fields:
        assert f"| `{f.path}` |" in page


def test_allowed_values_with_labels(ctx) -> None:
    page = schema_docs.markdown(schema_docs.reference(ctx, "standard"))
    assert "| `local` | 地方标准 | Local standard |  |" in page
    assert (
        "| `published` | 60 发布 | 60 Published | 已发布，自实施日期起实施。<br>Published; in force from its effective date. |"
        in page
    )
    assert "[取值之一（见下）](#values-level)" in page and '<a id="values-level"></a>' in page
    assert "| `photovoltaic` | 光伏 | Photovoltaics |" in page  # list items' values too
    assert "| `source.document` | 记录引用（id）<br>reference (an id) | 是<br>yes |" in page


def test_metrology_status_lists_both_kinds_of_status(ctx) -> None:
    doc = schema_docs.reference(ctx, "metrology")
    status = next(v for v in doc.values if v.path == "status")
    values = [v[0] for v in status.values]
    assert "published" in values and "in-progress" in values and values.count("planned") == 1


def test_cells_escape_pipes_and_newlines() -> None:
    assert schema_docs.cell("a|b\nc") == "a\\|b<br>c"
