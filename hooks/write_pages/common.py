"""What every page writer shares: the site's facts, computed once, and the
helpers that turn notes into a page's Markdown.

``SiteFacts`` is worked out before any page is written (which services get
a page, which blocks mention which services); ``PageContext`` hands it, with
the exam's data and the build's renderer, to each page module, and collects
where the notes' headings land.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from exam_guide import ExamGuide
from notes_coverage import Coverage
from practice_questions import Question
from render_markdown import MarkdownWriter, PageAnchors, escape_outline, inline

from calculators import CalculatorPlan, fence
from limits import Limit
from link_terms import Term
from notes_model import Kind, LineKey, Node, NotesFile, SourceLine, key_of
from rewrite_links import SCHEME_RE, raw_html_url, stamp
from route_exam_notes import ExamRouting
from service_catalogue import Catalogue, Service
from site_paths import relative_uri
from split_by_service import Section, SplitNotes
from study_cards import Card

Render = Callable[..., str]

HOME = "index.md"
REVIEW = "practice-exam.md"
GENERAL = "general.md"
GLOSSARY = "glossary.md"
CALCULATORS = "calculators.md"
NUMBERS = "numbers.md"
STUDY = "study.md"
PRACTICE = "practice-test.md"
COVERAGE = "coverage.md"
URL_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_-]+")
MENTION_SNIPPET_CHARS = 140


@dataclass
class PageSpec:
    src_uri: str
    title: str
    kind: str  # home | service | topic | review | general | source | glossary | calculators | numbers | study
    #            | practice | coverage
    markdown: str
    lines: list[SourceLine] = field(default_factory=list)  # notes lines this page must show
    edit_path: str | None = None  # the notes file it mostly came from


@dataclass
class Mention:
    page: str  # src_uri of the page that mentions
    page_title: str
    line: SourceLine
    snippet: str  # Markdown-escaped


@dataclass
class Urls:
    """Page addresses as the site serves them (directory URLs or .html files):
    ``of(src_uri)`` and ``between(to_url, from_url)``, from MkDocs."""

    of: Callable[[str], str]
    between: Callable[[str, str], str]

    def from_page(self, page: str, target: str) -> str:
        """The address of ``target`` (a src uri or a site path) as seen from page ``page``."""
        return self.between(self.of(target) if target.endswith(".md") else target, self.of(page))


def service_uri(service_id: str) -> str:
    return f"services/{service_id}.md"


def topic_uri(key: str) -> str:
    return f"topics/{key}.md"


def source_uri(path: str) -> str:
    """The notes-source page of a notes file: a name safe in a URL, whatever the
    file is called ("#Cloudwatch_CloudTrail_Config.md", "Service Bus.md")."""
    name = URL_UNSAFE_RE.sub("-", path.split("/", 1)[-1]).strip("-") or "notes"
    return f"notes-source/{name}.md"


# -- the facts ---------------------------------------------------------------------


def service_mentions(split: SplitNotes, catalogue: Catalogue) -> dict[LineKey, list[str]]:
    """The services each block of the notes names (code aside), keyed by the
    block's first line: one scan, for page planning and "Mentioned on" lists."""
    found: dict[LineKey, list[str]] = {}
    for notes_file in split.files:
        for top in notes_file.nodes:
            for node in top.walk():
                if node.kind is not Kind.CODE:
                    ids = [h.payload.service.id for h in catalogue.mentions(node.text)]
                    if ids:
                        found[key_of(node)] = list(dict.fromkeys(ids))
    return found


@dataclass
class SiteFacts:
    """Which services get a page, and which of the notes' blocks mention which
    services, worked out once for every page writer."""

    services: list[Service]  # every service with notes, exam notes or a mention, in order of first mention
    service_pages: dict[str, str]  # service id -> src uri
    node_services: dict[LineKey, list[str]]  # block -> services it names
    with_notes: set[str]  # services with notes of their own; the others' pages are no navigation stop

    @classmethod
    def of(cls, split: SplitNotes, routing: ExamRouting, catalogue: Catalogue) -> SiteFacts:
        node_services = service_mentions(split, catalogue)
        order: list[str] = list(split.sections)
        for note in routing.notes:
            order += note.services
        for ids in node_services.values():
            order += ids
        services = [catalogue.services[i] for i in dict.fromkeys(order)]
        with_notes = {sid for sid, sections in split.sections.items() if sections}
        return cls(services, {s.id: service_uri(s.id) for s in services}, node_services, with_notes)


def service_nodes(split: SplitNotes, routing: ExamRouting) -> dict[str, list[Node]]:
    """Each service's own notes: its sections' heads and blocks, and the
    exam notes routed to it."""
    own: dict[str, list[Node]] = {}
    for service_id, sections in split.sections.items():
        own[service_id] = [n for s in sections for n in ([s.head.with_children([])] if s.head else []) + s.nodes]
    for note in routing.notes:
        for service_id in note.services:
            own.setdefault(service_id, []).extend(note.nodes)
    return own


# -- small pieces -----------------------------------------------------------------

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True) + "---\n\n"


def line_ranges(lines: list[SourceLine]) -> str:
    numbers = sorted({line.number for line in lines})
    ranges: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(ranges)


def lines_of(nodes: list[Node]) -> list[SourceLine]:
    return [line for node in nodes for line in node.all_lines()]


def section_lines(section: Section) -> list[SourceLine]:
    """A section's lines: its head line itself (not the head's original
    children, some of which went to other sections) and its content."""
    return (list(section.head.lines) if section.head else []) + lines_of(section.nodes)


def note_count(nodes: list[Node]) -> int:
    return sum(1 for top in nodes for n in top.walk() if n.kind is not Kind.HEADING)


# -- the context ----------------------------------------------------------------------


