"""The schema reference: one page per record kind, from the schemas themselves (``exports.schema_docs``).

The contributing guide links here; every field's type, whether it is required, its description in
both languages and its allowed values come from ``schema/``, so the page cannot drift from what CI
checks.
"""

from __future__ import annotations

from stdcat.exports import schema_docs
from stdcat.exports.context import Context as ExportContext
from stdcat.site.markdown import esc, heading
from stdcat.site.pages.base import Context, Page

INDEX = "reference/schema/index.md"
INTRO = (
    "每类记录的字段、类型、是否必填、说明和允许的取值，由 `schema/` 中的 JSON Schema 生成。",
    "The fields of each kind of record, their types, whether they are required, their descriptions and "
    "allowed values, generated from the JSON Schemas in `schema/`.",
)


def pages(ctx: Context) -> list[Page]:
    if ctx.root is None:
        return []
    export = ExportContext.build(ctx.catalog, ctx.root, ctx.site_url or None)
    kinds = [k for k in ctx.labels.values("kind") if k in export.schemas.schemas]
    out = [
        Page(
            f"reference/schema/{kind}.md",
            schema_docs.markdown(schema_docs.reference(export, kind)),
            edit_path=f"schema/{kind}.schema.json",
        )
        for kind in kinds
    ]
    lines = [
        heading(1, "数据模式" if ctx.lang == "zh" else "Schema reference"),
        "",
        INTRO[0 if ctx.lang == "zh" else 1],
        "",
    ]
    lines += [f"- [{esc(ctx.label('kind', kind))}]({kind}.md) `{kind}`" for kind in kinds]
    out.append(Page(INDEX, "\n".join(lines) + "\n", in_nav=True))
    return out
