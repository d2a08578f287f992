"""Random mutations of valid records never crash the validator.

Whatever the bytes, `check` returns problems that name a real file at a real line and column,
and the command exits 0 or 1: never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stdcat.check import check
from stdcat.schema import SchemaSet
from tests.conftest import make_catalog, run

FILES = sorted(
    p.relative_to(Path(__file__).parent / "fixtures" / "minimal").as_posix()
    for p in (Path(__file__).parent / "fixtures" / "minimal" / "catalog").rglob("*.yaml")
)
ALPHABET = st.sampled_from(
    [
        *list(":-[]{}&*!|>'\"#%@`,? \t\n"),
        "\x00",
        "\x07",
        "\u2028",
        "碳",
        "。",
        "\ufeff",
        "---",
        "<<",
        "!!python/object:x",
    ]
)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return make_catalog(tmp_path_factory.mktemp("prop"))


@pytest.fixture(scope="module")
def schemas(root) -> SchemaSet:
    return SchemaSet.from_dir(root / "schema")


def assert_sane(root: Path, schemas: SchemaSet, relative: str) -> None:
    result = check(root, schemas=schemas)
    existing = {p.relative_to(root).as_posix() for p in (root / "catalog").rglob("*.yaml")}
    for problem in result.problems:
        assert problem.path in existing
        assert problem.line >= 1 and problem.col >= 1
        assert problem.message
    if not result.ok:
        assert any(p.path == relative for p in result.problems) or result.problems


def mutate_file(root: Path, relative: str, content: bytes, schemas: SchemaSet) -> None:
    path = root / relative
    original = path.read_bytes()
    try:
        path.write_bytes(content)
        assert_sane(root, schemas, relative)
    finally:
        path.write_bytes(original)


@SETTINGS
@given(data=st.data())
def test_text_mutations_never_crash(root, schemas, data) -> None:
    relative = data.draw(st.sampled_from(FILES))
    text = (root / relative).read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(ALPHABET) + text[at + cut :]
    mutate_file(root, relative, text.encode("utf-8"), schemas)


@SETTINGS
@given(data=st.data())
def test_byte_mutations_never_crash(root, schemas, data) -> None:
    relative = data.draw(st.sampled_from(FILES))
    raw = bytearray((root / relative).read_bytes())
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    mutate_file(root, relative, bytes(raw), schemas)


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def paths_of(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths_of(item, (*prefix, i))
    return found


@SETTINGS
@given(data=st.data())
def test_structure_mutations_never_crash(root, schemas, data) -> None:
    relative = data.draw(st.sampled_from(FILES))
    record = yaml.safe_load((root / relative).read_text(encoding="utf-8"))
    target = data.draw(st.sampled_from(paths_of(record)[1:]))
    parent = record
    for step in target[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[target[-1]] = data.draw(VALUES)
    elif action == "delete":
        del parent[target[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(VALUES)
    text = yaml.safe_dump(record, allow_unicode=True)
    mutate_file(root, relative, text.encode("utf-8"), schemas)


def test_a_mutated_catalog_through_the_command_line(tmp_path) -> None:
    root = make_catalog(tmp_path)
    (root / "catalog/standard/pv-modules.yaml").write_bytes(b"id: [\x00\xff\n")
    (root / "catalog/term/carbon-footprint.yaml").write_text(
        "id: carbon-footprint\nkind: term\ntitle: 7\n", encoding="utf-8"
    )
    code, out, err = run(root, "validate")
    assert code == 1
    assert "Traceback" not in out + err
    assert "catalog/standard/pv-modules.yaml:1:7: error[not-utf8]" in out
    assert "catalog/term/carbon-footprint.yaml:3:8: error[type]" in out
