"""Citations: GB/T 7714-2015 forms for numbered and planned records, BibTeX entries and escaping."""

from __future__ import annotations

import re

import pytest

from stdcat.exports import citation
from stdcat.exports.context import Context
from tests.export_support import context, rich_catalog, write


@pytest.fixture(scope="module")
def ctx(tmp_path_factory) -> Context:
    return context(rich_catalog(tmp_path_factory.mktemp("catalog")))


def cite(ctx: Context, record_id: str, **kwargs: str) -> str:
    return citation.gbt7714(ctx, ctx.catalog.get(record_id), **kwargs)


def test_published_standard_with_a_number_is_S(ctx) -> None:
    # 主要责任者. 题名: 其他题名信息(编号)[S]. 出版地: 出版者, 出版年. — unknown place and publisher said so.
    assert (
        cite(ctx, "pv-jjf")
        == "江西省市场监督管理局. 光伏组件功率测量校准规范: JJF(赣) 001-2024[S]. [出版地不详]: [出版者不详], 2024."
    )
    # No lead and no department: the issuers of the document it comes from are responsible.
    assert cite(ctx, "pv-published") == (
        "江西省市场监督管理局. 光伏电站运维规范: DB36/T 1234-2024[S]. [出版地不详]: [出版者不详], 2024."
    )
    # A page URL changes nothing: the standard itself is cited.
    assert cite(ctx, "pv-jjf", url="https://example.org/x/") == cite(ctx, "pv-jjf")


def test_planned_item_is_Z_as_part_of_the_plan_or_EB_OL_through_its_page(ctx) -> None:
    assert (
        cite(ctx, "pv-modules")
        == "江西省市场监督管理局. 光伏组件检测标准[Z]//江西省市场监督管理局. 测试方案. 2023: 一 · 1."
    )
    assert (
        cite(
            ctx,
            "pv-modules",
            url="https://example.org/catalog/standard/pv-modules/",
            updated="2024-05-01",
            accessed="2025-01-02",
        )
        == "江西省市场监督管理局. 光伏组件检测标准[EB/OL]. (2024-05-01)[2025-01-02]. https://example.org/catalog/standard/pv-modules/."
    )
    assert (
        cite(ctx, "storage-safety", url="https://e.org/p/")
        == "江西省能源局, 江西省市场监督管理局. 电化学储能电站安全规范[EB/OL]. https://e.org/p/."
    )


def test_documents_cite_their_number(ctx) -> None:
    assert cite(ctx, "plan") == "江西省市场监督管理局. 测试方案: 赣测发〔2023〕1号[Z]. 2023."


def test_more_than_three_responsible_are_cut_with_deng(tmp_path) -> None:
    root = rich_catalog(tmp_path)
    for i in range(3):
        write(root, f"catalog/organization/o{i}.yaml", f"id: o{i}\nkind: organization\ntitle:\n  zh: 单位{i}\n  en: Body {i}\n"
              f"short: 单位{i}\nname:\n  zh: 单位{i}\n  en: Body {i}\ntype: other\n")  # fmt: skip
    path = root / "catalog/standard/pv-modules.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("lead:\n  - amr", "lead:\n  - amr\n  - o0\n  - o1\n  - o2"),
        encoding="utf-8",
    )
    assert cite(context(root), "pv-modules").startswith("江西省市场监督管理局, 单位0, 单位1, 等. 光伏组件检测标准[Z]")


def test_a_record_without_a_lead_names_its_departments(tmp_path) -> None:
    root = rich_catalog(tmp_path)
    write(root, "catalog/organization/o0.yaml", "id: o0\nkind: organization\ntitle:\n  zh: 单位0\n  en: Body 0\n"
          "short: 单位0\nname:\n  zh: 单位0\n  en: Body 0\ntype: other\n")  # fmt: skip
    path = root / "catalog/standard/pv-modules.yaml"
    text = path.read_text(encoding="utf-8")
    assert "lead:\n  - amr" in text
    path.write_text(text.replace("lead:\n  - amr", "participants:\n  - o0"), encoding="utf-8")
    assert cite(context(root), "pv-modules").startswith("单位0. 光伏组件检测标准[Z]")
    assert "author = {{单位0}}" in citation.bibtex(context(root), context(root).catalog.get("pv-modules"))


def test_bibtex_standard_and_misc(ctx) -> None:
    assert citation.bibtex(ctx, ctx.catalog.get("pv-jjf")) == (
        "@standard{pv-jjf,\n"
        "  author = {{江西省市场监督管理局}},\n"
        "  title = {光伏组件功率测量校准规范},\n"
        "  number = {JJF(赣) 001-2024},\n"
        "  year = {2024},\n"
        "  date = {2024-05-01},\n"
        "  language = {zh},\n"
        "}\n"
    )
    misc = citation.bibtex(ctx, ctx.catalog.get("storage-safety"), url="https://e.org/a_b%20c/")
    assert misc.startswith("@misc{storage-safety,\n  author = {{江西省能源局} and {江西省市场监督管理局}},\n")
    assert "  howpublished = {测试方案, 一 · 1},\n" in misc
    assert "  note = {20 起草 / 20 Drafting},\n" in misc
    assert "  year = {2023},\n" in misc
    assert "  url = {https://e.org/a_b%20c/},\n" in misc  # not escaped


def test_bibtex_escapes_specials_except_in_url() -> None:
    assert citation.escape("100% & CO_2 #1 $x {y} \\") == "100\\% \\& CO\\_2 \\#1 \\$x \\{y\\} \\textbackslash{}"


def test_bib_file_has_one_balanced_entry_per_record(ctx) -> None:
    text = citation.bib_file(ctx)
    keys = re.findall(r"^@(?:standard|misc)\{([a-z0-9-]+),$", text, flags=re.MULTILINE)
    assert sorted(keys) == sorted(ctx.catalog.records)
    body = re.sub(r"\\[{}]", "", text)
    assert body.count("{") == body.count("}")
    assert "url = {https://example.org/catalog/standard/pv-modules/}" in text
