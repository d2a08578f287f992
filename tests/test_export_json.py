"""JSON export: a round trip loses nothing, the authored part re-validates, derived fields are right."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from stdcat.catalog import KINDS
from stdcat.exports import json_data
from tests.export_support import context, rich_catalog, write


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path]:
    root = rich_catalog(tmp_path_factory.mktemp("catalog"))
    out = tmp_path_factory.mktemp("out")
    json_data.write(context(root), out)
    return root, out


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def validators(root: Path) -> dict[str, jsonschema.Draft202012Validator]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "schema").glob("*.schema.json"))]
    registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in docs)
    by_kind = {d["properties"]["kind"]["const"]: d for d in docs if "kind" in d.get("properties", {})}
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return {
        k: jsonschema.Draft202012Validator(s, registry=registry, format_checker=checker) for k, s in by_kind.items()
    }


def test_round_trip_holds_exactly_the_catalog(exported) -> None:
    root, out = exported
    catalog = context(root).catalog
    seen = {}
    for kind in KINDS:
        document = load(out / "data" / f"{kind}.json")
        assert document["kind"] == kind and document["count"] == len(document["records"])
        for record in document["records"]:
            authored = json_data.authored(record)
            # Same fields, same values, same order as written in the YAML file.
            assert list(authored.items()) == list(catalog.get(record["id"]).data.items())
            seen[record["id"]] = kind
    assert seen == {rid: r.kind for rid, r in catalog.records.items()}


def test_authored_part_revalidates_against_the_schemas(exported) -> None:
    root, out = exported
    check = validators(root)
    for kind in KINDS:
        for record in load(out / "data" / f"{kind}.json")["records"]:
            with pytest.raises(jsonschema.ValidationError):  # _derived is kept apart, not a field
                check[kind].validate(record)
            errors = [e.message for e in check[kind].iter_errors(json_data.authored(record))]
            assert errors == [], (record["id"], errors)


def test_one_file_per_record_equal_to_its_entry_in_the_kind_file(exported) -> None:
    root, out = exported
    files = sorted((out / "data" / "records").glob("*.json"))
    assert sorted(f.stem for f in files) == sorted(context(root).catalog.records)
    standards = {r["id"]: r for r in load(out / "data" / "standard.json")["records"]}
    assert load(out / "data" / "records" / "pv-modules.json") == standards["pv-modules"]


def test_index_counts_and_schema_version(exported) -> None:
    root, out = exported
    index = load(out / "data" / "index.json")
    catalog = context(root).catalog
    assert index["count"] == len(catalog) == len(index["records"])
    assert index["kinds"]["standard"]["count"] == 4
    assert index["kinds"]["metrology"] == {
        "count": 2,
        "file": "data/metrology.json",
        "schema": "https://jx-dual-carbon.github.io/catalog/schema/metrology.schema.json",
    }
    assert index["schema_version"] and len(index["schema_sha256"]) == 64
    assert index["records"]["pv-jjf"] == {"kind": "metrology", "file": "data/records/pv-jjf.json"}


def test_derived_fields(exported) -> None:
    _, out = exported
    derived = {r["id"]: r["_derived"] for kind in KINDS for r in load(out / "data" / f"{kind}.json")["records"]}
    assert derived["local-standards"]["progress"] == {
        "records": ["pv-modules", "pv-published", "storage-safety"],
        "delivered": 1,
        "value": 2,
        "known": True,
        "ratio": 0.5,
    }
    lost = derived["lost-digit"]["progress"]
    assert lost["value"] is None and lost["known"] is False and lost["ratio"] is None
    assert [n["code"] for n in derived["pv-modules"]["framework_path"]] == ["0", "1"]
    assert derived["pv-modules"]["labels"]["status"] == {"zh": "方案列出", "en": "Planned"}
    assert derived["storage-safety"]["labels"]["sectors"] == [{"zh": "储能", "en": "Energy storage"}]
    assert derived["amr"]["referenced_by"]["lead"] == ["pv-jjf", "pv-modules", "pv-task", "storage-safety"]
    assert derived["pv"]["children"] == [] and derived["root"]["children"] == ["pv"]
    assert derived["root"]["records_under"] == 6
    assert derived["pv-published"]["delivered"] is True and derived["pv-modules"]["delivered"] is False
    assert derived["pv-modules"]["source_section"] == "一 · 1"
    assert derived["pv-modules"]["page"] == "standard/pv-modules/"
    assert derived["pv-jjf"]["citation"]["gbt7714"].endswith("[S]. [出版地不详]: [出版者不详], 2024.")


def test_a_removed_record_leaves_no_file(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    out = tmp_path / "out"
    json_data.write(context(root), out)
    (root / "catalog" / "standard" / "navel-orange-footprint.yaml").unlink()
    json_data.write(context(root), out)
    assert not (out / "data" / "records" / "navel-orange-footprint.json").exists()
    assert (out / "data" / "records" / "pv-modules.json").exists()


def test_text_is_written_as_utf8_not_escapes(tmp_path) -> None:
    root = rich_catalog(tmp_path / "catalog")
    write(
        root,
        "catalog/term/quote.yaml",
        'id: quote\nkind: term\ntitle:\n  zh: 引号"测试"\n  en: Quote\ndefinition:\n  zh: 定义\n  en: Definition\n',
    )
    json_data.write(context(root), tmp_path / "out")
    text = (tmp_path / "out" / "data" / "records" / "quote.json").read_text(encoding="utf-8")
    assert '"zh": "引号\\"测试\\""' in text and "\\u" not in text
