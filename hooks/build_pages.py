"""Step 4 of the pipeline: lay the split and routed notes out as pages.

Input: the split notes, the exam routing and the catalogue. Output: a
``SitePlan``: virtual Markdown pages (with the source lines each one must
show), the navigation, and the numbers for the build summary. HTML fragments
come from Jinja2 templates through the ``render`` callback, so this module
needs no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from notes_model import Kind, Node, SourceLine
from render_markdown import MarkdownWriter, PageAnchors, escape_outline, inline
from rewrite_links import SCHEME_RE, raw_html_url, stamp
from render_widgets import LineKey, WidgetPlan, key_of
from route_exam_notes import ExamRouting, RoutedNote
from service_catalogue import Catalogue, Service
from site_paths import relative_uri, slugify
from split_by_service import Section, SplitNotes

Render = Callable[..., str]
HOME = "index.md"
REVIEW = "practice-exam.md"
GENERAL = "general.md"
URL_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_-]+")
MENTION_SNIPPET_CHARS = 140
HEADING_MAX_CHARS = 80


@dataclass
class PageSpec:
    src_uri: str
    title: str
    kind: str  # home | service | topic | review | general | source
    markdown: str
    lines: list[SourceLine] = field(default_factory=list)  # notes lines this page must show
    edit_path: str | None = None  # the notes file it mostly came from


@dataclass
class SitePlan:
    pages: list[PageSpec]
    nav: list
    summary: str
    # Where the notes' headings landed: (notes path, GitHub anchor) -> (page, anchor).
    landed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


@dataclass
class Mention:
    page: str  # src_uri of the page that mentions
    page_title: str
    line: SourceLine
    snippet: str  # Markdown-escaped


def service_uri(service_id: str) -> str:
    return f"services/{service_id}.md"


def topic_uri(key: str) -> str:
    return f"topics/{key}.md"


def source_uri(path: str) -> str:
    """The notes-source page of a notes file: a name safe in a URL, whatever the
    file is called ("#Cloudwatch_CloudTrail_Config.md", "Service Bus.md")."""
    name = URL_UNSAFE_RE.sub("-", path.split("/", 1)[-1]).strip("-") or "notes"
    return f"notes-source/{name}.md"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True) + "---\n\n"


def _line_ranges(lines: list[SourceLine]) -> str:
    numbers = sorted({line.number for line in lines})
    ranges: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(ranges)


def _lines_of(nodes: list[Node]) -> list[SourceLine]:
    return [line for node in nodes for line in node.all_lines()]


def _section_lines(section: Section) -> list[SourceLine]:
    """A section's lines: its head line itself (not the head's original
    children, some of which went to other sections) and its content."""
    return (list(section.head.lines) if section.head else []) + _lines_of(section.nodes)


def _outer_level(section: Section) -> int:
    """The heading level the section's content is nested under (0 for outline text)."""
    if section.head is not None and section.head.kind is Kind.HEADING:
        return section.head.level
    levels = [n.level for top in section.nodes for n in top.walk() if n.kind is Kind.HEADING]
    return min(levels) - 1 if levels else 0


def _note_count(nodes: list[Node]) -> int:
    return sum(1 for top in nodes for n in top.walk() if n.kind is not Kind.HEADING)


def service_mentions(split: SplitNotes, catalogue: Catalogue) -> dict[LineKey, list[str]]:
    """The services each block of the notes names (code aside), keyed by the
    block's first line: one scan, shared by page planning and the "Mentioned
    on" lists."""
    found: dict[LineKey, list[str]] = {}
    for notes_file in split.files:
        for top in notes_file.nodes:
            for node in top.walk():
                if node.kind is not Kind.CODE:
                    ids = [h.payload.service.id for h in catalogue.mentions(node.text)]
                    if ids:
                        found[key_of(node)] = list(dict.fromkeys(ids))
    return found


