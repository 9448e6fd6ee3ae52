"""The Practice test page: the questions (made by ``practice_questions.py``)
as data for ``docs/assets/cramdown-practice.js``, which runs a quick test
or a timed mock exam weighted by the exam guide's domains, and keeps each
attempt in the browser beside the card progress."""

from __future__ import annotations

import json

from practice_questions import domain_counts

from write_pages.common import COVERAGE, GLOSSARY, NUMBERS, PRACTICE, PageContext, PageSpec, source_uri

QUICK = 10  # questions in a quick test
DEFAULT_MINUTES_PER_QUESTION = 2  # the mock exam's time when the exam has no guide


def _where(ctx: PageContext, question) -> tuple[str, str]:
    """(link, label) of where a question's answer is explained."""
    between = ctx.urls.from_page
    if question.path:
        return (f"{between(PRACTICE, source_uri(question.path))}#L{question.line}",
                f"{question.path}:{question.line}")
    page, _, anchor = question.anchor.partition("#")
    if page == "glossary":
        return f"{between(PRACTICE, GLOSSARY)}#{anchor}", "Glossary"
    if page == "numbers":
        return f"{between(PRACTICE, NUMBERS)}#{anchor}", "Numbers to remember"
    uri = ctx.facts.service_pages.get(question.service)
    return (between(PRACTICE, uri), "its service page") if uri else ("", "")


def write(ctx: PageContext) -> PageSpec | None:
    if not ctx.questions:
        return None
    catalogue = ctx.catalogue
    guide = ctx.guide
    domains = {d.id: d.title for d in guide.domains} if guide else {}
    rows = []
    for q in ctx.questions:
        url, label = _where(ctx, q)
        service = catalogue.services.get(q.service)
        rows.append({"id": q.id, "kind": q.kind, "service": q.service,
                     "serviceTitle": service.title if service else "General",
                     "domain": guide.domain_of(q.service) if guide else "",  # General: the first domain
                     "stem": q.stem, "options": list(q.options), "explanation": q.explanation, "fact": q.fact,
                     "url": url, "where": label})
    facts = len({q.fact or q.id for q in ctx.questions})  # a test asks each fact once
    length = guide.questions if guide else min(65, facts)
    minutes = guide.minutes if guide else length * DEFAULT_MINUTES_PER_QUESTION
    weights = domain_counts(guide, min(length, facts))
    setup = {"store": ctx.store, "quick": min(QUICK, facts), "mock": min(length, facts),
             "minutes": minutes, "domains": [{"id": d, "title": t} for d, t in domains.items()],
             "weights": weights,
             # The study cards of each service: a wrong answer brings them forward.
             "cards": {sid: ids for sid, ids in ctx.card_ids_by_service().items() if sid}}
    # Domains the notes give too few facts for: the mock exam fills from the others.
    short = []
    for domain_id, share in weights.items():
        have = len({q.fact or q.id for q, row in zip(ctx.questions, rows, strict=True) if row["domain"] == domain_id})
        if have < share:
            short.append({"title": domains[domain_id], "have": have, "share": share})
    # In an attribute, HTML-escaped by the template (a script element would be
    # run as JavaScript when instant navigation brings the page in).
    data = json.dumps({"setup": setup, "questions": rows}, ensure_ascii=False, separators=(",", ":"))
    services = len({q.service for q in ctx.questions if q.service})
    body = ("---\nhide: [toc]\nsearch: {exclude: true}\ncramdown: {kind: practice}\n---\n\n" +
            ctx.render("partials/cramdown/practice.html", data=data, total=len(rows), services=services,
                       quick=setup["quick"], mock=setup["mock"], facts=facts, minutes=minutes,
                       exam=guide.exam if guide else "", full=length, short=short,
                       coverage=ctx.urls.from_page(PRACTICE, COVERAGE) if ctx.has_coverage else ""))
    return PageSpec(PRACTICE, "Practice test", "practice", body)
