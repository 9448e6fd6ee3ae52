"""Read a Markdown notes file into blocks, with the structure GitHub shows.

markdown-it-py reads the file (CommonMark with GFM tables and front matter);
this module turns its block tokens, each with its source lines, into the
pipeline's ``Node`` trees. Rules:

* **Headings** of both kinds (``## SQS`` and ``SQS`` underlined with ``---``)
  hold everything up to the next heading of the same or a higher level. Each
  gets the anchor GitHub gives it, so the notes' own links can find it.
* **A list item**'s own text is its first paragraph; its other blocks are
  its children.
* **Questions**: a paragraph of "Q: ..." / "A: ..." lines is one block per
  question (Markdown would run them together).
* **Tables, block quotes and rules** are kept as written (``RAW``); raw HTML
  blocks (``HTML``) are sanitised when a page is written.
* **Hidden lines**: link reference definitions, HTML comments and front
  matter show on no page (as on GitHub); they are recorded with why.
* **A fence that is never closed** would swallow the rest of the file. It
  is ended on the blank line before the next heading, and a notice says
  where it opened.
"""

from __future__ import annotations

import itertools
import re
import textwrap

from markdown_it.tree import SyntaxTreeNode

from markdown_text import COMMONMARK, github_slug, unique_slug, visible_text
from notes_model import Format, Kind, LinkTarget, Node, SourceLine

ATX_HEADING_RE = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
CLOSING_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
HTML_COMMENT_BLOCK_RE = re.compile(r"\s*<!--.*-->\s*$", re.DOTALL)
QUESTION_LINE_RE = re.compile(r"\s*(?:Q|Question)\s*[:.)]\s", re.IGNORECASE)
KEPT_AS_WRITTEN = {"table": "table", "blockquote": "block quote", "hr": "rule"}


