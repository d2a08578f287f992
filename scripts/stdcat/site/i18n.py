"""The site's words in Chinese and English: value labels from the schemas, UI strings from here.

Value labels (kinds, levels, statuses, sectors …) are not repeated here: the schemas already give
each allowed value a title ``"中文 / English"`` (``oneOf: [{const, title}]`` in
``schema/defs.schema.json``), and that one source feeds the editor hints, the docs and the site.
"""

from __future__ import annotations

from typing import Any

from stdcat.exports.labels import enum_of

LANGS = ("zh", "en")

# Label groups: the name used by the site → the $defs entries that list the values.
ENUMS = {
    "kind": ("kind",),
    "level": ("level",),
    "status": ("document_status", "work_status"),
    "action": ("action",),
    "metrology_type": ("metrology_type",),
    "task_type": ("task_type",),
    "organization_type": ("organization_type",),
    "comparator": ("comparator",),
    "certainty": ("certainty",),
    "sector": ("sector",),
    "horizon": ("horizon",),
}


class Labels:
    """Labels of enumerated values, read from the schemas' ``oneOf`` titles."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self._labels: dict[str, dict[str, tuple[str, str]]] = {}
        definitions = defs.get("$defs", {})
        for group, names in ENUMS.items():
            table: dict[str, tuple[str, str]] = {}
            for name in names:
                for value, pair in enum_of(definitions.get(name, {})).items():
                    table.setdefault(str(value), pair)
            self._labels[group] = table

    def label(self, group: str, value: Any, lang: str) -> str:
        """The label of ``value`` in ``lang``; the value itself when the schema gives none."""
        pair = self._labels.get(group, {}).get(str(value))
        if pair is None:
            return str(value)
        return pair[0] if lang == "zh" else pair[1]

    def values(self, group: str) -> list[str]:
        """The allowed values of a group, in the schema's order."""
        return list(self._labels.get(group, {}))


