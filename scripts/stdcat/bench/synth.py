"""Synthetic catalogs shaped like the real one, for measuring how costs grow with size.

The whole real catalog is kept (its framework, organizations, targets, terms, documents, plan
text and records); N standard, metrology and task records are added, made from real records used as templates, in the
real proportions, so that field counts, text lengths, the Chinese/English mix, sources and
references follow the real catalog. A share of them moves along the standard stages (with
history, numbers and dates) so that every rule has work to do. Seeded: the same N gives the
same files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from stdcat.catalog import Catalog, Record
from stdcat.check import check

GROWN_KINDS = ("standard", "metrology", "task")
STAGES = [("planned", 70), ("drafting", 8), ("consultation", 5), ("approval", 3), ("published", 12), ("withdrawn", 2)]
WORK = [("planned", 70), ("in-progress", 20), ("completed", 10)]
NUMBERS = {
    "local": "DB36/T {n}-{y}",
    "national": "GB/T {n}-{y}",
    "group": "T/JXAS {n}-{y}",
    "industry": "NB/T {n}-{y}",
    "enterprise": "Q/JX{n} 001-{y}",
    "unspecified": "DB36/T {n}-{y}",
}


def synthesize(source: Path, out: Path, n: int, seed: int = 2025) -> Path:
    """Write the real catalog plus ``n`` grown records under ``out``; return ``out``."""
    catalog = check(source).catalog
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source / "schema", out / "schema")
    for record in catalog.records.values():
        _write(out, record.kind, record.id, record.data)
    rng = random.Random(seed)
    templates = [r for kind in GROWN_KINDS for r in catalog.by_kind(kind)]
    made: list[str] = []
    for i in range(n):
        template = rng.choice(templates)
        data = _grow(template, i, rng, made)
        _write(out, template.kind, data["id"], data)
        made.append(data["id"])
    return out


def _grow(template: Record, i: int, rng: random.Random, made: list[str]) -> dict[str, Any]:
    data = _copy(template.data)
    data["id"] = f"s{i:05d}-{template.id}"[:80].rstrip("-")
    data.pop("aliases", None)  # a record's former ids are its own: a copy would claim them twice
    data["title"] = {"zh": f"{data['title']['zh']}（第{i + 1}部分）", "en": f"{data['title']['en']}, part {i + 1}"}
    data["related"] = rng.sample(made, min(len(made), rng.choice([0, 0, 1, 2, 3]))) if made else []
    if not data["related"]:
        del data["related"]
    if template.kind == "standard" or data.get("type") in ("specification", "verification-regulation"):
        _advance_document(data, i, rng)
    else:
        _advance_work(data, rng)
    return data


def _advance_document(data: dict[str, Any], i: int, rng: random.Random) -> None:
    status = _pick(STAGES, rng)
    if status == "planned":
        return
    year = 2023 + i % 3
    history = [{"status": "drafting", "date": f"{year}-02-01"}]
    if status != "drafting":
        history.append({"status": status if status != "withdrawn" else "published", "date": f"{year}-09-01"})
    if status == "withdrawn":
        history.append({"status": "withdrawn", "date": f"{year + 2}-09-01"})
    data.update(status=status, history=history)
    if status in ("published", "withdrawn", "approval"):
        if data["kind"] == "metrology":
            data.update(level="local", number=f"JJF(赣) {i + 1:03d}-{year}")
        else:
            level = data.get("level", "unspecified")
            data.update(
                level="local" if level == "unspecified" else level, number=NUMBERS[level].format(n=1000 + i, y=year)
            )
    if status in ("published", "withdrawn"):
        data["dates"] = {"published": f"{year}-09-01", "effective": f"{year + 1}-03-01"}
        if status == "withdrawn":
            data["dates"]["withdrawn"] = f"{year + 2}-09-01"


def _advance_work(data: dict[str, Any], rng: random.Random) -> None:
    status = _pick(WORK, rng)
    if status != "planned":
        data.update(status=status, history=[{"status": status, "date": "2024-06"}])


def _pick(weights: list[tuple[str, int]], rng: random.Random) -> str:
    return rng.choices([w[0] for w in weights], weights=[w[1] for w in weights])[0]


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _write(root: Path, kind: str, record_id: str, data: dict[str, Any]) -> None:
    path = root / "catalog" / kind / f"{record_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    modeline = f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
    path.write_text(modeline + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")


def real_catalog(root: Path) -> Catalog:
    return check(root).catalog
