"""A topic's overview page: the own text of a title that groups several
services ("Containers on AWS"), and a card for each of its services."""

from __future__ import annotations

from render_markdown import escape_outline

from service_catalogue import Service
from site_paths import relative_uri
from write_pages.common import PageContext, PageSpec, note_count, section_lines, topic_uri


def service_card(ctx: PageContext, from_uri: str, service: Service) -> dict:
    """What a service's card on the home or a topic page shows."""
    sections = ctx.split.sections.get(service.id, [])
    notes = sum(note_count(s.nodes) + (1 if s.head else 0) for s in sections)
    return {"title": escape_outline(service.title),
            "url": relative_uri(from_uri, ctx.facts.service_pages[service.id]),
            "description": escape_outline(service.description), "notes": notes,
            "traps": len(ctx.routing.for_service(service.id)),
            "mentions": len(ctx.mentions.get(service.id, []))}


def write(ctx: PageContext, key: str) -> PageSpec:
    group = ctx.split.groups[key]
    uri = topic_uri(key)
    parts = [f"# {escape_outline(group.title)}\n"]
    lines = []
    for intro in group.intro:
        lines += section_lines(intro)
        head = intro.head
        assert head is not None, "a topic's introduction always has its heading (split_by_service)"
        ctx.anchors(uri).top_of_page(head)
        parts.append(ctx.render("partials/cramdown/source-strip.html", head=ctx.inline(uri, head),
                                source=ctx.source_link(uri, section_lines(intro))))
        if intro.nodes:
            parts.append(ctx.writer(uri, 2, promote_headings=True).render(intro.nodes))
    services = [ctx.catalogue.services[s] for s in group.services]
    parts.append(ctx.render("partials/cramdown/service-cards.html", heading="Services in this topic",
                            services=[service_card(ctx, uri, s) for s in services]))
    return ctx.page(uri, group.title, "topic", {"cramdown": {"kind": "topic"}}, "\n\n".join(parts), lines)