def services_with_pages(split: SplitNotes, routing: ExamRouting, catalogue: Catalogue,
                        mentions: dict[LineKey, list[str]]) -> list[Service]:
    """Every service with notes, exam notes or a mention (``mentions``, from
    ``service_mentions``) gets a page, in the order the notes first bring it up."""
    order: list[str] = list(split.sections)
    for note in routing.notes:
        order += note.services
    for ids in mentions.values():
        order += ids
    return [catalogue.services[i] for i in dict.fromkeys(order)]


class _Builder:
    def __init__(self, split: SplitNotes, routing: ExamRouting, catalogue: Catalogue, render: Render,
                 site_title: str, widgets: WidgetPlan, extra_pages: list[PageSpec],
                 service_terms: dict[str, list[str]], study: dict, services: list[Service] | None,
                 node_services: dict[LineKey, list[str]] | None = None, assets: dict[str, str] | None = None) -> None:
        self.split = split
        self.assets = assets or {}
        self.services = services
        self.study = study  # {"store": localStorage key, "cards": {service id: [card ids]}}
        self.service_terms = service_terms
        self.widgets = widgets
        self.extra_pages = extra_pages
        self.routing = routing
        self.catalogue = catalogue
        self.render = render
        self.site_title = site_title
        self.pages: list[PageSpec] = []
        self.service_pages: dict[str, str] = {}
        self.mentions: dict[str, list[Mention]] = {}
        self._suffix_by_root: dict[str, dict] = {}
        self.landed: dict[tuple[str, str], tuple[str, str]] = {}
        self._page_anchors: dict[str, PageAnchors] = {}
        self._files = {f.path: f for f in split.files}
        self.node_services = node_services if node_services is not None else service_mentions(split, catalogue)

    # -- mentions ----------------------------------------------------------

    def _collect_mentions(self, page: str, title: str, nodes: list[Node], owner: str | None) -> None:
        for top in nodes:
            for node in top.walk():
                if node.kind is Kind.CODE:
                    continue
                for service_id in self.node_services.get(key_of(node), ()):
                    if service_id == owner:
                        continue
                    text = node.text.replace("\n", " ")
                    if len(text) > MENTION_SNIPPET_CHARS:
                        text = text[:MENTION_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
                    self.mentions.setdefault(service_id, []).append(
                        Mention(page, title, node.first_line, escape_outline(text)))

    # -- pieces ------------------------------------------------------------

    def _writer(self, uri: str, heading_base: int, **options) -> MarkdownWriter:
        """A writer for page ``uri``, with the widgets' inline additions
        pointed at the right relative root."""
        root = "../" * uri.count("/")
        suffix = self._suffix_by_root.get(root)
        if suffix is None:
            suffix = {key: text.replace("{root}", root) for key, text in self.widgets.suffix.items()}
            self._suffix_by_root[root] = suffix
        return MarkdownWriter(heading_base, suffix=suffix, anchors=self._anchors(uri), raw_urls=self._raw_urls(uri),
                              **options)

    def _raw_urls(self, uri: str):
        return lambda path, url, image: raw_html_url(self.assets, path, url, image)

    def _inline(self, uri: str, node: Node) -> str:
        return inline(node, self._raw_urls(uri))

    def _anchors(self, uri: str) -> PageAnchors:
        if uri not in self._page_anchors:
            self._page_anchors[uri] = PageAnchors(uri, self.landed)
        return self._page_anchors[uri]

    def _source_link(self, from_uri: str, lines: list[SourceLine]) -> dict:
        path = lines[0].path
        same_file = [line for line in lines if line.path == path]
        first = min(line.number for line in same_file)
        return {
            "path": path,
            "ranges": _line_ranges(same_file),
            "url": f"{relative_uri(from_uri, source_uri(path))}#L{first}",
        }

    def _section_markdown(self, uri: str, section: Section, service: Service | None, primary: bool) -> str:
        """One section of a page. The page's main section sits right under the
        title; a section that came from elsewhere gets its own ``##`` heading
        (its head line) so the reader sees where the page changes topic."""
        head = section.head
        parts: list[str] = []
        strip_head = ""
        heading = ""
        if head is not None:
            own_text = self._inline(uri, head).replace("\n", " ")
            if not primary and section.nodes and len(head.text) <= HEADING_MAX_CHARS:
                heading = own_text.rstrip().rstrip(":").rstrip()
                if head.anchor:
                    heading += f" {{ #{self._anchors(uri).take(head)} }}"
            else:
                self._anchors(uri).top_of_page(head)
                if self._is_name_only(head, service):
                    strip_head = own_text
                else:
                    parts.append(own_text + "\n")
        lines = _section_lines(section)
        if lines:
            parts.insert(0, self.render("partials/cramdown/source-strip.html", head=strip_head,
                                        source=self._source_link(uri, lines)) + "\n")
        if heading:
            parts.insert(0, f"## {heading}\n")
        if section.nodes:
            base = 3 if heading else 2
            parts.append(self._writer(uri, base, promote_headings=not heading, after=self.widgets.after,
                                        heading_shift=base - 1 - _outer_level(section)).render(section.nodes))
        return "\n".join(parts)

    def _is_name_only(self, head: Node, service: Service | None) -> bool:
        """Is the head line just a name for the service ("ELB:", "AWS Lambda", "NACL:")?"""
        if service is None:
            return False
        text = head.text.strip().rstrip(":").strip()
        hits = self.catalogue.mentions(text, keywords=True)
        return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text)

    def _is_primary(self, section: Section, service: Service) -> bool:
        """Does the section's head start with the service's own name (not a keyword)?"""
        if section.head is None:
            return True
        hits = self.catalogue.mentions(section.head.text)
        return bool(hits) and hits[0].start == 0 and hits[0].payload.service.id == service.id

    def _exam_traps(self, uri: str, notes: list[RoutedNote]) -> str:
        if not notes:
            return ""
        body = self._writer(uri, 3).render([n for note in notes for n in note.nodes])
        indented = "\n".join(("    " + line) if line else "" for line in body.split("\n"))
        review = relative_uri(uri, REVIEW)
        return (f'!!! warning "Exam traps"\n\n{indented}\n\n'
                f"    [All practice-exam notes]({review}){{ .cd-more }}\n")

    def _related_block(self, uri: str, service_id: str) -> str:
        """Services this page names, and services whose pages name it, most often first."""
        owner_of = {page: sid for sid, page in self.service_pages.items()}
        counts: dict[str, int] = {}
        for other, mentions in self.mentions.items():
            for mention in mentions:
                if mention.page == uri and other != service_id:  # this page names `other`
                    counts[other] = counts.get(other, 0) + 1
        for mention in self.mentions.get(service_id, []):
            other = owner_of.get(mention.page)
            if other and other != service_id:  # `other`'s page names this service
                counts[other] = counts.get(other, 0) + 1
        if not counts:
            return ""
        ranked = sorted(counts, key=lambda sid: (-counts[sid], self.catalogue.services[sid].title.casefold()))
        return self.render("partials/cramdown/related-services.html", services=[
            {"title": escape_outline(self.catalogue.services[sid].title),
             "url": relative_uri(uri, self.service_pages[sid])} for sid in ranked])

    def _mentions_block(self, uri: str, service_id: str, expanded: bool) -> str:
        mentions = [m for m in self.mentions.get(service_id, []) if m.page != uri]
        if not mentions:
            return ""
        return self.render("partials/cramdown/mentions.html", expanded=expanded, mentions=[
            {"title": m.page_title, "url": relative_uri(uri, m.page), "snippet": m.snippet, "line": m.line.number}
            for m in mentions])

    # -- pages -------------------------------------------------------------

    def _page(self, uri: str, title: str, kind: str, meta: dict, body: str, lines: list[SourceLine]) -> None:
        edit_path = lines[0].path if lines else None
        self.pages.append(PageSpec(uri, title, kind, _front_matter({"title": title, **meta}) + body +
                                   self._references(lines), lines, edit_path))

    def _references(self, lines: list[SourceLine]) -> str:
        """The link reference definitions of the Markdown files a page shows,
        so ``[the docs][sqs-docs]`` still finds its address."""
        definitions: dict[str, str] = {}
        for path in dict.fromkeys(line.path for line in lines):
            notes_file = self._files.get(path)
            for label, target in (notes_file.references.items() if notes_file else ()):
                title = f' "{target.title}"' if target.title and '"' not in target.title else ""
                href = target.href if SCHEME_RE.match(target.href) or target.href.startswith("//") \
                    else stamp(path) + target.href
                definitions.setdefault(label.casefold(), f"[{label}]: <{href}>{title}")
        return "\n\n" + "\n".join(definitions.values()) + "\n" if definitions else ""

    def _service_page(self, service: Service) -> None:
        uri = self.service_pages[service.id]
        sections = self.split.sections.get(service.id, [])
        # The section that names the service itself comes first; sections
        # that moved here from elsewhere ("NACL:" under Route 53) follow.
        sections = sorted(sections, key=lambda s: not self._is_primary(s, service))
        # Notes already shown where they were written (a "Quiz" in this
        # service's notes) are not repeated in its Exam traps box.
        notes = [note for note in self.routing.for_service(service.id) if note.shown_on != service.id]
        lines: list[SourceLine] = []
        parts = [f"# {escape_outline(service.title)}\n",
                 self.render("partials/cramdown/service-meta.html", category=escape_outline(service.category),
                             name=escape_outline(service.name), description=escape_outline(service.description),
                             aliases=[escape_outline(a) for a in dict.fromkeys((*service.aliases, *service.spellings))
                                      if a.casefold() != service.title.casefold()],
                             store=self.study.get("store", ""), page=uri,
                             category_url=relative_uri(uri, HOME) + "#" + slugify(service.category)) + "\n"]
        for index, section in enumerate(sections):
            parts.append(self._section_markdown(uri, section, service, primary=index == 0))
            lines += _section_lines(section)
        parts += [f"\n{block}\n" for block in self.widgets.at_end.get(service.id, [])]
        exam_nodes = [n for note in notes for n in note.nodes]
        lines += _lines_of(exam_nodes)
        parts.append(self._exam_traps(uri, notes))
        parts.append(self._related_block(uri, service.id))
        parts.append(self._mentions_block(uri, service.id, expanded=not sections and not notes))
        # Search: Material weighs front-matter tags far above everything else
        # and shows them nowhere without its tags plugin, so a service's own
        # names and terms put its page first ("visibility timeout" -> SQS).
        tags = sorted({name for name in (*service.names, *service.keywords, *self.service_terms.get(service.id, ()))},
                      key=lambda name: (name.casefold(), name))  # a total order: builds must not vary
        meta = {"description": service.description, "search": {"boost": 3}, "tags": tags,
                "cramdown": {"kind": "service", "service": service.id, "category": service.category}}
        self._page(uri, service.title, "service", meta, "\n".join(p for p in parts if p), lines)

    def _topic_page(self, key: str) -> None:
        group = self.split.groups[key]
        uri = topic_uri(key)
        parts = [f"# {escape_outline(group.title)}\n"]
        lines: list[SourceLine] = []
        for intro in group.intro:
            lines += _section_lines(intro)
            self._anchors(uri).top_of_page(intro.head)
            parts.append(self.render("partials/cramdown/source-strip.html", head=self._inline(uri, intro.head),
                                     source=self._source_link(uri, _section_lines(intro))))
            if intro.nodes:
                parts.append(self._writer(uri, 2, promote_headings=True).render(intro.nodes))
        services = [self.catalogue.services[s] for s in group.services]
        parts.append(self.render("partials/cramdown/service-cards.html", heading="Services in this topic",
                                 services=[self._card(uri, s) for s in services]))
        meta = {"cramdown": {"kind": "topic"}}
        self._page(uri, group.title, "topic", meta, "\n\n".join(parts), lines)

    def _card(self, from_uri: str, service: Service) -> dict:
        sections = self.split.sections.get(service.id, [])
        notes = sum(_note_count(s.nodes) + (1 if s.head else 0) for s in sections)
        return {"title": escape_outline(service.title), "url": relative_uri(from_uri, self.service_pages[service.id]),
                "description": escape_outline(service.description), "notes": notes,
                "traps": len(self.routing.for_service(service.id)),
                "mentions": len(self.mentions.get(service.id, []))}

    def _review_page(self) -> None:
        if not self.routing.items and not self.split.exam_markers:
            return
        uri = REVIEW
        parts = ["# Practice exam review\n"]
        lines: list[SourceLine] = []
        for marker in self.split.exam_markers:
            lines += marker.lines
            parts.append(self._inline(uri, marker).replace("\n", " ") + "\n{ .cd-lead }\n")
        for index, item in enumerate(self.routing.items):
            lines += _lines_of(item.nodes)
            routes = self.routing.routes[index]
            links = ", ".join(f"[{escape_outline(self.catalogue.services[s].title)}]"
                              f"({relative_uri(uri, self.service_pages[s])})" for s in routes)
            goes = f"→ {links}" if links else f"→ [General]({relative_uri(uri, GENERAL)})"
            body = self._writer(uri, 3).render(item.nodes).rstrip("\n")
            parts.append(f'<div class="cd-exam-item" id="exam-{item.first_line}" markdown>\n\n{body}\n\n'
                         f'{goes}\n{{ .cd-route }}\n\n</div>\n')
        meta = {"search": {"boost": 0.5}, "cramdown": {"kind": "review"}}
        self._page(uri, "Practice exam review", "review", meta, "\n".join(parts), lines)

    def _general_page(self) -> None:
        unassigned = [self.routing.items[i] for i in self.routing.unassigned]
        if not self.split.general and not unassigned:
            return
        uri = GENERAL
        parts = ["# General\n", "Notes that are not about one particular service.\n"]
        lines: list[SourceLine] = []
        for section in self.split.general:
            lines += _lines_of(section.nodes)
            parts.append(self.render("partials/cramdown/source-strip.html", head="",
                                     source=self._source_link(uri, _lines_of(section.nodes))))
            parts.append(self._writer(uri, 2, promote_headings=True, heading_shift=1).render(section.nodes))
        if unassigned:
            parts.append("## Practice-exam notes\n")
            for item in unassigned:
                lines += _lines_of(item.nodes)
                parts.append(self._writer(uri, 3).render(item.nodes))
        meta = {"search": {"boost": 0.5}, "cramdown": {"kind": "general"}}
        self._page(uri, "General", "general", meta, "\n\n".join(parts), lines)

    def _source_pages(self) -> None:
        for notes_file in self.split.files:
            uri = source_uri(notes_file.path)
            body = [f"# {escape_outline(notes_file.path)}\n",
                    "The notes exactly as written. Line numbers match your editor.\n",
                    self.render("partials/cramdown/notes-source.html", lines=notes_file.lines)]
            meta = {"search": {"exclude": True}, "hide": ["toc"], "cramdown": {"kind": "source"}}
            self._page(uri, notes_file.path, "source", meta, "\n".join(body), [])

    def _home_page(self, services: list[Service]) -> None:
        by_category: dict[str, list[dict]] = {}
        for service in services:
            by_category.setdefault(service.category, []).append(self._card(HOME, service))
        cards = self.study.get("cards", {})
        categories = [{"name": c, "anchor": slugify(c), "services": by_category[c],
                       "pages": [self.service_pages[s.id] for s in services if s.category == c],
                       "cards": [i for s in services if s.category == c for i in cards.get(s.id, [])]}
                      for c in self.catalogue.categories if c in by_category]
        traps = len(self.routing.items)
        body = self.render("partials/cramdown/home.html", title=escape_outline(self.site_title),
                           categories=categories, service_count=len(services), exam_count=traps,
                           store=self.study.get("store", ""),
                           review_url=REVIEW if traps else "")
        meta = {"hide": ["toc"], "cramdown": {"kind": "home"}}
        self._page(HOME, "Home", "home", meta, body, [])

    # -- all together ------------------------------------------------------

    def build(self) -> SitePlan:
        services = self.services or services_with_pages(self.split, self.routing, self.catalogue, self.node_services)
        for service in services:
            self.service_pages[service.id] = service_uri(service.id)
        for service_id, sections in self.split.sections.items():
            title = self.catalogue.services[service_id].title
            for section in sections:
                self._collect_mentions(service_uri(service_id), title, section.nodes, service_id)
        for key, group in self.split.groups.items():
            for intro in group.intro:
                self._collect_mentions(topic_uri(key), group.title, intro.nodes, None)
        for note in self.routing.notes:
            for service_id in note.services[:1]:
                self._collect_mentions(service_uri(service_id), self.catalogue.services[service_id].title,
                                       note.nodes, service_id)
        for section in self.split.general:
            self._collect_mentions(GENERAL, "General", section.nodes, None)

        self._home_page(services)
        for service in services:
            self._service_page(service)
        for key in self.split.groups:
            self._topic_page(key)
        self._review_page()
        self._general_page()
        self._source_pages()
        self.pages += self.extra_pages
        return SitePlan(self.pages, self._nav(services), self._summary(services), self.landed)

    def _nav(self, services: list[Service]) -> list:
        nav: list = [{"Home": HOME}]
        first_category_of_group = {
            key: self.catalogue.services[group.services[0]].category
            for key, group in self.split.groups.items() if group.services}
        for category in self.catalogue.categories:
            entries: list = [{f"{self.split.groups[k].title} (overview)": topic_uri(k)}
                             for k, c in first_category_of_group.items() if c == category]
            entries += [{s.title: self.service_pages[s.id]} for s in services if s.category == category]
            if entries:
                nav.append({category: entries})
        if any(p.src_uri == REVIEW for p in self.pages):
            nav.append({"Practice exam review": REVIEW})
        nav += [{page.title: page.src_uri} for page in self.extra_pages]
        if any(p.src_uri == GENERAL for p in self.pages):
            nav.append({"General": GENERAL})
        return nav

    def _summary(self, services: list[Service]) -> str:
        routed = sum(1 for route in self.routing.routes if route)
        return (f"{len(services)} services, {len(self.pages)} pages, "
                f"{routed} of {len(self.routing.items)} exam notes routed, "
                f"{len(self.routing.unassigned)} unassigned")


def build_pages(split: SplitNotes, routing: ExamRouting, catalogue: Catalogue, render: Render,
                site_title: str = "Study notes", widgets: WidgetPlan | None = None,
                extra_pages: list[PageSpec] | None = None,
                service_terms: dict[str, list[str]] | None = None, study: dict | None = None,
                services: list[Service] | None = None,
                node_services: dict[LineKey, list[str]] | None = None,
                assets: dict[str, str] | None = None) -> SitePlan:
    """``service_terms``: per service id, glossary names that belong to it (for search).
    ``study``: the progress store key and card ids per service, for progress widgets.
    ``services`` and ``node_services`` (from ``services_with_pages`` and
    ``service_mentions``) are computed here when not given. ``assets``: images
    in the notes folder (notes path -> path in the site)."""
    return _Builder(split, routing, catalogue, render, site_title, widgets or WidgetPlan(),
                    extra_pages or [], service_terms or {}, study or {}, services, node_services, assets).build()
