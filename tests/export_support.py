"""A catalog for the export tests: the minimal fixture plus records that exercise every export."""

from __future__ import annotations

from pathlib import Path

from stdcat.check import check
from stdcat.exports.context import Context
from tests.conftest import make_catalog, write

SITE = "https://example.org/catalog/"

EXTRA = {
    "catalog/organization/nea.yaml": """\
id: nea
kind: organization
title:
  zh: 省能源局
  en: Jiangxi Energy Administration
short: 省能源局
name:
  zh: 江西省能源局
  en: Jiangxi Energy Administration
type: provincial-agency
""",
    "catalog/organization/cities.yaml": """\
id: cities
kind: organization
title:
  zh: 各设区市人民政府
  en: City governments
short: 各设区市人民政府
name:
  zh: 各设区市人民政府
  en: People's governments of the cities
type: government
""",
    "catalog/standard/storage-safety.yaml": """\
id: storage-safety
kind: standard
title:
  zh: 电化学储能电站安全规范
  en: Safety of electrochemical energy storage stations
source:
  document: plan
  paragraph: p-1
  quote: 加快完善光伏标准
notes:
  zh: =1+2 仅作测试
  en: '@risk: a note that looks like a formula'
framework: pv
action: formulate
level: local
status: drafting
history:
  - status: drafting
    date: '2024-02'
lead:
  - nea
  - amr
participants:
  - amr
implementers:
  - cities
horizon: 2025
sectors:
  - energy-storage
""",
    "catalog/standard/navel-orange-footprint.yaml": """\
id: navel-orange-footprint
kind: standard
title:
  zh: 赣南脐橙碳足迹评价规范
  en: Carbon footprint evaluation of Gannan navel oranges
source:
  document: plan
  paragraph: p-1
  quote: 开展光伏组件检测标准研究
framework: root
action: research-formulate
level: group
status: planned
horizon: 2030
sectors:
  - agriculture
  - carbon-accounting
""",
    "catalog/metrology/pv-jjf.yaml": """\
id: pv-jjf
kind: metrology
title:
  zh: 光伏组件功率测量校准规范
  en: Calibration specification for PV module power measurement
source:
  document: plan
  paragraph: p-1
  quote: 开展光伏组件检测标准研究
type: specification
framework: pv
level: local
status: published
history:
  - status: published
    date: '2024-05-01'
number: JJF(赣) 001-2024
dates:
  published: '2024-05-01'
  effective: '2024-08-01'
lead:
  - amr
""",
}


def rich_catalog(root: Path) -> Path:
    """The minimal catalog with the extra records, under ``root``."""
    make_catalog(root)
    for relative, text in EXTRA.items():
        write(root, relative, text)
    return root


def context(root: Path) -> Context:
    result = check(root)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    return Context.build(result.catalog, root, SITE)