STRINGS: dict[str, tuple[str, str]] = {
    # record fields
    "number": ("标准编号", "Number"),
    "plan_number": ("计划号", "Plan number"),
    "kind": ("类型", "Kind"),
    "type": ("类别", "Type"),
    "level": ("层级", "Level"),
    "status": ("状态", "Status"),
    "action": ("工作内容", "Action"),
    "series": ("系列或一批", "Series or group"),
    "scope": ("范围", "Scope"),
    "series_yes": ("一组（系列或一批），不止一项", "A series or batch, not a single item"),
    "horizon": ("目标年份", "Horizon"),
    "sectors": ("行业领域", "Sectors"),
    "ics": ("ICS 分类", "ICS"),
    "ccs": ("CCS 分类", "CCS"),
    "replaces": ("代替", "Replaces"),
    "published": ("发布日期", "Published"),
    "effective": ("实施日期", "Effective"),
    "withdrawn": ("废止日期", "Withdrawn"),
    "url": ("官方网址", "Official page"),
    "framework": ("体系框架", "Framework"),
    "lead": ("牵头单位", "Lead"),
    "participants": ("参与单位", "Participating"),
    "implementers": ("实施单位", "Implementing"),
    "departments": ("责任单位", "Responsible departments"),
    "history": ("状态记录", "Status history"),
    "date": ("日期", "Date"),
    "note": ("说明", "Note"),
    "evidence": ("依据", "Evidence"),
    "evidence_read": ("阅读于", "read"),
    "evidence_supports": ("支持", "supports"),
    "aggregator": ("转载或汇编网页", "not the issuer's own page"),
    "source": ("出处", "Source"),
    "source_paragraph": ("方案原文段落", "Paragraph of the plan"),
    "related": ("相关记录", "Related records"),
    "related_from": ("被以下记录引用", "Referred to by"),
    "tags": ("标签", "Tags"),
    "notes": ("备注", "Notes"),
    "edit": ("在 GitHub 上编辑此记录", "Edit this record on GitHub"),
    "view_yaml": ("查看 YAML 源文件", "View the YAML file"),
    "summary": ("概述", "Summary"),
    "title": ("名称", "Title"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "selector": ("计入哪些记录", "Which records count"),
    "none": ("无", "None"),
    # targets
    "year": ("年份", "Year"),
    "measure": ("指标", "Measure"),
    "required": ("目标值", "Required"),
    "progress": ("进展", "Progress"),
    "delivered": ("已完成", "delivered"),
    "counted": ("计入的记录", "Records counted"),
    "value_lost": ("原文数字缺损", "digit lost in the source"),
    "value_range": ("可能范围", "possible range"),
    "no_number": ("方案未给出数量", "the plan gives no number"),
    "no_selector": ("未设定计入规则", "no selector"),
    "qualitative_note": ("定性目标，不计数", "qualitative, not counted"),
    "qualitative": ("定性目标", "qualitative"),
    # documents and organizations
    "issuers": ("印发单位", "Issuers"),
    "implements": ("贯彻落实", "Implements"),
    "cites": ("引用文件", "Cites"),
    "cited_by": ("被以下文件引用", "Cited by"),
    "short": ("方案中的简称", "Short form in the plan"),
    "full_name": ("全称", "Full name"),
    "parent_org": ("上级单位", "Parent body"),
    "child_orgs": ("下属单位", "Subordinate bodies"),
    "leads": ("牵头", "Leads"),
    "joins": ("参与", "Takes part in"),
    "implements_tasks": ("负责实施", "Implements"),
    "issued": ("印发文件", "Documents issued"),
    "org_in_detail": (
        "在标准明细表中按领域、层级、状态等筛选本单位的 {n} 项标准和计量工作",
        "Filter this department's {n} standards and metrology items by area, level, status and more "
        "in the detail table",
    ),
    "en_unverified": ("英文名称未经官方核实", "English name not officially verified"),
    "records_citing": ("出自本文件的记录", "Records drawn from this document"),
    # framework
    "code": ("体系编号", "Code"),
    "children": ("下级节点", "Subnodes"),
    "records_here": ("本节点的记录", "Records of this node"),
    "records_below": ("含下级节点共", "with subnodes"),
    "node_total": (
        "本节点及其下级节点共有 {n} 项记录（",
        "This node and its subnodes hold {n} records in all (",
    ),
    "count_of_records": (
        "本节点及其下级节点的记录数（各类型合计）",
        "records of this node and its subnodes (all kinds)",
    ),
    "diagram": ("体系结构图", "Framework diagram"),
    "diagram_hint": (
        "点击任一方框打开该节点；鼠标悬停可查看记录数。",
        "Click a box to open that node; hover to see how many records it holds.",
    ),
    "no_records": ("暂无记录。", "No records yet."),
    "diagram_outline": ("文字版体系框架大纲", "The framework as a text outline"),
    "edge_solid": ("实线：所属体系节点、牵头单位", "solid: framework node, lead"),
    "edge_dashed": ("虚线：参与单位", "dashed: participating department"),
    "edge_dotted": ("点线：实施单位", "dotted: implementing department"),
    "edge_arrow": (
        "箭头：记录之间的引用（指向被引用的记录）",
        "arrow: one record names another (it points to the one named)",
    ),
    "neighbourhood": ("关系图", "Connections"),
    "neighbourhood_hint": (
        "本记录（居中）及其所属体系节点、责任单位和相关记录，与上文所列相同；点击方框打开对应页面。",
        "This record (centre), its framework node, departments and related records, as listed above; click a box to "
        "open its page.",
    ),
    "records": ("记录", "records"),
    "count": ("数量", "Count"),
    # the detail table (标准明细表)
    "detail": ("标准明细表", "Detail table"),
    "detail_intro": (
        "全部标准和计量记录列于一表。可按体系领域、类型、层级、状态、责任单位、行业领域和目标年份筛选，"
        "点击表头排序；筛选条件保存在网址中，可收藏或分享。筛选项括号中的数字是其下的标准和计量记录数，"
        "不含任务，因此可能小于体系框架页上（各类型合计）的记录数。",
        "Every standard and metrology record in one table. Filter by framework area, kind, level, status, "
        "responsible department, sector and horizon, and click a column header to sort; the filters are kept "
        "in the address, so a view can be bookmarked or shared. The number after each filter value counts its "
        "standards and metrology records, without tasks, so it may be less than the framework pages' count "
        "(all kinds).",
    ),
    "detail_noscript": (
        "此表需要 JavaScript。也可按类型浏览：",
        "This table needs JavaScript. Browse by kind instead:",
    ),
    "detail_filter": ("关键词", "Text"),
    "detail_placeholder": ("名称、编号或标识", "Title, number or id"),
    "detail_clear": ("清除筛选", "Clear filters"),
    "detail_filters": ("筛选明细表", "Filter the table"),
    "detail_compact": ("紧凑行", "Compact rows"),
    "detail_facets": ("更多筛选", "More filters"),
    "detail_facets_on": ("更多筛选（已选 {n} 项）", "More filters ({n} set)"),
    "detail_depts_more": (" 等 {n} 个单位", " and others, {n} in all"),
    "lead_mark": ("牵头：", "Lead: "),
    "sort_by": ("排序：", "Sort by:"),
    "detail_showing": ("显示 {shown} / {total} 条", "Showing {shown} of {total}"),
    "detail_more": ("显示更多（还有 {rest} 条）", "Show more ({rest} left)"),
    "detail_none": ("没有符合条件的记录。", "No records match."),
    "serial": ("序号", "No."),
    "area": ("体系领域", "Framework area"),
    "all": ("全部", "All"),
    # plan and repairs
    "paragraph": ("段落", "Paragraph"),
    "section": ("章节", "Section"),
    "damaged": ("受损原文", "Damaged text"),
    "repaired": ("修复为", "Repaired as"),
    "certainty": ("可靠程度", "Certainty"),
    "restored": ("补出（原文缺失）", "restored (missing from the source)"),
    "repairs_here": ("处修复", "repairs"),
    "original_zh": ("中文原文", "Chinese original"),
    "translation_en": ("英文译文", "English translation"),
    "all_repairs": ("全部修复", "All repairs"),
    # home and lists
    "by_kind": ("按类型", "By kind"),
    "by_level": ("按层级", "By level"),
    "by_status": ("按状态", "By status"),
    "total": ("合计", "Total"),
    "department": ("单位", "Department"),
    "lead_count": ("牵头", "Leads"),
    "join_count": ("参与", "Takes part"),
    "tag": ("标签", "Tag"),
    # the theme's own controls (overrides/partials/)
    "page_loading": ("正在加载页面", "Loading the page"),
}


def t(key: str, lang: str) -> str:
    """A UI string in ``lang`` (a missing key is a bug, so it raises)."""
    zh, en = STRINGS[key]
    return zh if lang == "zh" else en


def pick(value: Any, lang: str) -> str:
    """The ``lang`` text of a ``{zh, en}`` mapping, falling back to Chinese, then to ''."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("zh") or "")
    return "" if value is None else str(value)


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"