@dataclass
class PageContext:
    """Everything a page module needs to write its page."""

    split: SplitNotes
    routing: ExamRouting
    catalogue: Catalogue
    facts: SiteFacts
    render: Render
    urls: Urls
    site_title: str = "Study notes"
    limits: dict[str, Limit] = field(default_factory=dict)
    glossary: dict[str, Term] = field(default_factory=dict)
    calculator_names: list[str] = field(default_factory=list)
    calculator_titles: dict[str, str] = field(default_factory=dict)
    calculator_plan: CalculatorPlan = field(default_factory=CalculatorPlan)
    changed: dict[LineKey, list[Limit]] = field(default_factory=dict)  # lines that state an old limit
    cards: list[Card] = field(default_factory=list)
    store: str = ""  # the study progress key in localStorage
    assets: dict[str, str] = field(default_factory=dict)  # notes path of an image -> its path in the site
    downloads: list[str] = field(default_factory=list)  # paths in the site of the deck's .apkg and .csv
    questions: list[Question] = field(default_factory=list)  # the Practice test's
    guide: ExamGuide | None = None  # the exam guide's lists, when the exam has them
    coverage: Coverage | None = None  # what the notes leave out, against the guide
    # Filled while pages are written.
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # service id -> mentions on other pages
    landed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (path, anchor) -> (page, anchor)
    _anchors: dict[str, PageAnchors] = field(default_factory=dict)
    _suffix: dict[str, dict[LineKey, str]] = field(default_factory=dict)
    _files: dict[str, NotesFile] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._files = {f.path: f for f in self.split.files}

    def card_ids_by_service(self) -> dict[str, list[str]]:
        """Each service's study card ids ("" holds General's)."""
        found: dict[str, list[str]] = {}
        for card in self.cards:
            found.setdefault(card.service, []).append(card.id)
        return found

    @property
    def has_coverage(self) -> bool:
        """Is there a Coverage page: an exam guide that lists services in scope?"""
        return bool(self.coverage and self.guide and self.guide.in_scope)

    # -- notes on a page -----------------------------------------------------

    def anchors(self, uri: str) -> PageAnchors:
        if uri not in self._anchors:
            self._anchors[uri] = PageAnchors(uri, self.landed)
        return self._anchors[uri]

    def raw_urls(self, uri: str):
        """Addresses in a Markdown file's raw HTML, as page ``uri`` needs them."""
        return lambda path, url, image: raw_html_url(self.assets, path, url, image,
                                                     lambda target: self.urls.from_page(uri, target))

    def inline(self, uri: str, node: Node) -> str:
        return inline(node, self.raw_urls(uri))

    def writer(self, uri: str, heading_base: int, **options) -> MarkdownWriter:
        """A writer for page ``uri``, with the notes the build puts beside a
        line in place (``after=ctx.calculators_after()`` adds the calculators)."""
        return MarkdownWriter(heading_base, suffix=self.suffixes(uri), anchors=self.anchors(uri),
                              raw_urls=self.raw_urls(uri), **options)

    def calculators_after(self) -> dict[LineKey, list[str]]:
        """Calculator fences to put after the block they belong to."""
        return {key: [fence(name) for name in names] for key, names in self.calculator_plan.after.items()}

    def suffixes(self, uri: str) -> dict[LineKey, str]:
        """HTML the build puts after a line's own text on page ``uri``: a worked
        example's Try it button and check, a changed limit's note."""
        root = "../" * uri.count("/")
        if root in self._suffix:
            return self._suffix[root]
        suffix: dict[LineKey, str] = {}

        def add(key: LineKey, html: str) -> None:
            suffix[key] = suffix.get(key, "") + " " + html.strip()

        for example in self.calculator_plan.examples:
            values = html.escape(json.dumps(example.values, sort_keys=True), quote=True)
            add(key_of(example.node), self.render("partials/cramdown/try-it.html", values=values))
            if example.wrong:
                add(key_of(example.answer_node), self.render("partials/cramdown/check.html",
                                                              computed=f"{example.computed:g}", unit=example.unit))
        for key, limits in self.changed.items():
            add(key, self.render("partials/cramdown/changed.html", limits=limits,
                                 numbers=f"{root}{NUMBERS}#{limits[0].anchor}"))
        self._suffix[root] = suffix
        return suffix

    def source_link(self, from_uri: str, lines: list[SourceLine]) -> dict:
        path = lines[0].path
        same_file = [line for line in lines if line.path == path]
        first = min(line.number for line in same_file)
        ranges = line_ranges(same_file)
        return {"path": path, "ranges": ranges, "url": f"{relative_uri(from_uri, source_uri(path))}#L{first}",
                "lines": ranges.replace("–", "-").replace(", ", ",")}

    def collect_mentions(self, page: str, title: str, nodes: list[Node], owner: str | None) -> None:
        """Note, for each service these blocks name (but ``owner``), that page ``page`` mentions it."""
        for top in nodes:
            for node in top.walk():
                if node.kind is Kind.CODE:
                    continue
                for service_id in self.facts.node_services.get(key_of(node), ()):
                    if service_id == owner:
                        continue
                    text = node.text.replace("\n", " ")
                    if len(text) > MENTION_SNIPPET_CHARS:
                        text = text[:MENTION_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
                    self.mentions.setdefault(service_id, []).append(
                        Mention(page, title, node.first_line, escape_outline(text)))

    # -- whole pages ------------------------------------------------------------

    def page(self, uri: str, title: str, kind: str, meta: dict, body: str, lines: list[SourceLine]) -> PageSpec:
        edit_path = lines[0].path if lines else None
        return PageSpec(uri, title, kind, front_matter({"title": title, **meta}) + body + self.references(lines),
                        lines, edit_path)

    def references(self, lines: list[SourceLine]) -> str:
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
