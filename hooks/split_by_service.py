"""Step 2 of the pipeline: split the notes trees into one section per service.

Rules, in the order they are tried on a bullet, numbered item or heading:

1. **Group**: its head (the text before a colon) lists two or more services
   and nothing else ("RDS, Aurora, Elasticache"), or it names no service but
   sections of two or more services start inside it ("Containers on AWS").
   Its own text becomes a topic overview page; its services get their pages.
2. **Service section**: its head starts with a service name ("SQS: This is
   ...", "AWS Lambda", "ECS Tasks"), is exactly a keyword ("NACL:"), or is a
   short line ending in a colon that names one service ("The below is what
   how CodeBuild is running:"). It must have content under it, except
   directly inside a group or at the top level, where one line is enough.
   A section nested under another service's section ("X-Ray" under
   "CloudWatch") still goes to its own service.
3. Anything else stays with the section, group or preamble it is in.

Loose paragraphs never start sections. Text before the first section, and top
level text that no section owns, goes to the General page. The practice-exam
part (from a line matching one of ``exam_markers`` to the end of the file, or
to the end of that heading's part in Markdown) is not split here: its items
are handed to ``route_exam_notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notes_model import Kind, Node, NotesFile
from service_catalogue import Catalogue, Service
from site_paths import slugify

DEFAULT_EXAM_MARKERS = (r"got wrong", r"practice exams?\b", r"exam (?:mistakes|traps|notes)", r"mistakes I made")

# Head of a line: the text before the first ": " (or a final ":").
HEAD_SPLIT_RE = re.compile(r":(?:\s|$)")
# Separators in a list of services: "RDS, Aurora, Elasticache", "SDK/CLI", "ECS & EKS".
LIST_SPLIT_RE = re.compile(r"\s*(?:,|&|/|\band\b)\s*")
# Inline markup that does not change what a head says.
MARKUP_RE = re.compile(r"[*_`=]+")
SHORT_INTRO_MAX = 60
GROUP_HEAD_MAX_WORDS = 6
STARTS_SECTION = (Kind.BULLET, Kind.NUMBERED, Kind.HEADING)


@dataclass
class Section:
    """A piece of the notes owned by one service, group or the General page."""

    head: Node | None  # the line that started it (None for preamble and leftovers)
    nodes: list[Node]  # its content, with sections of other owners taken out
    group: str | None = None  # the group it sits in, if any


@dataclass
class Group:
    key: str
    title: str
    head: Node
    intro: list[Section] = field(default_factory=list)
    services: list[str] = field(default_factory=list)  # ids, in order of appearance


@dataclass
class ExamItem:
    """One practice-exam note: a bullet or paragraph with its sub-items, or a
    code block together with the paragraph that explains it."""

    nodes: list[Node]
    path: str

    @property
    def first_line(self) -> int:
        return self.nodes[0].first_line.number


@dataclass
class SplitNotes:
    sections: dict[str, list[Section]] = field(default_factory=dict)  # service id -> sections, in order
    groups: dict[str, Group] = field(default_factory=dict)
    general: list[Section] = field(default_factory=list)
    exam_markers: list[Node] = field(default_factory=list)
    exam_items: list[ExamItem] = field(default_factory=list)
    files: list[NotesFile] = field(default_factory=list)


def head_of(text: str) -> str:
    head = HEAD_SPLIT_RE.split(text, maxsplit=1)[0]
    return MARKUP_RE.sub("", head).strip().rstrip(".:").strip()


class _Splitter:
    def __init__(self, catalogue: Catalogue, exam_markers: tuple[str, ...]) -> None:
        self.catalogue = catalogue
        self.exam_re = re.compile("|".join(f"(?:{m})" for m in exam_markers), re.IGNORECASE)
        self.out = SplitNotes()

    # -- classification -------------------------------------------------

    def _listed_services(self, head: str) -> list[Service] | None:
        """Services of a head that is only a list of service names, else None."""
        parts = [p for p in LIST_SPLIT_RE.split(head) if p]
        if len(parts) < 2:
            return None
        listed: list[Service] = []
        for part in parts:
            hits = self.catalogue.mentions(part)
            if len(hits) != 1 or hits[0].start != 0 or hits[0].end != len(part):
                return None
            if hits[0].payload.service not in listed:
                listed.append(hits[0].payload.service)
        return listed

    def _named_service(self, node: Node, lenient: bool) -> Service | None:
        """The service whose section this node starts, if any."""
        if node.kind not in STARTS_SECTION or not (node.children or lenient):
            return None  # a leaf starts a section only at the top of a file or group
        head = head_of(node.text)
        if not head:
            return None
        listed = self._listed_services(head)
        if listed is not None:
            return listed[0] if len(listed) == 1 else None
        hits = self.catalogue.mentions(head, keywords=True)
        if not node.children and len(hits) == 1 and hits[0].end == len(head) and head_of(node.text) == \
                MARKUP_RE.sub("", node.text).strip().rstrip(":").strip():
            return None  # a bare name in a list ("• ECS") is a mention, not a section
        if hits and hits[0].start == 0:
            first = hits[0]
            if not first.payload.is_keyword:
                return first.payload.service
            if first.end == len(head):  # exactly a keyword: "NACL:"
                return first.payload.service
        if node.children and len(head) <= SHORT_INTRO_MAX and node.text.rstrip().endswith(":"):
            named = {h.payload.service.id: h.payload.service for h in self.catalogue.mentions(head)}
            if len(named) == 1:
                return next(iter(named.values()))
        return None

    def _is_group(self, node: Node) -> bool:
        if node.kind not in STARTS_SECTION or not node.children:
            return False
        head = head_of(node.text)
        listed = self._listed_services(head)
        if listed is not None:
            return len(listed) >= 2
        # A group head is a short title ("Containers on AWS"), not a sentence
        # that introduces a list of names, and it names no service itself.
        if len(head.split()) > GROUP_HEAD_MAX_WORDS or self.catalogue.mentions(head):
            return False
        started = {s.id for s in self._sections_started_under(node, in_group=True)}
        return len(started) >= 2

    def _sections_started_under(self, node: Node, in_group: bool):
        for child in node.children:
            service = self._named_service(child, lenient=in_group)
            if service:
                yield service
            yield from self._sections_started_under(child, in_group=False)

    # -- assignment -----------------------------------------------------

    def _add_section(self, service_id: str, section: Section) -> None:
        self.out.sections.setdefault(service_id, []).append(section)

    def _claim(self, nodes: list[Node], owner: str | None, group: Group | None) -> list[Node]:
        """Keep what belongs to ``owner`` (a service id, or None for a group or
        the General page); send sections of other services to their owners."""
        kept: list[Node] = []
        lenient = owner is None
        for node in nodes:
            if owner is None and self._is_group(node):
                self._open_group(node)
                continue
            service = self._named_service(node, lenient=lenient)
            if service and service.id != owner:
                self._open_section(service, node, group)
                continue
            children = self._claim(node.children, owner, group) if owner else self._claim_plain(node.children, group)
            kept.append(node.with_children(children))
        return kept

    def _claim_plain(self, nodes: list[Node], group: Group | None) -> list[Node]:
        """Children of a group's (or General's) own text: only full sections leave."""
        kept: list[Node] = []
        for node in nodes:
            service = self._named_service(node, lenient=False)
            if service:
                self._open_section(service, node, group)
                continue
            kept.append(node.with_children(self._claim_plain(node.children, group)))
        return kept

    def _open_section(self, service: Service, node: Node, group: Group | None) -> None:
        if group and service.id not in group.services:
            group.services.append(service.id)
        section = Section(head=node, nodes=[], group=group.key if group else None)
        self._add_section(service.id, section)
        section.nodes = self._claim(node.children, service.id, group)

    def _open_group(self, node: Node) -> None:
        title = head_of(node.text) or node.text
        key = slugify(title)
        group = self.out.groups.get(key)
        if group is None:
            group = Group(key=key, title=title, head=node)
            self.out.groups[key] = group
        intro = Section(head=node, nodes=[], group=key)
        group.intro.append(intro)
        intro.nodes = self._claim(node.children, None, group)

    # -- files ----------------------------------------------------------

    def _exam_start(self, nodes: list[Node]) -> int | None:
        for index, node in enumerate(nodes):
            if node.kind in (Kind.PARAGRAPH, Kind.HEADING, Kind.BULLET) and self.exam_re.search(node.text):
                return index
        return None

    def _take_exam(self, path: str, marker: Node, following: list[Node]) -> None:
        self.out.exam_markers.append(marker.with_children([]))
        nodes = list(marker.children) + following
        index = 0
        while index < len(nodes):
            node = nodes[index]
            item = [node]
            # A code block and the paragraph right after it explain each other.
            if node.kind is Kind.CODE and index + 1 < len(nodes) and nodes[index + 1].kind is Kind.PARAGRAPH:
                item.append(nodes[index + 1])
                index += 1
            self.out.exam_items.append(ExamItem(nodes=item, path=path))
            index += 1

    def split_file(self, notes_file: NotesFile) -> None:
        self.out.files.append(notes_file)
        nodes = notes_file.nodes
        # A file's single top-level "# Title" is its title, not a group.
        if nodes and nodes[0].kind is Kind.HEADING and nodes[0].level == 1 and \
                sum(1 for n in nodes if n.kind is Kind.HEADING and n.level == 1) == 1 and \
                self._named_service(nodes[0], lenient=True) is None:
            nodes = [nodes[0].with_children([])] + nodes[0].children + nodes[1:]
        exam_at = self._exam_start(nodes)
        if exam_at is not None:
            marker = nodes[exam_at]
            # After a paragraph marker the exam part runs to the end of the
            # file; a heading or bullet marker holds its items under it.
            following = nodes[exam_at + 1:] if marker.kind is Kind.PARAGRAPH else []
            rest_after = [] if marker.kind is Kind.PARAGRAPH else nodes[exam_at + 1:]
            nodes = nodes[:exam_at]
            self._take_exam(notes_file.path, marker, following)
        else:
            rest_after = []
        # In a file named after a service (notes/sqs.md), text that no
        # section claims belongs to that service rather than to General.
        stem_service = self._service_for_file(notes_file.path)
        for part in (nodes, rest_after):
            leftover = self._claim(part, None, None)
            if leftover and stem_service:
                self._add_section(stem_service.id, Section(head=None, nodes=leftover))
            elif leftover:
                self.out.general.append(Section(head=None, nodes=leftover))

    def _service_for_file(self, path: str) -> Service | None:
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return self.catalogue.named(re.sub(r"[-_]+", " ", stem))


def split_by_service(files: list[NotesFile], catalogue: Catalogue,
                     exam_markers: tuple[str, ...] = DEFAULT_EXAM_MARKERS) -> SplitNotes:
    splitter = _Splitter(catalogue, exam_markers)
    for notes_file in files:
        splitter.split_file(notes_file)
    return splitter.out
