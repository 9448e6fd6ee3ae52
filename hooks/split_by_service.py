"""Step 2 of the pipeline: split the notes trees into one section per service.

A block's **head** is what its title says, in words: a heading's text, or an
item's text before its first ": ", read as shown (a link's words, no
emphasis), without the numbering, symbols and vendor words people put before
a title ("## 18 DynamoDB", "## 431. KMS Limits", "# Section 7: Elastic
Beanstalk", "## 🚀 AWS Lambda", "# [API Gateway](../README.md)").

Rules, in the order they are tried on a heading, item or introducing paragraph:

1. **Navigation** never starts anything: an entry that is only a link (a
   table of contents, "back to top").
2. **Group**: outside any service's section, a head that lists two or more
   services and nothing else ("RDS, Aurora, Elasticache"), or a short title
   that names no service and holds sections of two or more services
   ("Containers on AWS"). Its own text becomes a topic overview page. A
   generic title ("General", "Overview") makes no topic page.
3. **Service section**: a head that starts with a service name ("SQS: This
   is ...", "AWS Lambda", "ECS Tasks", "AutoScaling"), is exactly a keyword
   ("NACL:"), is a short line ending in a colon that names one service ("The
   below is what how CodeBuild is running:"), or, for titles, names one with
   a slip ("CloudTrial") or by its initials ("Key Management System"). It
   needs content under it, except directly inside a group or at the top level.
4. **Inside a service's section** a sub-section that names another service
   stays where the author put it ("Lambda › VPC – Internet access",
   "DynamoDB › CLI – Good to Know", "API Gateway › Cognito User Pools"). It
   moves to its own service only when it is a whole section about it: the
   head is that service's name alone ("X-Ray", "EBS - Elastic Block
   Storage") or a sentence about it ("CodeDeploy automates deployments"),
   and its text names the service it sits under no more often than its own
   (X-Ray under CloudWatch). A section
   opened by a feature ("## AppSpec" of CodeDeploy) keeps what is under it.
5. Anything else stays with the section, group or preamble it is in.

A file named after a service (``notes/sqs.md``, ``25_SQS.md``,
``lambda/README.md``) is that service's section as a whole. A file named
after several (``notes-ec2-ebs.md``) splits by its headings, and what no
section claims goes to the first one named.

**Practice-exam notes** are not split here: they are handed to
``route_exam_notes``. They start at a line matching one of ``exam_markers``
("got wrong", "practice exam", "quiz", "practice questions"): a short
paragraph marker runs to the end of the file, a heading or item marker holds
its notes under it, and a file named like one (``quiz.md``) is all exam
notes. Inside a service's section a marker's notes stay where they are and
are also routed, with that service as the one they are about unless they say
otherwise.

Text before the first section, and top level text that no section owns, goes
to the General page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_text import visible_text
from notes_model import Format, Kind, Node, NotesFile
from service_catalogue import Catalogue, Service
from site_paths import slugify

DEFAULT_EXAM_MARKERS = (r"got wrong", r"practice exams?\b", r"exam (?:mistakes|traps|notes)", r"mistakes I made",
                        r"\bquiz(?:zes)?\b", r"practice (?:questions?|tests?)\b", r"sample questions?\b")

# Head of a line: the text before the first ": " (or a final ":").
HEAD_SPLIT_RE = re.compile(r":(?:\s|$)")
# Separators in a list of services: "RDS, Aurora, Elasticache", "SDK/CLI", "ECS & EKS".
LIST_SPLIT_RE = re.compile(r"\s*(?:,|&|/|\band\b)\s*")
# Inline markup that does not change what a head says.
MARKUP_RE = re.compile(r"[*_`=]+")
# What people put before a title: symbols and emoji, then course numbering
# ("18 ", "4.31. ", "7 - ", "Section 7: ", "Day 3 - ", "2.1.B. ").
LEADING_SYMBOLS_RE = re.compile(r"^[^\w(\[]+")
ENUMERATION_RE = re.compile(
    r"^(?:(?:section|chapter|part|day|module|lesson|lecture|week|unit|step)\s*\d+[a-z]?"  # "Section 7", "Day 3"
    r"|\d+(?:[.\-]\d+)*(?:\.[A-Za-z])?)"  # "18", "4.31", "2.1.B"
    r"\s*[.):|\-–—]*\s+", re.IGNORECASE)  # the punctuation after the number, and a space
# An entry that is only a link: navigation, not a title.
LINK_ONLY_RE = re.compile(r"^\s*(?:!?\[[^\]]*\]\([^)]*\)|<a\b[^>]*>.*</a>|\[[^\]]*\]\[[^\]]*\])\s*$", re.DOTALL)
# Titles that say nothing about a subject, in English: no topic page of their own.
GENERIC_TITLES = {"general", "misc", "miscellaneous", "other", "others", "notes", "my notes", "overview",
                  "introduction", "intro", "summary", "basics", "table of contents", "contents", "toc", "index",
                  "tips", "exam tips", "resources", "links", "references", "todo", "to do", "appendix"}
# Words a notes file's name may carry besides the service's name ("sqs-notes.md", "quiz-iam.md").
FILE_NAME_WORDS = {"notes", "note", "quiz", "quizzes", "exam", "tips", "questions", "question", "cheatsheet",
                   "cheat", "sheet", "summary", "study", "guide", "readme", "index", "overview", "deep", "dive"}
SHORT_INTRO_MAX = 60
GROUP_HEAD_MAX_WORDS = 6
MARKER_MAX_WORDS = 15  # a paragraph that says "got wrong" in passing is not a marker
HEADING_MARKER_MAX_WORDS = 8
LEAF_MIN_WORDS = 4  # a leaf starts a section only as a sentence ("ECR is a registry ...") or "SQS: ..."
MIN_SECTION_BLOCKS = 2  # a sub-section moves to its own service only with this much under it
ASIDE_RE = re.compile(r"\([^()]*\)")
# After a name, a lower-case word that is not a joining word: "CodeDeploy automates ...", not "EC2 and ...".
SENTENCE_GOES_ON_RE = re.compile(r" (?!(?:and|or|vs|versus|with|without|in|on|for|to|from|via|under|inside|"
                                 r"into|over|behind|plus)\b)[a-z]\S* \S")  # and a word more: "Lambda authorizer"
DOMINANCE = 1  # a section names its own service at least this many times as often as the one it sits under
# The parts of a title: "EBS - Elastic Block Storage (attached volumes)".
TITLE_PARTS_RE = re.compile(r"\s+[-–—]\s+|\s*[:|]\s+|\s*\([^()]*\)\s*")
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
    context: str | None = None  # the service it sits under, if any: where it goes if it names none
    in_place: bool = False  # it also stays where it is, on its context service's page

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


def title_words(node: Node) -> str:
    """The block's title as it reads, without markup and leading symbols."""
    text = node.text.replace("\n", " ") if node.kind is Kind.HEADING else node.text.split("\n", 1)[0]
    if node.fmt is Format.MARKDOWN:
        text = visible_text(text)
    return LEADING_SYMBOLS_RE.sub("", MARKUP_RE.sub("", text).strip())


