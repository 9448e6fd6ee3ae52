"""The Coverage page: the notes against the exam guide (measured by
``notes_coverage.py``): services in scope with no notes or thin notes, key
topics a service's notes never name, and glossary terms never mentioned,
each with a link to where to add notes."""

from __future__ import annotations

from notes_coverage import THIN_LINES

from write_pages.common import COVERAGE, GLOSSARY, PageContext, PageSpec, source_uri


def write(ctx: PageContext) -> PageSpec | None:
    guide, coverage = ctx.guide, ctx.coverage
    if not ctx.has_coverage or not guide or not coverage:
        return None
    between = ctx.urls.from_page
    first_file = ctx.split.files[0].path if ctx.split.files else ""
    notes_url = between(COVERAGE, source_uri(first_file)) if first_file else ""

    def place(service: str) -> dict:
        """Where to add notes on a service: its section in the notes, or the notes file."""
        sections = ctx.split.sections.get(service)
        if sections:
            line = sections[0].head.first_line if sections[0].head else sections[0].nodes[0].first_line
            return {"url": f"{between(COVERAGE, source_uri(line.path))}#L{line.number}",
                    "label": f"{line.path}:{line.number}"}
        return {"url": notes_url, "label": first_file}

    def page_of(service: str) -> str:
        uri = ctx.facts.service_pages.get(service)
        return between(COVERAGE, uri) if uri else ""

    rows = []
    for entry in coverage.services:
        rows.append({"name": entry.name, "category": entry.category, "status": entry.status, "lines": entry.lines,
                     "mentions": entry.mentions, "missing": list(entry.missing_topics), "topics": entry.topics,
                     "page": page_of(entry.service) if entry.service else "",
                     "title": ctx.catalogue.services[entry.service].title if entry.service else "",
                     "add": place(entry.service) if entry.service else {"url": notes_url, "label": first_file}})
    with_gaps = [r for r in rows if r["status"] == "covered" and r["missing"]]
    terms = [{"term": t.term, "slug": t.slug,
              "service": ctx.catalogue.services[t.service].title if t.service else "",
              "page": page_of(t.service) if t.service else "",
              "add": place(t.service) if t.service else {"url": notes_url, "label": first_file}}
             for t in coverage.unmentioned_terms]
    body = ("---\nhide: [toc]\nsearch: {boost: 0.3}\ncramdown: {kind: coverage}\n---\n\n" +
            ctx.render("partials/cramdown/coverage.html", guide=guide, rows=rows, thin_lines=THIN_LINES,
                       absent=[r for r in rows if r["status"] == "none"],
                       thin=[r for r in rows if r["status"] == "thin"], gaps=with_gaps, terms=terms,
                       glossary=between(COVERAGE, GLOSSARY)))
    return PageSpec(COVERAGE, "Coverage", "coverage", body)
