"""A service's page: its notes (the section that names it first, sections
that moved here after it), its calculators, its exam traps, the services it
is related to and the other pages that mention it.

Layout, top to bottom: title; the service's category, full name,
description and other names; each section with a link to the lines it came
from; calculators placed at the end; the Exam traps box; related services;
"Mentioned on other pages". Printed, a page ends with the terms it uses
(``terms_used``), since tooltips do not print.
"""

from __future__ import annotations

from render_markdown import escape_outline

from calculators import fence
from notes_model import Format, Kind, Node
from route_exam_notes import RoutedNote
from service_catalogue import Service
from site_paths import relative_uri, slugify
from split_by_service import Section, head_of, head_words
from write_pages.common import HOME, REVIEW, PageContext, PageSpec, section_lines

HEADING_MAX_CHARS = 80


def _outer_level(section: Section) -> int:
    """The heading level the section's content is nested under (0 for outline text)."""
    if section.head is not None and section.head.kind is Kind.HEADING:
        return section.head.level
    levels = [n.level for top in section.nodes for n in top.walk() if n.kind is Kind.HEADING]
    return min(levels) - 1 if levels else 0


def _is_name_only(ctx: PageContext, head: Node) -> bool:
    """Is the head line just a name for the service ("ELB:", "AWS Lambda", "NACL:")?"""
    text = head_of(head_words(head)) if head.fmt is Format.MARKDOWN else head.text.strip().rstrip(":").strip()
    hits = ctx.catalogue.mentions(text, keywords=True)
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text)


def _is_primary(ctx: PageContext, section: Section, service: Service) -> bool:
    """Does the section's head start with the service's own name (not a keyword)?"""
    if section.head is None:
        return True
    hits = ctx.catalogue.mentions(section.head.text)
    return bool(hits) and hits[0].start == 0 and hits[0].payload.service.id == service.id


def section_markdown(ctx: PageContext, uri: str, section: Section, service: Service | None, primary: bool) -> str:
    """One section of a page. The page's main section sits right under the
    title; a section that came from elsewhere gets its own ``##`` heading
    (its head line) so the reader sees where the page changes topic."""
    head = section.head
    parts: list[str] = []
    strip_head = ""
    heading = ""
    if head is not None:
        own_text = ctx.inline(uri, head).replace("\n", " ")
        if not primary and section.nodes and len(head.text) <= HEADING_MAX_CHARS:
            heading = own_text.rstrip().rstrip(":").rstrip()
            if head.anchor:
                heading += f" {{ #{ctx.anchors(uri).take(head)} }}"
        else:
            ctx.anchors(uri).top_of_page(head)
            if service is not None and _is_name_only(ctx, head):
                strip_head = own_text
            else:
                parts.append(own_text + "\n")
    lines = section_lines(section)
    if lines:
        parts.insert(0, ctx.render("partials/cramdown/source-strip.html", head=strip_head,
                                   source=ctx.source_link(uri, lines)) + "\n")
    if heading:
        parts.insert(0, f"## {heading}\n")
    if section.nodes:
        base = 3 if heading else 2
        parts.append(ctx.writer(uri, base, promote_headings=not heading, after=ctx.calculators_after(),
                                heading_shift=base - 1 - _outer_level(section)).render(section.nodes))
    return "\n".join(parts)


def _exam_traps(ctx: PageContext, uri: str, notes: list[RoutedNote]) -> str:
    if not notes:
        return ""
    body = ctx.writer(uri, 3).render([n for note in notes for n in note.nodes])
    indented = "\n".join(("    " + line) if line else "" for line in body.split("\n"))
    review = relative_uri(uri, REVIEW)
    return (f'!!! warning cd-traps "Exam traps"\n\n{indented}\n\n'
            f"    [All practice-exam notes]({review}){{ .cd-more }}\n")