def head_words(node: Node) -> str:
    """What the block's title says, in words (see the module docstring)."""
    return ENUMERATION_RE.sub("", title_words(node), count=1).strip()


def is_navigation(node: Node) -> bool:
    """An entry that is only a link ("- [18 DynamoDB](#18-dynamodb)"). A
    heading that is a link ("## [IAM](README.md)") is still a title."""
    return node.kind is not Kind.HEADING and node.fmt is Format.MARKDOWN and bool(LINK_ONLY_RE.match(node.text))


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
            hits = self.catalogue.heads(part)
            if len(hits) != 1 or hits[0].start != 0 or hits[0].end != len(part) or hits[0].payload.is_keyword:
                return None
            if hits[0].payload.service not in listed:
                listed.append(hits[0].payload.service)
        return listed

    @staticmethod
    def _can_start(node: Node, lenient: bool) -> bool:
        if node.kind not in STARTS_SECTION and not (node.kind is Kind.PARAGRAPH and node.children):
            return False
        return bool(node.children or lenient) and not is_navigation(node)

    def _named_service(self, node: Node, lenient: bool) -> Service | None:
        """The service whose section this node starts, if any."""
        if not self._can_start(node, lenient):
            return None  # a leaf starts a section only at the top of a file or group
        words = head_words(node)
        head = head_of(words)
        if not head:
            return None
        listed = self._listed_services(head)
        if listed is not None:
            if len(listed) == 1:
                return listed[0]
            # "X-Ray & ECS" over notes that are not split by service: the first one's section.
            return listed[0] if node.children and not self._is_group(node) else None
        if not node.children and len(words.split()) < LEAF_MIN_WORDS and words.rstrip() == head:
            return None  # a short entry in a list ("EC2 instances") mentions; it starts nothing
        hits = self.catalogue.heads(head)
        if not node.children and len(hits) == 1 and hits[0].end == len(head) and \
                head == MARKUP_RE.sub("", words).strip().rstrip(":").strip():
            return None  # a bare name in a list ("• ECS") is a mention, not a section
        if hits and hits[0].start == 0:
            first = hits[0]
            if not first.payload.is_keyword or first.end == len(head):  # a name, or exactly a keyword: "NACL:"
                return first.payload.service
        if node.children and len(head) <= SHORT_INTRO_MAX and words.rstrip().endswith(":"):
            named = {h.payload.service.id: h.payload.service for h in self.catalogue.mentions(head)}
            if len(named) == 1:
                return next(iter(named.values()))
        if not hits and self._is_title(node, head):
            return self.catalogue.misspelt_title(head)
        return None

    @staticmethod
    def _is_title(node: Node, head: str) -> bool:
        return node.kind is Kind.HEADING or (bool(node.children) and len(head.split()) <= GROUP_HEAD_MAX_WORDS)

    def _titles(self, node: Node, service: Service) -> bool:
        """Is the head about ``service`` as a whole: just its name ("X-Ray",
        "NACL:", "AWS Lambda") or a sentence about it ("CodeDeploy automates
        deployments"), not a side of it ("CLI – Good to Know", "EC2 / on-prem")?"""
        head = head_of(head_words(node))
        hits = self.catalogue.heads(head)
        if not hits:
            return self.catalogue.misspelt_title(head) is service and len(head.split()) <= 3
        first = hits[0]
        if first.start != 0 or first.payload.service.id != service.id:
            return False
        if first.end == len(head) or bool(SENTENCE_GOES_ON_RE.match(head, first.end)):
            return True
        # "ABBR - Full Name": every part names this service (a slip allowed) or is an aside in brackets.
        parts = [part for part in TITLE_PARTS_RE.split(head) if part and part.strip()]
        return len(parts) > 1 and all(self._names_just(part.strip(), service) for part in parts)

    def _names_just(self, text: str, service: Service) -> bool:
        hits = self.catalogue.heads(text)
        if hits:
            return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text) and \
                hits[0].payload.service.id == service.id
        return self.catalogue.misspelt_title(text) is service

    def _moves_out(self, node: Node, service: Service, owner: str, depth: int) -> bool:
        """Inside ``owner``'s section, ``depth`` levels below its head: is this
        block a whole section about ``service``, misplaced, rather than part
        of ``owner``'s story? Its text must name ``owner`` no more often than
        ``service``; deeper down ("Lambda › Triggers ›
        S3") it must also be a heading, name ``service`` itself and hold a
        few notes."""
        if not self._titles(node, service):
            return False
        body = [n for child in node.children for n in child.walk() if n.kind is not Kind.CODE]
        named: dict[str, int] = {}
        for block in body:
            for hit in self.catalogue.mentions(block.text, keywords=True):
                named[hit.payload.service.id] = named.get(hit.payload.service.id, 0) + 1
        if owner in named and named.get(service.id, 0) < DOMINANCE * named[owner]:
            return False
        # Deeper down, a list item is an aspect of the owner (an integration
        # type, a trigger); only a heading can be a misplaced section.
        return depth == 1 or (node.kind is Kind.HEADING and service.id in named and len(body) >= MIN_SECTION_BLOCKS)

    def _is_group(self, node: Node) -> bool:
        if not self._can_start(node, lenient=False):
            return False
        head = head_of(head_words(node))
        listed = self._listed_services(head)
        # A group head is a short title ("Containers on AWS") or a list of
        # services ("RDS, Aurora, Elasticache"), not a sentence that introduces
        # a list of names; it names no single service, and at least two
        # services' sections start under it ("X-Ray & ECS" over notes about
        # X-Ray on ECS is X-Ray's section).
        if listed is None and (len(head.split()) > GROUP_HEAD_MAX_WORDS or self.catalogue.heads(head)
                               or head.casefold() in GENERIC_TITLES or self._is_marker(node)):
            return False
        if listed is not None and len(listed) < 2:
            return False
        started = {s.id for s in self._sections_started_under(node, in_group=True)}
        return len(started) >= 2

    def _sections_started_under(self, node: Node, in_group: bool):
        for child in node.children:
            service = self._named_service(child, lenient=in_group)
            if service:
                yield service
            yield from self._sections_started_under(child, in_group=False)

    def _is_marker(self, node: Node) -> bool:
        """Does the block start practice-exam notes ("Quiz", "Things I got wrong")?"""
        if node.kind not in (Kind.PARAGRAPH, Kind.HEADING, Kind.BULLET, Kind.NUMBERED):
            return False
        words = head_words(node)
        limit = MARKER_MAX_WORDS if node.kind is Kind.PARAGRAPH else HEADING_MARKER_MAX_WORDS
        # An aside in brackets is not what the line is about: "outline (cleaned
        # up after practice test #1)" is no list of exam notes.
        return len(words.split()) <= limit and bool(self.exam_re.search(ASIDE_RE.sub(" ", words)))

    # -- assignment -----------------------------------------------------

    def _add_section(self, service_id: str, section: Section) -> None:
        self.out.sections.setdefault(service_id, []).append(section)

    def _claim(self, nodes: list[Node], owner: str | None, group: Group | None, path: str,
               depth: int = 1, keep_together: bool = False) -> list[Node]:
        """Keep what belongs to ``owner`` (a service id, or None for a group or
        the General page); send sections of other services to their owners.
        ``depth``: how far below the owner's head ``nodes`` stand;
        ``keep_together``: nothing in them moves out."""
        kept: list[Node] = []
        lenient = owner is None
        for node in nodes:
            if owner is None and group is None and self._is_group(node):  # groups do not nest
                self._open_group(node, path)
                continue
            if owner is not None and node.children and self._is_marker(node):
                self._take_exam(path, None, list(node.children), context=owner, in_place=True)
                kept.append(node)
                continue
            service = self._named_service(node, lenient=lenient)
            if service and service.id != owner and (owner is None or (
                    not keep_together and self._moves_out(node, service, owner, depth))):
                self._open_section(service, node, group, path)
                continue
            if owner:
                children = self._claim(node.children, owner, group, path, depth + 1, keep_together)
            else:
                children = self._claim_plain(node.children, group, path)
            kept.append(node.with_children(children))
        return kept

    def _claim_plain(self, nodes: list[Node], group: Group | None, path: str) -> list[Node]:
        """Children of a group's (or General's) own text: only full sections leave."""
        kept: list[Node] = []
        for node in nodes:
            service = self._named_service(node, lenient=False)
            if service:
                self._open_section(service, node, group, path)
                continue
            kept.append(node.with_children(self._claim_plain(node.children, group, path)))
        return kept

    def _open_section(self, service: Service, node: Node, group: Group | None, path: str) -> None:
        if group and service.id not in group.services:
            group.services.append(service.id)
        section = Section(head=node, nodes=[], group=group.key if group else None)
        self._add_section(service.id, section)
        # A section opened by a feature ("## AppSpec" of CodeDeploy) is about
        # that feature: "### Lambda" under it is a side of it, not Lambda's section.
        hits = self.catalogue.heads(head_of(head_words(node)))
        feature = bool(hits) and hits[0].start == 0 and hits[0].payload.is_keyword
        section.nodes = self._claim(node.children, service.id, group, path, keep_together=feature)

    def _open_group(self, node: Node, path: str) -> None:
        title = head_of(title_words(node)) or node.text
        key = slugify(title)
        group = self.out.groups.get(key)
        if group is None:
            group = Group(key=key, title=title, head=node)
            self.out.groups[key] = group
        intro = Section(head=node, nodes=[], group=key)
        group.intro.append(intro)
        intro.nodes = self._claim(node.children, None, group, path)

    # -- files ----------------------------------------------------------

    def _exam_start(self, nodes: list[Node]) -> int | None:
        for index, node in enumerate(nodes):
            if self._is_marker(node) and (node.kind is not Kind.PARAGRAPH or node.children or (
                    index + 1 < len(nodes) and nodes[index + 1].kind is not Kind.HEADING)):
                return index  # a paragraph right before a heading marks nothing: it is an intro
        return None

    def _take_exam(self, path: str, marker: Node | None, nodes: list[Node], context: str | None = None,
                   in_place: bool = False) -> None:
        if marker is not None:
            self.out.exam_markers.append(marker.with_children([]))
        index = 0
        while index < len(nodes):
            node = nodes[index]
            item = [node]
            # A code block and the paragraph right after it explain each other.
            if node.kind is Kind.CODE and index + 1 < len(nodes) and nodes[index + 1].kind is Kind.PARAGRAPH:
                item.append(nodes[index + 1])
                index += 1
            self.out.exam_items.append(ExamItem(nodes=item, path=path, context=context, in_place=in_place))
            index += 1

    def split_file(self, notes_file: NotesFile) -> None:
        self.out.files.append(notes_file)
        nodes = notes_file.nodes
        path = notes_file.path
        # A file whose first heading holds the rest of it ("# My AWS notes",
        # a title line on top of a text file): that is the file's title, not a group.
        if nodes and nodes[0].kind is Kind.HEADING and self._is_file_title(notes_file, nodes) and \
                self._named_service(nodes[0], lenient=True) is None and not self._is_marker(nodes[0]):
            nodes = [nodes[0].with_children([]), *nodes[0].children, *nodes[1:]]
        file_service, exam_file = self._file_service(path)
        # A file named after several services ("notes-ec2-ebs.md") splits by
        # its headings; text no section claims goes to the first one named.
        named = self._names_services(ENUMERATION_RE.sub("", re.sub(r"[-_]+", " ", path.rsplit("/", 1)[-1]
                                                                    .rsplit(".", 1)[0]).strip() + " ", count=1))
        leftover_owner = file_service or (named[0] if named else None)
        if exam_file:  # quiz.md, lambda/questions.md: practice-exam notes, all of it
            self._take_exam(path, None, nodes, context=file_service.id if file_service else None)
            return
        rest_after: list[Node] = []
        exam_at = self._exam_start(nodes)
        if exam_at is not None:
            marker = nodes[exam_at]
            # After a paragraph marker the exam part runs to the end of the
            # file, or to the next heading; a heading or item marker holds its
            # notes under it.
            if marker.kind is Kind.PARAGRAPH:
                end = next((i for i in range(exam_at + 1, len(nodes)) if nodes[i].kind is Kind.HEADING), len(nodes))
                following, rest_after = nodes[exam_at + 1:end], nodes[end:]
            else:
                following, rest_after = [], nodes[exam_at + 1:]
            nodes = nodes[:exam_at]
            self._take_exam(path, marker, list(marker.children) + following,
                            context=file_service.id if file_service else None)
        # A file named after a service is that service's section: its
        # sub-sections stay in it unless they are whole sections of another.
        for part in (nodes, rest_after):
            if file_service is None:
                leftover = self._claim(part, None, None, path)
                if leftover and leftover_owner:
                    self._add_section(leftover_owner.id, Section(head=None, nodes=leftover))
                elif leftover:
                    self.out.general.append(Section(head=None, nodes=leftover))
                continue
            leftover = []
            for node in part:
                if node.kind is Kind.HEADING and self._named_service(node, lenient=True) is file_service:
                    self._open_section(file_service, node, None, path)  # "# AWS Lambda" in lambda.md
                else:
                    leftover += self._claim([node], file_service.id, None, path)
            if leftover:
                self._add_section(file_service.id, Section(head=None, nodes=leftover))

    @staticmethod
    def _is_file_title(notes_file: NotesFile, nodes: list[Node]) -> bool:
        """Is the file's first block its title: a heading that holds all the
        rest, or, in outline text, a title on the file's first line?"""
        first = nodes[0]
        if sum(1 for n in nodes if n.kind is Kind.HEADING and n.level <= first.level) == 1:
            return True
        opening = next(line for line in notes_file.lines if line.text.strip())
        return notes_file.fmt is Format.OUTLINE and opening in first.lines

    def _file_service(self, path: str) -> tuple[Service | None, bool]:
        """(the service a notes file is named after, is it a file of exam
        questions). The file's own name counts first, then its folders',
        nearest first."""
        parts = path.split("/")
        parts = parts[1:] if len(parts) > 1 else parts  # the notes folder itself says nothing
        names = [parts[-1].rsplit(".", 1)[0], *list(reversed(parts[:-1]))]
        exam_file = bool(self.exam_re.search(re.sub(r"[-_]+", " ", names[0])))
        for index, name in enumerate(names):
            words = ENUMERATION_RE.sub("", re.sub(r"[-_]+", " ", name).strip() + " ", count=1).strip()
            service = self._service_named_by(words)
            if service is not None:
                return service, exam_file
            if index == 0 and self._names_services(words):
                return None, exam_file  # "notes-ec2-ebs.md" names two: its folder does not decide
        return None, exam_file

    def _names_services(self, name: str) -> list[Service]:
        hits = self.catalogue.heads(name) or self.catalogue.heads(name.upper())
        return list({h.payload.service.id: h.payload.service for h in hits if not h.payload.is_keyword}.values())

    def _service_named_by(self, name: str) -> Service | None:
        """The one service a file or folder name names, among words a file name may carry."""
        if not name:
            return None
        exact = self.catalogue.named(name)  # in any case: file names are often lower case ("sqs.md")
        if exact is not None:
            return exact
        # In capitals every name matches whatever its case rule ("notes-elb" names ELB).
        hits = self.catalogue.heads(name) or self.catalogue.heads(name.upper())
        name = name if self.catalogue.heads(name) else name.upper()
        services = {h.payload.service.id: h.payload.service for h in hits if not h.payload.is_keyword}
        if len(services) == 1:
            rest = name
            for hit in reversed(hits):
                rest = rest[:hit.start] + " " + rest[hit.end:]
            if all(word.casefold() in FILE_NAME_WORDS for word in rest.split()):
                return next(iter(services.values()))
        if not hits and len(name.split()) <= 3:
            return self.catalogue.misspelt_title(name)
        return None


def split_by_service(files: list[NotesFile], catalogue: Catalogue,
                     exam_markers: tuple[str, ...] = DEFAULT_EXAM_MARKERS) -> SplitNotes:
    splitter = _Splitter(catalogue, exam_markers)
    for notes_file in files:
        splitter.split_file(notes_file)
    out = splitter.out
    for key, group in list(out.groups.items()):
        if not group.services:  # its sections all went elsewhere: no topic page, its text is General's
            out.general += [Section(head=None, nodes=[intro.head.with_children(intro.nodes)] if intro.head
                                    else intro.nodes) for intro in group.intro]
            del out.groups[key]
    return out
