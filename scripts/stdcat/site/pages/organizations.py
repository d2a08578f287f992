"""Department pages: one per organization, listing what it leads, joins and implements.

The plan's responsibility notes map to ``lead`` (牵头), ``participants`` (按职责分工负责) and
``implementers`` (各设区市人民政府); documents name their ``issuers``.
"""

from __future__ import annotations

from typing import Any

from stdcat.catalog import Record
from stdcat.site.links import LISTS
from stdcat.site.markdown import front_matter, heading
from stdcat.site.pages.base import Context, Page, node_order, org_names, ref, refs, row

ROLES = ("lead", "participants", "implementers")
ROLE_TITLES = {"lead": "leads", "participants": "joins", "implementers": "implements_tasks"}
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
    return [org.id, org.get("parent"), "<-", *sorted(named), "leads", *sorted(leads)]


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
            rows = [row(ctx, here, r) for r in by_role[role]]
            parts.append(ctx.render("record_table.html", rows=rows, kind="mixed", node=None))
    return Page(here, "".join(parts), edit_path=org.path)
