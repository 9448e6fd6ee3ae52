"""The shapes that flow through the pipeline, and its one error type.

Plain data: nothing here knows about MkDocs. Every record carries the file and
1-based line it came from, so every message can cite ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class NotesError(Exception):
    """Bad input. ``str(error)`` is the one line shown to the user:
    ``file:line: what is wrong (what is allowed)``."""

    def __init__(self, path: str, line: int | None, problem: str, allowed: str = "") -> None:
        where = f"{path}:{line}" if line else path
        message = f"{where}: {problem}"
        if allowed:
            message += f" ({allowed})"
        super().__init__(message)
        self.path = path
        self.line = line


class Kind(str, Enum):
    BULLET = "bullet"      # •, -, * ... item
    NUMBERED = "numbered"  # 1. / 1) item
    HEADING = "heading"    # Markdown ATX heading
    PARAGRAPH = "paragraph"
    CODE = "code"          # fenced, or detected YAML/JSON block in outline text
    RAW = "raw"            # Markdown kept as written: a table, block quote or rule
    HTML = "html"          # a Markdown file's raw HTML block (sanitised when written)


class Format(str, Enum):
    OUTLINE = "outline"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class SourceLine:
    path: str  # as shown to the user, e.g. "notes/aws.txt"
    number: int  # 1-based
    text: str  # the raw line, tabs expanded, no newline


@dataclass
class Node:
    """One block of the notes: a list item, heading, paragraph or code block.

    ``text`` is the block's own text without its marker (for a code block,
    the code; for a Markdown paragraph, its lines joined with newlines).
    ``lines`` are the source lines the block itself occupies (not its
    children's), so the nothing-lost check can account for every line.
    """

    kind: Kind
    text: str
    lines: list[SourceLine]
    fmt: Format
    indent: int = 0
    level: int = 0  # heading level (1-6); 0 otherwise
    number: str = ""  # the written number of a numbered item, e.g. "1"
    language: str = ""  # code blocks: "yaml", "json" or the fence's info string
    children: list[Node] = field(default_factory=list)
    anchor: str = ""  # headings: the GitHub-style anchor its file's links use ("18-dynamodb")

    @property
    def first_line(self) -> SourceLine:
        return self.lines[0]

    def walk(self):
        """This node and all its descendants, in document order."""
        stack = [self]  # a stack, not nested generators: the pipeline walks every node several times
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def with_children(self, children: list[Node]) -> Node:
        """A copy with other children (faster than ``dataclasses.replace``)."""
        return Node(self.kind, self.text, self.lines, self.fmt, self.indent, self.level, self.number,
                    self.language, children, self.anchor)

    def all_lines(self) -> list[SourceLine]:
        return [line for node in self.walk() for line in node.lines]


LineKey = tuple[str, int]  # (notes path, line number): a block's identity on every page


def key_of(node: Node) -> LineKey:
    return (node.first_line.path, node.first_line.number)


@dataclass(frozen=True)
class LinkTarget:
    """A link reference definition of a Markdown file (``[label]: href "title"``)."""

    href: str
    title: str = ""


@dataclass
class NotesFile:
    path: str
    fmt: Format
    nodes: list[Node]  # top-level nodes
    lines: list[SourceLine]  # every line of the file, blank ones included
    # Lines a reader of the file never sees rendered (link reference
    # definitions, HTML comments, front matter), with why: they show on the
    # notes-source page only, and the nothing-lost check knows it.
    hidden: dict[int, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # "file:line: ..." for the build log, not errors
    references: dict[str, LinkTarget] = field(default_factory=dict)  # normalised label -> target

    @property
    def line_count(self) -> int:
        return len(self.lines)
