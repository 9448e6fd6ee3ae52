"""Step 7 of the pipeline (as each page is converted): link glossary terms and services in every page's text.

The glossary (``glossary.yml`` in the exam folder) and the service names share one
``TermMatcher``, so a page's text is scanned once whatever the number of
names, and the longest name wins ("SSE-KMS" before "KMS", "Kinesis Data
Firehose" before "Kinesis"). The first mention of a term on a page links to
its glossary entry with the definition as its tooltip; the first mention of
another service links to that service's page with its description. Nothing
inside code, headings, links, URLs or widgets is touched.

A term that belongs to a service ("Provisioned" to DynamoDB, "Versioning" to
S3) has that meaning only in that service's context: it links on the
service's own page, under a heading that names the service, or in a block
(paragraph, list item, table cell) that names it. Elsewhere ("provisioned concurrency" on the Lambda page)
it is another word, and is neither linked nor counted as used.

This is a Python-Markdown tree processor: it runs after inline Markdown and
before MkDocs checks and rewrites links, so the links it adds are checked
like hand-written ones (a missing anchor fails a strict build).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from notes_model import NotesError
from service_catalogue import Catalogue, Service
from site_paths import relative_uri, slugify
from term_matcher import TermMatcher
from yaml_data import LineDict, load_yaml, require_keys

TERM_REQUIRED = {"term", "definition"}
TERM_OPTIONAL = {"aliases", "service", "kind"}
SKIP_TAGS = {"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "button", "label",
             "select", "option", "textarea", "kbd", "input", "output"}
SKIP_CLASSES = {"cd-calc", "cd-source", "cd-mentions", "cd-service-meta", "cd-cards", "cd-route", "cd-chip",
                "cd-changed", "cd-terms-used", "cd-glossary-meta", "admonition-title", "headerlink"}
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "blockquote", "summary", "figcaption", "div"}  # a term's context
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b\S+@\S+\.\w+")
ESCAPED_CHAR_RE = re.compile("\x02(\\d+)\x03")  # Python-Markdown's backslash-escape placeholder


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    service: str | None = None
    kind: str = ""  # what sort of thing it is ("deployment strategy"): practice questions mix only one kind

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Link:
    """What a name links to: a glossary term or a service page."""

    term: Term | None = None
    service: Service | None = None


def is_term(link: Link) -> bool:
    return link.term is not None


@dataclass
class PageUse:
    """Which terms and services one page mentions, in order of first mention."""

    terms: dict[str, Term] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)


def load_glossary(path: Path, display: str, catalogue: Catalogue) -> dict[str, Term]:
    data = load_yaml(path, display)
    require_keys(data, display, "the glossary", {"terms"}, set())
    if not isinstance(data["terms"], list):
        raise NotesError(display, data.line_of("terms"), "terms must be a list", "- term: ...\n  definition: ...")
    terms: dict[str, Term] = {}
    seen: dict[str, tuple[str, int]] = {}  # folded name -> (term, line)
    for raw in data["terms"]:
        line = getattr(raw, "line", data.line_of("terms"))
        if isinstance(raw, LineDict) and "definition" in raw and not str(raw["definition"] or "").strip():
            raise NotesError(display, raw.line_of("definition"), f"term {str(raw.get('term'))!r} has an empty "
                             "definition", "write one or two sentences")
        require_keys(raw, display, "a glossary entry", TERM_REQUIRED, TERM_OPTIONAL, line=line)
        name = str(raw["term"]).strip()
        definition = str(raw["definition"]).strip()
        aliases = raw.get("aliases") or []
        if not isinstance(aliases, list):
            raise NotesError(display, raw.line_of("aliases"), f"term {name!r}: aliases must be a list")
        service = raw.get("service")
        if service is not None and service not in catalogue.services:
            raise NotesError(display, raw.line_of("service"), f"term {name!r} names unknown service {service!r}",
                             "use a service id from services.yml, or leave it out")
        for alias in [name, *map(str, aliases)]:
            folded = alias.casefold()
            if folded in seen:
                other, other_line = seen[folded]
                what = "term" if alias == name else "alias"
                raise NotesError(display, line, f"duplicate {what} {alias!r} in term {name!r}",
                                 f"already used by {other!r} on line {other_line}")
            seen[folded] = (name, line)
        slug = slugify(name, fallback="term")
        if slug in terms:
            raise NotesError(display, line, f"term {name!r} has the same anchor as {terms[slug].term!r}",
                             "make the names differ in letters or digits")
        kind = raw.get("kind") or ""
        if not isinstance(kind, str):
            raise NotesError(display, raw.line_of("kind"), f"term {name!r}: kind must be a few words of text",
                             "for example: kind: deployment strategy")
        terms[slug] = Term(slug, name, definition, tuple(map(str, aliases)), service, kind.strip().casefold())
    return terms


def build_matcher(glossary: dict[str, Term], catalogue: Catalogue) -> TermMatcher[Link]:
    """One matcher for every term and service name. Where a glossary term and
    a service name are the same words, the glossary entry wins."""
    entries: list[tuple[str, Link]] = []
    taken: set[str] = set()
    for term in glossary.values():
        for name in term.names:
            entries.append((name, Link(term=term)))
            taken.add(name.casefold())
    for service in catalogue.services.values():
        for variant in catalogue.name_variants(service):
            if variant.casefold() not in taken:
                entries.append((variant, Link(service=service)))
    return TermMatcher(entries)


def _unescape(text: str) -> str:
    return ESCAPED_CHAR_RE.sub(lambda m: chr(int(m.group(1))), text)


class TermLinker:
    """Adds links to one page's element tree. ``url(target_uri)`` turns a
    source path ("glossary.md", "services/sqs.md") into the link to use from
    the current page."""

    def __init__(self, matcher: TermMatcher[Link], glossary_uri: str, service_uri,
                 services_named: Callable[[str], set[str]]) -> None:
        self.matcher = matcher
        self.glossary_uri = glossary_uri
        self.service_uri = service_uri  # service id -> src uri, or None if it has no page
        self.services_named = services_named  # text -> ids of the services it names

    def link(self, root: etree.Element, page_uri: str, own_service: str | None) -> PageUse:
        self._page_uri = page_uri
        self._own = own_service
        self._use = PageUse()
        self._linked: set[str] = set()
        self._block_services: dict[int, set[str]] = {}
        self._heading_services: set[str] = set()  # services the last heading above names
        self._walk(root, None)
        return self._use

    # -- tree walk -------------------------------------------------------

    @staticmethod
    def _skip(element: etree.Element) -> bool:
        if element.tag in SKIP_TAGS:
            return True
        if not element.attrib:
            return False
        classes = element.get("class")
        return bool(classes and not SKIP_CLASSES.isdisjoint(classes.split())) or "data-search-exclude" in element.attrib

    def _walk(self, element: etree.Element, block: etree.Element | None) -> None:
        if element.tag in BLOCK_TAGS:
            block = element
        if element.text and not isinstance(element.text, AtomicString):
            new = self._split(element.text, block)
            if new is not None:
                element.text, pieces = new
                for index, piece in enumerate(pieces):
                    element.insert(index, piece)
        index = 0
        while index < len(element):
            child = element[index]
            if child.tag in HEADING_TAGS:
                heading = _unescape("".join(child.itertext()))
                self._heading_services = self.services_named(heading)
                self._mark_heading_terms(child, heading)
            if not self._skip(child):
                self._walk(child, block)
            inserted = 0
            if child.tail and not isinstance(child.tail, AtomicString):
                new = self._split(child.tail, block)
                if new is not None:
                    child.tail, pieces = new
                    for offset, piece in enumerate(pieces, 1):
                        element.insert(index + offset, piece)
                    inserted = len(pieces)
            index += 1 + inserted

    def _mark_heading_terms(self, heading: etree.Element, text: str) -> None:
        """A heading is never linked, but it names the glossary terms it holds
        in ``data-cd-terms`` ("Lambda@Edge" on "Lambda at the Edge"), so a
        search for a term can land on it (cramdown-page.js)."""
        names = dict.fromkeys(hit.payload.term.term for hit in self.matcher.finditer(text)
                              if hit.payload.term is not None)
        if names:
            heading.set("data-cd-terms", "|".join(names))

    def _services_in(self, block: etree.Element | None) -> set[str]:
        """The services a block names, found once per block."""
        if block is None:
            return set()
        key = id(block)
        if key not in self._block_services:
            self._block_services[key] = self.services_named(_unescape("".join(block.itertext())))
        return self._block_services[key]

    def _split(self, text: str, block: etree.Element | None = None):
        """(leading text, [link elements with tails]) or None if nothing to link."""
        if "\x02" in text:
            text = _unescape(text)
        urls = [m.span() for m in URL_RE.finditer(text)] if ("/" in text or "@" in text or "www." in text) else ()
        pieces: list[etree.Element] = []
        lead = text
        cursor = 0
        last: etree.Element | None = None
        for match in self.matcher.finditer(text):
            if any(start < match.end and match.start < end for start, end in urls):
                continue
            target = self._target(match.payload, block)
            if target is None:
                continue
            anchor = etree.Element("a", target)
            anchor.text = match.text
            if last is None:
                lead = text[cursor:match.start]
            else:
                last.tail = text[cursor:match.start]
            pieces.append(anchor)
            last = anchor
            cursor = match.end
        if last is None:
            return None
        last.tail = text[cursor:]
        return lead, pieces

    def _target(self, link: Link, block: etree.Element | None = None) -> dict | None:
        """The link's attributes, or None if this mention is not linked."""
        if link.term is not None:
            term = link.term
            if term.service and term.service != self._own and term.service not in self._heading_services \
                    and term.service not in self._services_in(block):
                return None  # another meaning of the word, outside its service's context
            self._use.terms.setdefault(term.slug, term)
            key = "term:" + term.slug
            if key in self._linked:
                return None
            self._linked.add(key)
            return {"href": relative_uri(self._page_uri, self.glossary_uri) + "#" + term.slug,
                    "title": f"{term.term}: {term.definition}", "class": "cd-term"}
        service = link.service
        if service is None or service.id == self._own:
            return None
        self._use.services.setdefault(service.id, service)
        target = self.service_uri(service.id)
        key = "service:" + service.id
        if target is None or key in self._linked:
            return None
        self._linked.add(key)
        return {"href": relative_uri(self._page_uri, target), "title": f"{service.title}: {service.description}",
                "class": "cd-service-link"}


class _LinkTermsProcessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: LinkTermsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.current_page()
        if page is None:
            return
        uri, own_service = page
        use = self.extension.linker.link(root, uri, own_service)
        self.extension.on_page_use(uri, use)


class LinkTermsExtension(Extension):
    """Registers the linker. ``current_page()`` returns (src uri, own service id)
    of the page being converted, or None to leave a page alone;
    ``on_page_use(uri, use)`` receives what the page mentioned."""

    def __init__(self, linker: TermLinker, current_page, on_page_use) -> None:
        super().__init__()
        self.linker = linker
        self.current_page = current_page
        self.on_page_use = on_page_use

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After inline Markdown (20); before toc (5) and MkDocs' link checks (0), like abbr (7).
        md.treeprocessors.register(_LinkTermsProcessor(md, self), "cramdown_link_terms", 7)