def _related(ctx: PageContext, uri: str, service_id: str) -> str:
    """Services this page names, and services whose pages name it, most often first."""
    owner_of = {page: sid for sid, page in ctx.facts.service_pages.items()}
    counts: dict[str, int] = {}
    for other, mentions in ctx.mentions.items():
        for mention in mentions:
            if mention.page == uri and other != service_id:  # this page names `other`
                counts[other] = counts.get(other, 0) + 1
    for mention in ctx.mentions.get(service_id, []):
        owner = owner_of.get(mention.page)
        if owner and owner != service_id:  # `owner`'s page names this service
            counts[owner] = counts.get(owner, 0) + 1
    if not counts:
        return ""
    ranked = sorted(counts, key=lambda sid: (-counts[sid], ctx.catalogue.services[sid].title.casefold()))
    return ctx.render("partials/cramdown/related-services.html", services=[
        {"title": escape_outline(ctx.catalogue.services[sid].title),
         "url": relative_uri(uri, ctx.facts.service_pages[sid])} for sid in ranked])


def _mentioned_on(ctx: PageContext, uri: str, service_id: str, expanded: bool) -> str:
    mentions = [m for m in ctx.mentions.get(service_id, []) if m.page != uri]
    if not mentions:
        return ""
    return ctx.render("partials/cramdown/mentions.html", expanded=expanded, mentions=[
        {"title": m.page_title, "url": relative_uri(uri, m.page), "snippet": m.snippet, "line": m.line.number}
        for m in mentions])


def write(ctx: PageContext, service: Service, service_terms: list[str], store: str) -> PageSpec:
    uri = ctx.facts.service_pages[service.id]
    sections = ctx.split.sections.get(service.id, [])
    # The section that names the service itself comes first; sections
    # that moved here from elsewhere ("NACL:" under Route 53) follow.
    sections = sorted(sections, key=lambda s: not _is_primary(ctx, s, service))
    # Notes already shown where they were written (a "Quiz" in this
    # service's notes) are not repeated in its Exam traps box.
    notes = [note for note in ctx.routing.for_service(service.id) if note.shown_on != service.id]
    lines = []
    parts = [f"# {escape_outline(service.title)}\n",
             ctx.render("partials/cramdown/service-meta.html", category=escape_outline(service.category),
                        name=escape_outline(service.name), description=escape_outline(service.description),
                        aliases=[escape_outline(a) for a in dict.fromkeys((*service.aliases, *service.spellings))
                                 if a.casefold() != service.title.casefold()],
                        store=store, page=uri,
                        category_url=relative_uri(uri, HOME) + "#" + slugify(service.category)) + "\n"]
    # The practice-exam mistakes are what a student most needs: first.
    exam_nodes = [n for note in notes for n in note.nodes]
    lines += [line for node in exam_nodes for line in node.all_lines()]
    parts.append(_exam_traps(ctx, uri, notes))
    for index, section in enumerate(sections):
        parts.append(section_markdown(ctx, uri, section, service, primary=index == 0))
        lines += section_lines(section)
    parts += [f"\n{fence(name)}\n" for name in ctx.calculator_plan.at_end.get(service.id, [])]
    parts.append(_related(ctx, uri, service.id))
    parts.append(_mentioned_on(ctx, uri, service.id, expanded=not sections and not notes))
    # Search: Material weighs front-matter tags far above everything else
    # and shows them nowhere without its tags plugin, so a service's own
    # names and terms put its page first ("visibility timeout" -> SQS).
    tags = sorted({name for name in (*service.names, *service.keywords, *service_terms)},
                  key=lambda name: (name.casefold(), name))  # a total order: builds must not vary
    meta = {"description": service.description, "search": {"boost": 3}, "tags": tags,
            "cramdown": {"kind": "service", "service": service.id, "category": service.category}}
    return ctx.page(uri, service.title, "service", meta, "\n".join(p for p in parts if p), lines)


def terms_used(render, terms: list) -> str:
    """The printed page's list of the glossary terms it links (tooltips do not print)."""
    return render("partials/cramdown/terms-used.html", terms=terms)
