"""The Study cards page: the deck (made by ``study_cards.py``) as data for
the review loop in ``docs/assets/cramdown-study.js``, with each card's link
back to its service's page."""

from __future__ import annotations

import json
from html import escape as html_escape

from write_pages.common import STUDY, PageContext, PageSpec


def write(ctx: PageContext) -> PageSpec:
    catalogue = ctx.catalogue
    services = {card.service for card in ctx.cards if card.service}
    rows = [{"id": c.id, "kind": c.kind, "service": c.service,
             "serviceTitle": catalogue.services[c.service].title if c.service else "General",
             "category": catalogue.services[c.service].category if c.service else "",
             "front": c.front, "back": c.back, "answer": c.answer, "source": f"{c.path}:{c.line}",
             "changed": c.changed} for c in ctx.cards]
    # In an attribute, HTML-escaped by the template: a script element would
    # be run as JavaScript when instant navigation brings the page in.
    cards_json = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    listed = sorted((catalogue.services[s] for s in services), key=lambda s: s.title.casefold())
    categories = [c for c in catalogue.categories if any(s.category == c for s in listed)]
    urls = {sid: ctx.urls.from_page(STUDY, uri) for sid, uri in ctx.facts.service_pages.items()}
    body = ("---\nhide: [toc]\nsearch: {exclude: true}\ncramdown: {kind: study}\n---\n\n" +
            ctx.render("partials/cramdown/study.html", cards=rows, cards_json=cards_json, total=len(rows),
                       downloads={path.rsplit(".", 1)[1]: path for path in ctx.downloads},
                       own=any(c.kind == "own" for c in ctx.cards), services=listed, categories=categories,
                       store=ctx.store, urls=html_escape(json.dumps(urls, sort_keys=True))))
    return PageSpec(STUDY, "Study cards", "study", body)
