"""The schemas are valid, bilingual, consistent with the model, and every problem code is listed."""

from __future__ import annotations

import ast
import json
import re

import pytest
from jsonschema import Draft202012Validator

from stdcat.catalog import COMMON_REFERENCES, KINDS, REFERENCES
from stdcat.codes import CODES
from stdcat.schema import BASE
from tests.conftest import REPO

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "schema").glob("*.schema.json")}
CJK = re.compile(r"[\u4e00-\u9fff]")


def properties(schema: object, where: str = "") -> list[tuple[str, dict]]:
    """Every property schema, with a readable path."""
    found: list[tuple[str, dict]] = []
    if isinstance(schema, dict):
        for name, prop in schema.get("properties", {}).items():
            found.append((f"{where}.{name}", prop))
        for key, value in schema.items():
            if key == "if":
                continue  # conditions, not fields
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    found += properties(sub, f"{where}.{name}")
            elif isinstance(value, (dict, list)):
                found += properties(value, where)
    elif isinstance(schema, list):
        for item in schema:
            found += properties(item, where)
    return found


def test_one_schema_per_kind_plus_definitions_and_synonyms() -> None:
    assert set(SCHEMAS) == {f"{k}.schema.json" for k in KINDS} | {"defs.schema.json", "synonyms.schema.json"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_2020_12_with_its_id(name: str) -> None:
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == BASE + name


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_is_described_in_chinese_and_english(name: str) -> None:
    defs = SCHEMAS["defs.schema.json"]["$defs"]
    for where, prop in properties(SCHEMAS[name]):
        referenced = defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {})
        description = prop.get("description") or referenced.get("description", "")
        lines = description.split("\n")
        assert len(lines) == 2, f"{name}{where}: description must be 'Chinese\\nEnglish'"
        assert CJK.search(lines[0]), f"{name}{where}: first line must be Chinese"
        assert re.search(r"[A-Za-z]{3,}", lines[1]), f"{name}{where}: second line must be English"


def test_enumerations_are_labelled_in_both_languages() -> None:
    for name, definition in SCHEMAS["defs.schema.json"]["$defs"].items():
        for option in definition.get("oneOf", []):
            zh, _, en = option["title"].partition(" / ")
            assert CJK.search(zh) and en, f"{name}: {option}"


def test_kind_schemas_refuse_unknown_fields() -> None:
    for kind in KINDS:
        assert SCHEMAS[f"{kind}.schema.json"]["additionalProperties"] is False


def test_reference_fields_match_the_model() -> None:
    for kind in KINDS:
        schema = SCHEMAS[f"{kind}.schema.json"]
        refs = {name for name, prop in schema["properties"].items() if prop.get("$ref", "").endswith(("/ref", "/refs"))}
        modelled = set(REFERENCES[kind]) | set(COMMON_REFERENCES) | {"aliases"}
        assert refs <= modelled, f"{kind}: reference fields missing from catalog.REFERENCES: {refs - modelled}"
        assert set(REFERENCES[kind]) <= refs, f"{kind}: REFERENCES names fields the schema does not have"


def used_codes() -> dict[str, str]:
    """Problem codes written as literals in the package, with where."""
    found: dict[str, str] = {}
    for path in (REPO / "scripts" / "stdcat").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = {"Problem": 3, "problem": 2, "positioned": 0, "fail": 1}
            func = node.func if isinstance(node, ast.Call) else None
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in names:
                index = names[name]
                if len(node.args) > index and isinstance(node.args[index], ast.Constant):
                    found[node.args[index].value] = f"{path.name}:{node.lineno}"
    return found


def test_every_problem_code_is_listed_and_every_listed_code_is_used() -> None:
    used = used_codes()
    unlisted = {code: where for code, where in used.items() if code not in CODES}
    assert not unlisted, f"codes missing from stdcat/codes.py: {unlisted}"
    unused = set(CODES) - set(used)
    assert not unused, f"codes listed but never used: {unused}"
