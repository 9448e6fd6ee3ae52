"""The General page: text that belongs to no service (a file's title, its
preamble, a table of contents), and practice-exam notes about no service."""

from __future__ import annotations

from write_pages.common import GENERAL, PageContext, PageSpec, lines_of


def write(ctx: PageContext) -> PageSpec | None:
    unassigned = [ctx.routing.items[i] for i in ctx.routing.unassigned]
    if not ctx.split.general and not unassigned:
        return None
    uri = GENERAL
    parts = ["# General\n", "Notes that are not about one particular service.\n"]
    lines = []
    for section in ctx.split.general:
        lines += lines_of(section.nodes)
        parts.append(ctx.render("partials/cramdown/source-strip.html", head="",
                                source=ctx.source_link(uri, lines_of(section.nodes))))
        parts.append(ctx.writer(uri, 2, promote_headings=True, heading_shift=1).render(section.nodes))
    if unassigned:
        parts.append("## Practice-exam notes\n")
        for item in unassigned:
            lines += lines_of(item.nodes)
            parts.append(ctx.writer(uri, 3).render(item.nodes))
    meta = {"search": {"boost": 0.5}, "cramdown": {"kind": "general"}}
    return ctx.page(uri, "General", "general", meta, "\n\n".join(parts), lines)
