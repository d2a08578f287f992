"""The framework is one tree: one root, no cycles, codes that extend their parent's code.

Passes: ``system`` (code 0, no parent) → ``standards-system`` (code 1) → ``emission-reduction``
(code 1.2) → ``energy-saving`` (code 1.2.1).
Fails: a second node without a parent (framework-root); ``a.parent: b`` with ``b.parent: a``
(framework-cycle); ``energy-saving`` with code 2.1 under 1.2, or two nodes with code 1.2
(framework-code).
"""

from __future__ import annotations

from collections.abc import Iterator

from stdcat.catalog import Record
from stdcat.problem import Problem
from stdcat.rules.base import Context, problem


def check(ctx: Context) -> Iterator[Problem]:
    nodes = ctx.catalog.by_kind("framework")
    if not nodes:
        return
    yield from _roots(nodes)
    yield from _cycles(ctx, nodes)
    yield from _codes(ctx, nodes)


def _roots(nodes: list[Record]) -> Iterator[Problem]:
    roots = [n for n in nodes if not n.get("parent")]
    for extra in roots[1:]:
        yield problem(
            extra,
            ("id",),
            "framework-root",
            f"'{extra.id}' has no parent, but '{roots[0].id}' is already the root",
            "give it a parent: the framework is one tree",
        )


def _cycles(ctx: Context, nodes: list[Record]) -> Iterator[Problem]:
    reported: set[str] = set()
    for node in nodes:
        trail: list[str] = []
        current: Record | None = node
        while current is not None and current.id not in trail:
            trail.append(current.id)
            parent = current.get("parent")
            current = ctx.catalog.get(parent) if isinstance(parent, str) else None
        if current is None or current.id in reported:
            continue
        cycle = trail[trail.index(current.id) :]
        reported.update(cycle)
        first = ctx.catalog.records[min(cycle)]
        yield problem(
            first,
            ("parent",),
            "framework-cycle",
            "the framework has a cycle: " + " → ".join([*cycle, cycle[0]]),
            "one of these nodes must have another parent",
        )


def _codes(ctx: Context, nodes: list[Record]) -> Iterator[Problem]:
    seen: dict[str, Record] = {}
    for node in nodes:
        code = node.get("code")
        if not isinstance(code, str):
            continue
        if code in seen:
            yield problem(node, ("code",), "framework-code", f"code {code} is also used by '{seen[code].id}'")
        seen.setdefault(code, node)
        parent = ctx.catalog.get(node.get("parent") or "")
        if parent is None or parent.kind != "framework" or not isinstance(parent.get("code"), str):
            continue
        expected = "" if not parent.get("parent") else parent.get("code") + "."
        prefix = code.rsplit(".", 1)[0] + "." if "." in code else ""
        if prefix != expected:
            shape = f"{expected}N" if expected else "a single number"
            yield problem(
                node,
                ("code",),
                "framework-code",
                f"code {code} does not extend its parent's code {parent.get('code')}",
                f"a child of '{parent.id}' has a code of the form {shape}",
            )
