"""Turn notes blocks into Markdown that says exactly what the notes say.

Outline text is escaped so that only the markup the notes already use keeps
its meaning: `code`, **bold** and ==highlight==. Everything else, raw HTML
included, shows as written. Markdown notes keep their Markdown as GitHub
shows it: their HTML is sanitised (``sanitise_html.py``), and syntax that only
MkDocs knows (``!!! note``, ``{ #id }``) shows as typed.

Headings from the notes keep the anchor GitHub gives them (``{ #anchor }``),
so the notes' own links can still find them; ``MarkdownWriter.anchors``
records where each one landed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_text import unique_slug
from notes_model import Format, Kind, Node
from rewrite_links import stamp_note_links
from sanitise_html import UrlRewrite, outside_code, sanitise_html_block, sanitise_markdown

# Markup the outline notes use on purpose, kept as Markdown.
INLINE_MARKUP_RE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"  # `code`
    r"|\*\*(?P<bold>\S(?:.*?\S)?)\*\*"  # **bold**
    r"|==(?P<mark>\S(?:.*?\S)?)=="  # ==highlight==
)
# Characters Python-Markdown (with our extensions) would read as syntax. The
# "." and ")" among them also keep "1986. was a year" from becoming a list.
ESCAPE_RE = re.compile(r"([\\`*_\[\]{}()#+\-.!|=])")
PROMOTE_MAX_CHARS = 60
PROMOTE_MIN_NOTES = 10  # a section with more notes than this gets headings from its title lines
SENTENCE_END_RE = re.compile(r"[.!?;](?=\s|$)")  # "Serverless. Scales" or "Pay per call."
SENTENCE_START_RE = re.compile(r"^(?:this|that|it|there|these|those)\s+(?:is|are|was|were|has|have)\b", re.I)
WIDGET_FENCE = "calculator"
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def _backslash(match: re.Match) -> str:
    return "\\" + match.group(1)


def _escape_plain(text: str) -> str:
    # Measured on the notes: a function replacement beats a "\\\1" template
    # (expanded in Python per match), and str.replace beats str.translate.
    text = ESCAPE_RE.sub(_backslash, text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_outline(text: str) -> str:
    """Outline text -> Markdown that renders as the same text, keeping
    `code`, **bold** and ==highlight==."""
    if "`" not in text and "**" not in text and "==" not in text:  # most lines: no markup to keep
        return _escape_plain(text)
    out: list[str] = []
    pos = 0
    for match in INLINE_MARKUP_RE.finditer(text):
        out.append(_escape_plain(text[pos:match.start()]))
        if match.group("code"):
            out.append(match.group("code"))
        elif match.group("bold") is not None:
            out.append("**" + escape_outline(match.group("bold")) + "**")
        else:
            out.append("==" + escape_outline(match.group("mark")) + "==")
        pos = match.end()
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


# Python-Markdown extension syntax that GitHub shows as text: admonitions
# and collapsible blocks (at a line's start) and attribute lists.
EXTENSION_START_RE = re.compile(r"^(\s*)(!!!|\?\?\?\+?)", re.MULTILINE)
LITERAL = {"!": "\\!", "?": "&#63;", "+": "\\+"}  # "?" has no Markdown escape
# CommonMark lets a backslash escape any ASCII punctuation; Python-Markdown
# only these (and a table's "\\|"), and shows the backslash before the others.
BACKSLASH_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
PYTHON_MARKDOWN_ESCAPES = set("\\`*_{}[]()>#+-.!|")


def _literal_start(match: re.Match) -> str:
    return match.group(1) + "".join(LITERAL[c] for c in match.group(2))


def _braces(segment: str) -> str:
    return segment.replace("{", "\\{") if "{" in segment else segment


def _commonmark_escape(match: re.Match) -> str:
    char = match.group(1)
    if char in PYTHON_MARKDOWN_ESCAPES:
        return match.group()
    return {"<": "&lt;", "&": "&amp;"}.get(char, char)


def _escapes(segment: str) -> str:
    return BACKSLASH_ESCAPE_RE.sub(_commonmark_escape, segment) if "\\" in segment else segment


def markdown_for_page(text: str, urls: UrlRewrite | None = None, notes_path: str | None = None) -> str:
    """Markdown notes text, ready for the page: CommonMark's backslash
    escapes that Python-Markdown lacks made literal ("\\<type>", "\\$"), HTML
    sanitised (``urls`` rewrites raw HTML's addresses), and MkDocs-only
    syntax shown as typed; code spans untouched."""
    if "!!!" in text or "???" in text:
        text = EXTENSION_START_RE.sub(_literal_start, text)
    if "\\" in text:
        text = outside_code(text, _escapes)
    text = sanitise_markdown(text, urls)
    if notes_path is not None and "](" in text:  # links find their way from the file they were written in
        text = outside_code(text, lambda part: stamp_note_links(part, notes_path))
    return outside_code(text, _braces) if "{" in text else text


RawUrls = Callable[[str, str, bool], "str | None"]  # (notes path, url, is image) -> url on the page


def inline(node: Node, raw_urls: RawUrls | None = None) -> str:
    """A block's own text as page Markdown. ``raw_urls`` rewrites the
    addresses in a Markdown block's raw HTML."""
    if node.fmt is Format.OUTLINE:
        return escape_outline(node.text)
    path = node.first_line.path
    urls = (lambda url, image: raw_urls(path, url, image)) if raw_urls else None
    return markdown_for_page(node.text, urls, path)


def _key(node: Node) -> tuple[str, int]:
    return (node.first_line.path, node.first_line.number)


def _fence(code: str, info: str, indent: str) -> list[str]:
    longest = max((len(m.group()) for m in re.finditer(r"`+", code)), default=0)
    ticks = "`" * max(3, longest + 1)
    words = [re.sub(r"[^\w+-]", "", word) for word in info.split()]
    # The language only; a widget fence ("calculator dynamodb") keeps its name.
    language = " ".join(words) if words[:1] == [WIDGET_FENCE] else "".join(words[:1])
    lines = [f"{indent}{ticks}{language}"]
    lines += [f"{indent}{line}" if line else "" for line in code.split("\n")]
    lines.append(f"{indent}{ticks}")
    return lines


class PageAnchors:
    """The anchors of one page's headings, unique on the page, and where each
    notes heading landed: ``landed[(notes path, GitHub anchor)] = (page, anchor)``
    (anchor "" when the heading shows as no heading there: the top of the page)."""

    def __init__(self, uri: str, landed: dict) -> None:
        self.uri = uri
        self.used: dict[str, int] = {}
        self.landed = landed

    def take(self, node: Node) -> str:
        anchor = unique_slug(node.anchor, self.used)
        self.landed.setdefault((node.first_line.path, node.anchor), (self.uri, anchor))
        return anchor

    def top_of_page(self, node: Node) -> None:
        if node.anchor:
            self.landed.setdefault((node.first_line.path, node.anchor), (self.uri, ""))


def is_title_line(node: Node) -> bool:
    """Is this item a title for the notes under it ("Lambda Limits:", "DynamoDB
    Streams", "Event and Context objects in Lambda")? A short single line with
    notes under it that is not a sentence: no sentence end inside or at its
    end, no comma or "=" (a list or a sum), and not "This is ...". A numbered
    item is a step, never a title."""
    text = node.text.strip().rstrip(":").rstrip()
    return (node.kind in (Kind.BULLET, Kind.PARAGRAPH) and bool(node.children) and 0 < len(text) <= PROMOTE_MAX_CHARS
            and "\n" not in text and "," not in text and "=" not in text
            and not SENTENCE_END_RE.search(text) and not SENTENCE_START_RE.match(text))


def _note_count(node: Node) -> int:
    return len(node.lines) + sum(_note_count(child) for child in node.children)


class MarkdownWriter:
    """Render a list of sibling blocks. ``heading_shift`` re-levels Markdown
    headings so a section's own headings sit under the page title;
    ``promote_headings`` turns short outline items that have sub-items into
    ``##`` headings, which gives long pages a table of contents."""

    def __init__(self, heading_base: int = 2, promote_headings: bool = False, heading_shift: int = 0,
                 after: dict | None = None, suffix: dict | None = None, anchors: PageAnchors | None = None,
                 raw_urls: RawUrls | None = None) -> None:
        self.heading_base = heading_base
        self.promote = promote_headings
        self.heading_shift = heading_shift
        # Keyed by (path, line) of a block: Markdown blocks to put after a
        # top-level block, and inline HTML to put after a block's own text.
        self.after = after or {}
        self.suffix = suffix or {}
        self.anchors = anchors
        self.raw_urls = raw_urls
        self._promoted: set[int] = set()

    def render(self, nodes: list[Node]) -> str:
        self._promoted = self._promotable(nodes) if self.promote else set()
        return "\n".join(self._blocks(nodes, "", top=True)).strip("\n") + "\n"

    @staticmethod
    def _promotable(nodes: list[Node]) -> set[int]:
        """Top-level items to show as headings: the title lines of a section
        long enough to need a table of contents (see ``is_title_line``)."""
        if sum(_note_count(node) for node in nodes) <= PROMOTE_MIN_NOTES:
            return set()
        return {id(node) for node in nodes if is_title_line(node)}

    def _is_promoted(self, node: Node, top: bool) -> bool:
        return top and id(node) in self._promoted

    def _blocks(self, nodes: list[Node], indent: str, top: bool = False) -> list[str]:
        lines: list[str] = []
        previous: Node | None = None
        previous_lines: list[str] = []
        for node in nodes:
            if node.kind in (Kind.BULLET, Kind.NUMBERED) and not self._is_promoted(node, top):
                # Python-Markdown joins a list item to the list above it unless a
                # blank line separates them after a change of list type or after
                # a nested block that itself needed blank lines.
                if previous is not None and (previous.kind is not node.kind or "" in previous_lines):
                    lines.append("")
                item_lines = self._item(node, indent)
                lines += item_lines
                previous, previous_lines = node, item_lines
                if top and _key(node) in self.after:
                    lines += self._after(node)
                    previous_lines = [""]
                continue
            else:
                lines.append("")
                lines += self._block(node, indent, top)
                lines.append("")
                if top and _key(node) in self.after:
                    lines += self._after(node)
            previous, previous_lines = node, [""]
        return lines

    def _after(self, node: Node) -> list[str]:
        lines = [""]
        for block in self.after[_key(node)]:
            lines += [*block.split("\n"), ""]
        return lines

    def _item(self, node: Node, indent: str) -> list[str]:
        marker = f"{node.number}. " if node.kind is Kind.NUMBERED else "- "
        text_lines = (inline(node, self.raw_urls) + self.suffix.get(_key(node), "")).split("\n")
        child_indent = indent + "    "
        lines = [indent + marker + text_lines[0]] + [child_indent + t for t in text_lines[1:]]
        if node.children:
            if any(c.kind not in (Kind.BULLET, Kind.NUMBERED) for c in node.children):
                lines.append("")
            lines += self._blocks(node.children, child_indent)
        return lines

    def _block(self, node: Node, indent: str, top: bool) -> list[str]:
        if node.kind is Kind.CODE:
            return _fence(node.text, node.language, indent)
        if node.kind is Kind.RAW:
            return [indent + line if line else "" for line in inline(node, self.raw_urls).split("\n")]
        if node.kind is Kind.HTML:
            path, raw_urls = node.first_line.path, self.raw_urls
            urls = (lambda url, image: raw_urls(path, url, image)) if raw_urls else None
            return [indent + line if line else "" for line in sanitise_html_block(node.text, urls).split("\n")]
        if node.kind is Kind.HEADING or self._is_promoted(node, top):
            if indent:  # a heading cannot sit inside a list: keep it as bold text
                if self.anchors:
                    self.anchors.top_of_page(node)
                lines = [indent + "**" + inline(node, self.raw_urls).replace("\n", " ") + "**", ""]
                return lines + self._blocks(node.children, indent)
            level = self.heading_base if node.kind is not Kind.HEADING else \
                max(self.heading_base, min(6, node.level + self.heading_shift))
            text = inline(node, self.raw_urls).replace("\n", " ")
            if node.fmt is Format.OUTLINE:
                text = text.rstrip(":").rstrip()
            anchor = f" {{ #{self.anchors.take(node)} }}" if node.anchor and self.anchors else ""
            lines = ["#" * level + " " + (text or "\\#") + anchor, ""]
            writer = self
            if node.kind is not Kind.HEADING:
                writer = MarkdownWriter(self.heading_base + 1, False, self.heading_shift, suffix=self.suffix,
                                        anchors=self.anchors, raw_urls=self.raw_urls)
            return lines + writer._blocks(node.children, indent, top=node.kind is Kind.HEADING)
        # a paragraph
        lines = [indent + t for t in (inline(node, self.raw_urls) + self.suffix.get(_key(node), "")).split("\n")]
        if node.children:
            lines.append("")
            # A list it introduces nests under it; a paragraph or code under it
            # stays at its level (indented further, it would read as code).
            nested = indent and all(c.kind in (Kind.BULLET, Kind.NUMBERED) for c in node.children)
            lines += self._blocks(node.children, indent + "    " if nested else indent)
        return lines
