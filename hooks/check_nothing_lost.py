"""Step 8 of the pipeline: nothing lost. Every non-blank line of the notes must show on a built page.

Two checks:

* **Coverage**: every line was placed on some page by the pipeline, or is a
  line no reader sees by design (a link reference definition, an HTML
  comment, front matter: the reader records which and why).
* **Rendering**: each line's letters and digits appear, in order, in the text
  of its page's built HTML. Markup, punctuation and spacing are left out, as
  Markdown may fold or drop them; a swallowed block, an HTML tag that ate
  words or an escaping slip ("&amp;lt;") still shows as missing letters.

A line is read as it shows: outline text as typed, Markdown as CommonMark
shows it (a link's words, not its address; an image's alt text). When a line
does not read the same on its own, because it is part of a link or code span
that runs over several lines, its whole block is looked for instead, so the
check never reports a loss that did not happen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from render_markdown import markdown_for_page

from markdown_text import html_to_text, visible_text
from notes_model import Format, Kind, Node, NotesFile, SourceLine
from sanitise_html import sanitise_html_block

# Block markers are markup, not words: bullets, list numbers, heading hashes,
# quote marks at the line's start.
MARKER_RE = re.compile(r"^(?:\s*(?:[>•◦▪▫‣⁃∙●○■□►▸▹➢➤→–—]|(?:[-*+]|\d{1,9}[.)]|#{1,6})(?=\s|$)))*")
FENCE_LINE_RE = re.compile(r"^\s*(?:`{3,}|~{3,})[^`]*$")  # fence delimiters are markup, not content
NOT_WORD_RE = re.compile(r"[\W_]+")

LineKey = tuple[str, int]


def letters(text: str) -> str:
    """Letters and digits only, case folded: what must survive rendering."""
    return NOT_WORD_RE.sub("", text.casefold())


@dataclass(frozen=True)
class Block:
    """A block of the notes with what reading it needs: its file's link references."""

    node: Node
    references: dict


def blocks_by_line(files: list[NotesFile]) -> dict[LineKey, Block]:
    """The block each line of the notes belongs to."""
    owner: dict[LineKey, Block] = {}
    for notes_file in files:
        for top in notes_file.nodes:
            for node in top.walk():
                for line in node.lines:
                    owner.setdefault((line.path, line.number), Block(node, notes_file.references))
    return owner


def _shows(text: str, block: Block) -> str:
    """Outline text shows as typed; Markdown as CommonMark shows it once its
    HTML is sanitised the way the page's is (a tag that is not allowed shows as text)."""
    if block.node.fmt is not Format.MARKDOWN:
        return text
    return visible_text(markdown_for_page(text), block.references)


def line_letters(line: SourceLine, block: Block | None) -> str:
    """What the line must show, as ``letters``; "" when it shows nothing by design."""
    if block is not None and block.node.kind is Kind.CODE:
        if line in (block.node.lines[0], block.node.lines[-1]) and FENCE_LINE_RE.match(line.text):
            return ""  # the fence, not the code
        return letters(line.text)
    text = MARKER_RE.sub("", line.text, count=1)  # the pattern is anchored and can match nothing
    return letters(_shows(text, block) if block is not None else text)


def block_letters(block: Block) -> str:
    node = block.node
    if node.kind is Kind.CODE:
        return letters(node.text)
    if node.kind is Kind.HTML:
        return letters(html_to_text(sanitise_html_block(node.text)))
    return letters(_shows(node.text, block))


def page_letters(page_html: str) -> str:
    return letters(html_to_text(page_html))


def unplaced_lines(files: list[NotesFile], placed: set[LineKey]) -> list[SourceLine]:
    missing = []
    for notes_file in files:
        for line in notes_file.lines:
            if line.text.strip() and (line.path, line.number) not in placed and line.number not in notes_file.hidden:
                missing.append(line)
    return missing


def missing_from_page(lines: list[SourceLine], page_html: str, blocks: dict[LineKey, Block]) -> list[SourceLine]:
    if not lines:
        return []
    text = page_letters(page_html)
    missing = []
    cursor = 0  # lines mostly appear in page order: look on from the last one first
    for line in lines:
        block = blocks.get((line.path, line.number))
        wanted = line_letters(line, block)
        if not wanted:
            continue
        found = text.find(wanted, cursor)
        if found < 0:
            found = text.find(wanted)
        if found < 0 and block is not None:
            found = text.find(block_letters(block))
        if found < 0:
            missing.append(line)
        else:
            cursor = found
    return missing
