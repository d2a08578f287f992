"""Department pages: one per organization, listing what it leads, joins and implements.

The plan's responsibility notes map to ``lead`` (牵头), ``participants`` (按职责分工负责) and
``implementers`` (各设区市人民政府); documents name their ``issuers``. Each role's records are
grouped by the framework subsystem they belong to (folded when there are many, so that the page of
a department named in hundreds of records stays short), and the page links the detail table
filtered to the department, where its standards and metrology work can be filtered further.
"""

from __future__ import annotations

from typing import Any

from stdcat.catalog import Record
from stdcat.site.links import LISTS, Target
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import Context, Page, node_order, org_names, ref, refs, row
from stdcat.site.pages.detail import DETAIL

ROLES = ("lead", "participants", "implementers")
ROLE_TITLES = {"lead": "leads", "participants": "joins", "implementers": "implements_tasks"}
FOLD_OVER = 20  # a role with more records than this shows its groups folded
OUTSIDE = ("未归入体系框架", "Outside the framework")
INTRO = (
    "方案涉及的部门和单位。“牵头”指方案写明由其牵头的工作，“参与”指按职责分工负责的工作。",
    "The departments and bodies the plan names. “Leads” is the work the plan assigns them to lead; "
    "“takes part in” is the work they carry out within their remit.",
)


def pages(ctx: Context) -> list[Page]:
    out = [index(ctx)]
    out.extend(org_page(ctx, org) for org in ctx.catalog.by_kind("organization"))
    return out


def roles(ctx: Context, org_id: str) -> dict[str, list[Record]]:
    """The records naming the organization, per role, in framework order."""
    order = _order(ctx)
    out: dict[str, list[Record]] = {}
    for role in ROLES:
        records = {link.source.id: link.source for link in ctx.catalog.referrers(org_id, role)}
        out[role] = sorted(records.values(), key=lambda r: (order.get(r.get("framework"), len(order)), r.kind, r.id))
    return out


def index(ctx: Context) -> Page:
    here = LISTS["organization"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for org in ctx.catalog.by_kind("organization"):
        counts = roles(ctx, org.id)
        item = org_names(ctx, here, [org.id])[0]
        item.update(
            {
                "name": ctx.text(org.get("name")) or ctx.title(org),
                "lead": len(counts["lead"]),
                "participants": len(counts["participants"]),
                "implementers": len(counts["implementers"]),
            }
        )
        groups.setdefault(str(org.get("type") or "other"), []).append(item)
    ordered = [
        {"label": ctx.label("organization_type", key), "orgs": sorted(groups[key], key=lambda o: -o["lead"])}
        for key in ctx.labels.values("organization_type")
        if key in groups
    ]
    zh, en = INTRO
    parts = [
        front_matter({"search": {"exclude": True}}),
        heading(1, "部门" if ctx.lang == "zh" else "Departments"),
        "\n",
        ctx.render("intro.html", text=zh if ctx.lang == "zh" else en),
        ctx.render("org_index.html", groups=ordered),
    ]
    return Page(here, "".join(parts), in_nav=True)


def org_page(ctx: Context, org: Record) -> Page:
    if ctx.memo is None:
        return _make(ctx, org)
    return ctx.memo.page(ctx, f"organization/{org.id}.md", shows(ctx, org), lambda: _make(ctx, org), _order(ctx))


def shows(ctx: Context, org: Record) -> list[Any]:
    """The records an organization's page shows: itself, its parent, the records naming it and their leads."""
    named = {link.source.id: link.source for link in ctx.catalog.referrers(org.id)}
    leads = {lead for record in named.values() for lead in record.get("lead") or []}
    framework = [n.id for n in ctx.catalog.by_kind("framework")]  # the groups' headings
    return [org.id, org.get("parent"), "<-", *sorted(named), "leads", *sorted(leads), "fw", *framework]


def _order(ctx: Context) -> dict[str, int]:
    """Each framework node's place in the order the pages' tables follow, once per build."""
    if "node_order" not in ctx._cache:
        ctx._cache["node_order"] = node_order(ctx.catalog)
    return ctx._cache["node_order"]


def _make(ctx: Context, org: Record) -> Page:
    here = f"organization/{org.id}.md"
    by_role = roles(ctx, org.id)
    children = sorted({link.source.id for link in ctx.catalog.referrers(org.id, "parent")})
    issued = sorted({link.source.id for link in ctx.catalog.referrers(org.id, "issuers")})
    data = {
        "other_title": ctx.other_title(org),
        "short": org.get("short"),
        "name": ctx.text(org.get("name")),
        "other_name": (org.get("name") or {}).get("en" if ctx.lang == "zh" else "zh"),
        "type": ctx.label("organization_type", org.get("type")) if org.get("type") else "",
        "en_verified": org.get("en_verified"),
        "summary": ctx.text(org.get("summary")),
        "parent": ref(ctx, here, org.get("parent")) if isinstance(org.get("parent"), str) else None,
        "children": refs(ctx, here, children),
        "issued": refs(ctx, here, issued),
        "url": org.get("url"),
        "counts": {role: len(by_role[role]) for role in ROLES},
        "edit_url": ctx.edit_url(org.path),
        "detail": ctx.linker.url(here, Target(DETAIL)) + f"?org={org.id}",
        "in_detail": sum(1 for role in ROLES for r in by_role[role] if r.kind in ("standard", "metrology")),
    }
    parts = [
        front_matter({"stdcat": {"record": org.id, "kind": "organization"}}),
        heading(1, ctx.title(org)),
        "\n",
        ctx.render("organization.html", o=data),
    ]
    for role in ROLES:
        if by_role[role]:
            parts.append("\n" + heading(2, f"{ctx.t(ROLE_TITLES[role])} ({len(by_role[role])})", role) + "\n")
            groups = _groups(ctx, here, by_role[role])
            folded = len(by_role[role]) > FOLD_OVER
            # On its own page, the department's name in a lead column would repeat in every row.
            parts.append(ctx.render("org_records.html", groups=groups, folded=folded, role=role))
    return Page(here, "".join(parts), edit_path=org.path)


def _groups(ctx: Context, here: str, records: list[Record]) -> list[dict[str, Any]]:
    """Records (in framework order) grouped by their framework subsystem, in that order."""
    groups: dict[str, dict[str, Any]] = {}
    for record in records:
        node = _subsystem(ctx, record)
        key = node.id if node else ""
        if key not in groups:
            outside = {"text": OUTSIDE[0 if ctx.lang == "zh" else 1], "href": None, "code": None}
            title = ref(ctx, here, node.id) if node else outside
            groups[key] = {"node": title, "rows": []}
        groups[key]["rows"].append(row(ctx, here, record))
    return list(groups.values())


def _subsystem(ctx: Context, record: Record) -> Record | None:
    """The record's subsystem (depth 2 of its framework path), or its system, or None."""
    node = record.get("framework")
    path = ctx.catalog.framework_path(node) if isinstance(node, str) else []
    return path[2] if len(path) > 2 else (path[-1] if path else None)