class _Reader:
    def __init__(self, path: str, lines: list[SourceLine]) -> None:
        self.path = path
        self.lines = lines
        self.hidden: dict[int, str] = {}
        self.notices: list[str] = []

    # -- whole file --------------------------------------------------------

    def read(self) -> tuple[list[Node], dict[str, LinkTarget]]:
        texts = [line.text for line in self.lines]
        env: dict = {}
        tokens = COMMONMARK.parse("\n".join(texts), env)
        patched = self._end_runaway_fences(tokens, texts)
        if patched:
            env = {}
            tokens = COMMONMARK.parse("\n".join(texts), env)
        root = SyntaxTreeNode(tokens)
        blocks = [node for child in root.children for node in self._blocks(child)]
        references: dict[str, LinkTarget] = {}
        for label, ref in env.get("references", {}).items():
            references[label] = LinkTarget(ref["href"], ref.get("title") or "")
            if ref.get("map"):
                for index in range(ref["map"][0], ref["map"][1]):
                    self._hide(index, "link reference definition")
        nodes = _nest_headings(blocks)
        used: dict[str, int] = {}
        for top in nodes:
            for node in top.walk():
                if node.kind is Kind.HEADING:
                    node.anchor = unique_slug(github_slug(visible_text(node.text.replace("\n", " "))), used)
        return nodes, references

    def _end_runaway_fences(self, tokens, texts: list[str]) -> bool:
        """Close each top-level fence that runs to the end of the file on the
        blank line before the first heading inside it; say where it opened."""
        patched = False
        for token in tokens:
            if token.type != "fence" or token.level != 0 or not token.map:
                continue
            start, end = token.map
            last = texts[end - 1] if end - 1 > start else ""
            closing = CLOSING_FENCE_RE.match(last)
            if closing and closing.group(1)[0] == token.markup[0] and len(closing.group(1)) >= len(token.markup):
                continue
            where = f"{self.path}:{start + 1}"
            for index in range(start + 2, end):
                if ATX_HEADING_RE.match(texts[index]) and not texts[index - 1].strip():
                    indent = len(texts[start]) - len(texts[start].lstrip())
                    texts[index - 1] = " " * indent + token.markup
                    self.notices.append(f"{where}: this code fence is never closed, so it was ended before the "
                                        f"heading on line {index + 1} (close it with {token.markup} on a line "
                                        "of its own)")
                    patched = True
                    break
            else:
                self.notices.append(f"{where}: this code fence is never closed, so the rest of the file shows as "
                                    f"code (close it with {token.markup} on a line of its own)")
        return patched

    # -- blocks ------------------------------------------------------------

    def _hide(self, index: int, why: str) -> None:
        if self.lines[index].text.strip():
            self.hidden[index + 1] = why

    def _source(self, node: SyntaxTreeNode) -> list[SourceLine]:
        start, end = _span(node)
        return self.lines[start:end]

    def _node(self, kind: Kind, text: str, source: list[SourceLine], **fields) -> Node:
        first = source[0].text
        return Node(kind, text, source, Format.MARKDOWN, indent=len(first) - len(first.lstrip()), **fields)

    def _blocks(self, node: SyntaxTreeNode) -> list[Node]:
        kind = node.type
        if kind == "heading":
            return [self._node(Kind.HEADING, node.children[0].content, self._source(node), level=int(node.tag[1]))]
        if kind == "paragraph":
            return self._paragraphs(node)
        if kind in ("bullet_list", "ordered_list"):
            return [self._item(item, ordered=kind == "ordered_list") for item in node.children]
        if kind in ("fence", "code_block"):
            language = node.info.strip() if kind == "fence" else ""
            return [self._node(Kind.CODE, node.content.rstrip("\n"), self._source(node), language=language)]
        if kind == "html_block":
            source = self._source(node)
            if HTML_COMMENT_BLOCK_RE.match(node.content):
                for line in source:
                    self._hide(line.number - 1, "HTML comment")
                return []
            return [self._node(Kind.HTML, node.content.rstrip("\n"), source)]
        if kind == "front_matter":
            for index in range(*_span(node)):
                self._hide(index, "front matter")
            return []
        if kind in KEPT_AS_WRITTEN:
            source = self._source(node)
            return [self._node(Kind.RAW, textwrap.dedent("\n".join(line.text for line in source)), source)]
        raise AssertionError(f"unexpected Markdown block {kind!r}")  # every CommonMark block is handled above

    def _paragraphs(self, node: SyntaxTreeNode) -> list[Node]:
        """A paragraph, or one per question when it is a run of "Q: ..." /
        "A: ..." lines (Markdown would run them into one paragraph)."""
        source = self._source(node)
        content = node.children[0].content
        texts = content.split("\n")
        starts = [i for i, text in enumerate(texts) if QUESTION_LINE_RE.match(text)]
        if len(starts) < 2 or len(texts) != len(source):
            return [self._node(Kind.PARAGRAPH, content, source)]
        bounds = ([0] if starts[0] else []) + starts + [len(texts)]
        return [self._node(Kind.PARAGRAPH, "\n".join(texts[a:b]), source[a:b]) for a, b in itertools.pairwise(bounds)]

    def _item(self, item: SyntaxTreeNode, ordered: bool) -> Node:
        kind = Kind.NUMBERED if ordered else Kind.BULLET
        number = item.info if ordered else ""
        children = list(item.children)
        if children and children[0].type == "paragraph":
            first = children.pop(0)
            node = self._node(kind, first.children[0].content, self._source(first), number=number)
        else:  # an empty item, or one that starts with a fence or a list
            node = self._node(kind, "", [self.lines[_span(item)[0]]], number=number)
        node.children = [block for child in children for block in self._blocks(child)]
        return node


def _span(node: SyntaxTreeNode) -> tuple[int, int]:
    """A block's [start, end) line indexes; markdown-it maps every block."""
    if node.map is None:
        raise ValueError(f"markdown-it gave the {node.type} block no line map")
    return node.map


def _nest_headings(blocks: list[Node]) -> list[Node]:
    roots: list[Node] = []
    open_headings: list[Node] = []
    for block in blocks:
        if block.kind is Kind.HEADING:
            while open_headings and open_headings[-1].level >= block.level:
                open_headings.pop()
            (open_headings[-1].children if open_headings else roots).append(block)
            open_headings.append(block)
        else:
            (open_headings[-1].children if open_headings else roots).append(block)
    return roots


def read_markdown(path: str, lines: list[SourceLine]) -> tuple[list[Node], dict[int, str], list[str],
                                                                 dict[str, LinkTarget]]:
    """(top-level nodes, hidden lines, notices, link reference definitions) of a Markdown file."""
    reader = _Reader(path, lines)
    nodes, references = reader.read()
    return nodes, reader.hidden, reader.notices, references
