"""Step 6 of the pipeline: write the site's pages, one module per kind.

Every page the site has is written here, as Markdown with front matter
(``PageSpec``), with the notes lines it must show; HTML fragments come from
Jinja2 templates in ``overrides/partials/cramdown/``. The modules:

- ``home_page``: the home page;
- ``service_page``: a service's page (its layout is described there);
- ``topic_page``: a topic's overview;
- ``review_page``, ``general_page``, ``source_page``: the practice-exam
  review, the General page and each notes file as written;
- ``glossary_page``, ``numbers_page``, ``calculators_page``, ``study_page``:
  the exam's glossary, limits and calculators, and the study deck;
- ``practice_page``, ``coverage_page``: the practice test, and what the
  notes leave out against the exam guide;
- ``common``: the facts and helpers they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from write_pages import (
    calculators_page,
    coverage_page,
    general_page,
    glossary_page,
    home_page,
    numbers_page,
    practice_page,
    review_page,
    service_page,
    source_page,
    study_page,
    topic_page,
)
from write_pages.common import (
    GENERAL,
    REVIEW,
    PageContext,
    PageSpec,
    SiteFacts,
    Urls,
    service_nodes,
    service_uri,
    topic_uri,
)

__all__ = ["PageContext", "PageSpec", "SiteFacts", "Urls", "WrittenSite", "service_nodes", "write_pages"]


@dataclass
class WrittenSite:
    pages: list[PageSpec]
    nav: list
    summary: str
    # Where the notes' headings landed: (notes path, GitHub anchor) -> (page, anchor).
    landed: dict[tuple[str, str], tuple[str, str]]


def _collect_mentions(ctx: PageContext) -> None:
    catalogue = ctx.catalogue
    for service_id, sections in ctx.split.sections.items():
        title = catalogue.services[service_id].title
        for section in sections:
            ctx.collect_mentions(service_uri(service_id), title, section.nodes, service_id)
    for key, group in ctx.split.groups.items():
        for intro in group.intro:
            ctx.collect_mentions(topic_uri(key), group.title, intro.nodes, None)
    for note in ctx.routing.notes:
        for service_id in note.services[:1]:
            ctx.collect_mentions(service_uri(service_id), catalogue.services[service_id].title, note.nodes,
                                 service_id)
    for section in ctx.split.general:
        ctx.collect_mentions(GENERAL, "General", section.nodes, None)


def write_pages(ctx: PageContext) -> WrittenSite:
    _collect_mentions(ctx)
    service_terms: dict[str, list[str]] = {}
    for term in ctx.glossary.values():
        if term.service:
            service_terms.setdefault(term.service, []).extend(term.names)
    pages: list[PageSpec | None] = [home_page.write(ctx)]
    pages += [service_page.write(ctx, s, service_terms.get(s.id, []), ctx.store) for s in ctx.facts.services]
    pages += [topic_page.write(ctx, key) for key in ctx.split.groups]
    pages += [review_page.write(ctx), general_page.write(ctx)]
    pages += [source_page.write(ctx, notes_file) for notes_file in ctx.split.files]
    exam_pages = [glossary_page.write(ctx), calculators_page.write(ctx), numbers_page.write(ctx),
                  study_page.write(ctx), practice_page.write(ctx), coverage_page.write(ctx)]
    written = [page for page in [*pages, *exam_pages] if page is not None]
    nav = _nav(ctx, written, [page for page in exam_pages if page is not None])
    return WrittenSite(written, nav, _summary(ctx, written), ctx.landed)


def _nav(ctx: PageContext, pages: list[PageSpec], exam_pages: list[PageSpec]) -> list:
    nav: list = [{"Home": "index.md"}]
    first_category_of_group = {
        key: ctx.catalogue.services[group.services[0]].category
        for key, group in ctx.split.groups.items() if group.services}
    for category in ctx.catalogue.categories:
        entries: list = [{f"{ctx.split.groups[k].title} (overview)": topic_uri(k)}
                         for k, c in first_category_of_group.items() if c == category]
        entries += [{s.title: ctx.facts.service_pages[s.id]} for s in ctx.facts.services
                    if s.category == category and s.id in ctx.facts.with_notes]
        if entries:
            nav.append({category: entries})
    if any(p.src_uri == REVIEW for p in pages):
        nav.append({"Practice exam review": REVIEW})
    nav += [{page.title: page.src_uri} for page in exam_pages]
    if any(p.src_uri == GENERAL for p in pages):
        nav.append({"General": GENERAL})
    return nav


def _summary(ctx: PageContext, pages: list[PageSpec]) -> str:
    routed = sum(1 for route in ctx.routing.routes if route)
    return (f"{len(ctx.facts.with_notes)} services, {len(pages)} pages, "
            f"{routed} of {len(ctx.routing.items)} exam notes routed, "
            f"{len(ctx.routing.unassigned)} unassigned")
