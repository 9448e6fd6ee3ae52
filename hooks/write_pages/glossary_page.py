"""The Glossary page: every term A to Z, with its definition, other names,
service and the pages that mention it.

Which pages mention a term is known only once every page has been through
the term linker, so the entry holds a mark that ``fill_mentions`` replaces
when the glossary page is output (MkDocs converts every page before it
outputs any).
"""

from __future__ import annotations

import re
from html import escape as html_escape

from render_markdown import escape_outline

from link_terms import Term
from write_pages.common import GLOSSARY, PageContext, PageSpec

MENTIONED_MARK_RE = re.compile(r"<!-- cramdown:mentioned:([a-z0-9-]+) -->")


def _mentioned_mark(slug: str) -> str:
    return f"<!-- cramdown:mentioned:{slug} -->"


def _sort_key(term: Term) -> str:
    return re.sub(r"^[^a-z0-9]+", "", term.term.casefold())


def write(ctx: PageContext) -> PageSpec | None:
    if not ctx.glossary:
        return None
    letters: dict[str, list[Term]] = {}
    for term in sorted(ctx.glossary.values(), key=_sort_key):
        first = _sort_key(term)[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(term)
    entries = []
    for letter, terms in letters.items():
        for term in terms:
            service = ctx.catalogue.services[term.service] if term.service else None
            entries.append({
                "letter": letter, "slug": term.slug, "term": escape_outline(term.term),
                "definition": escape_outline(term.definition),
                "aliases": [escape_outline(a) for a in term.aliases],
                "service": escape_outline(service.title) if service else "",
                "service_url": ctx.facts.service_pages.get(term.service or "", "") if service else "",
                "mentioned": _mentioned_mark(term.slug),
            })
    alphabet = [{"letter": c, "anchor": f"letter-{c.lower()}", "present": c in letters}
                for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    body = ("---\nhide: [toc]\nsearch: {boost: 0.3}\ncramdown: {kind: glossary}\n---\n\n" +
            ctx.render("partials/cramdown/glossary.html", alphabet=alphabet, letters=list(letters), entries=entries,
                       count=len(ctx.glossary)))
    return PageSpec(GLOSSARY, "Glossary", "glossary", body)


def fill_mentions(output: str, pages_by_term: dict[str, list[tuple[str, str]]]) -> str:
    """The output glossary page with each entry's "Mentioned on" list:
    ``pages_by_term[slug]`` is [(url from the glossary, page title)]."""

    def links(match: re.Match) -> str:
        found = pages_by_term.get(match.group(1), [])
        if not found:
            return "no page yet"
        return ", ".join(f'<a href="{html_escape(url)}">{html_escape(title)}</a>' for url, title in found)

    return MENTIONED_MARK_RE.sub(links, output)
