"""The home page: every service with notes, grouped by category, each
category with its study progress, and a link to the practice-exam review."""

from __future__ import annotations

from render_markdown import escape_outline

from site_paths import slugify
from write_pages.common import COVERAGE, HOME, PRACTICE, REVIEW, STUDY, PageContext, PageSpec
from write_pages.topic_page import service_card


def write(ctx: PageContext) -> PageSpec:
    """A card for each service with notes of its own; services with only
    exam notes or mentions are listed on one line under their category."""
    services = [s for s in ctx.facts.services if s.id in ctx.facts.with_notes]
    others = [s for s in ctx.facts.services if s.id not in ctx.facts.with_notes]
    cards = ctx.card_ids_by_service()
    categories = [{"name": c, "anchor": slugify(c),
                   "services": [service_card(ctx, HOME, s) for s in services if s.category == c],
                   "others": [service_card(ctx, HOME, s) for s in others if s.category == c],
                   "pages": [ctx.facts.service_pages[s.id] for s in services if s.category == c],
                   "cards": [i for s in services if s.category == c for i in cards.get(s.id, [])]}
                  for c in ctx.catalogue.categories if any(s.category == c for s in ctx.facts.services)]
    traps = len(ctx.routing.items)
    body = ctx.render("partials/cramdown/home.html", title=escape_outline(ctx.site_title), categories=categories,
                      service_count=len(services), exam_count=traps, store=ctx.store,
                      review_url=REVIEW if traps else "",
                      study_url=ctx.urls.from_page(HOME, STUDY) if ctx.cards else "",
                      all_cards=[card.id for card in ctx.cards],
                      practice_url=PRACTICE if ctx.questions else "",
                      coverage_url=COVERAGE if ctx.has_coverage else "")
    return ctx.page(HOME, "Home", "home", {"hide": ["toc"], "cramdown": {"kind": "home"}}, body, [])
