"""The home page: every service with notes, grouped by category, each
category with its study progress, and a link to the practice-exam review."""

from __future__ import annotations

from render_markdown import escape_outline

from site_paths import slugify
from write_pages.common import HOME, REVIEW, PageContext, PageSpec
from write_pages.topic_page import service_card


def write(ctx: PageContext) -> PageSpec:
    services = ctx.facts.services
    by_category: dict[str, list[dict]] = {}
    for service in services:
        by_category.setdefault(service.category, []).append(service_card(ctx, HOME, service))
    cards: dict[str, list[str]] = {}
    for card in ctx.cards:
        cards.setdefault(card.service, []).append(card.id)
    categories = [{"name": c, "anchor": slugify(c), "services": by_category[c],
                   "pages": [ctx.facts.service_pages[s.id] for s in services if s.category == c],
                   "cards": [i for s in services if s.category == c for i in cards.get(s.id, [])]}
                  for c in ctx.catalogue.categories if c in by_category]
    traps = len(ctx.routing.items)
    body = ctx.render("partials/cramdown/home.html", title=escape_outline(ctx.site_title), categories=categories,
                      service_count=len(services), exam_count=traps, store=ctx.store,
                      review_url=REVIEW if traps else "")
    return ctx.page(HOME, "Home", "home", {"hide": ["toc"], "cramdown": {"kind": "home"}}, body, [])
