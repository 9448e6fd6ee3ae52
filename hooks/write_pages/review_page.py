"""The Practice exam review page: every practice-exam note in the order it
was written, each with the services it went to."""

from __future__ import annotations

from render_markdown import escape_outline

from site_paths import relative_uri
from write_pages.common import GENERAL, REVIEW, PageContext, PageSpec, lines_of


def write(ctx: PageContext) -> PageSpec | None:
    if not ctx.routing.items and not ctx.split.exam_markers:
        return None
    uri = REVIEW
    parts = ["# Practice exam review\n"]
    lines = []
    for marker in ctx.split.exam_markers:
        lines += marker.lines
        parts.append(ctx.inline(uri, marker).replace("\n", " ") + "\n{ .cd-lead }\n")
    for index, item in enumerate(ctx.routing.items):
        lines += lines_of(item.nodes)
        routes = ctx.routing.routes[index]
        links = ", ".join(f"[{escape_outline(ctx.catalogue.services[s].title)}]"
                          f"({relative_uri(uri, ctx.facts.service_pages[s])})" for s in routes)
        goes = f"→ {links}" if links else f"→ [General]({relative_uri(uri, GENERAL)})"
        body = ctx.writer(uri, 3).render(item.nodes).rstrip("\n")
        parts.append(f'<div class="cd-exam-item" id="exam-{item.first_line}" markdown>\n\n{body}\n\n'
                     f'{goes}\n{{ .cd-route }}\n\n</div>\n')
    meta = {"search": {"boost": 0.5}, "cramdown": {"kind": "review"}}
    return ctx.page(uri, "Practice exam review", "review", meta, "\n".join(parts), lines)
