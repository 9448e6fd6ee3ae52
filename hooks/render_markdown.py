"""Turn notes blocks into Markdown that says exactly what the notes say.

Outline text is escaped so that only the markup the notes already use keeps
its meaning: `code`, **bold** and ==highlight==. Everything else, raw HTML
included, shows as written. Markdown notes keep their Markdown, but raw HTML
is still shown as text, never run.
"""

from __future__ import annotations

import re

from notes_model import Format, Kind, Node

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


# An admonition line shows only its first word unless it has a quoted title.
LOSSY_ADMONITION_RE = re.compile(r'^(\s*)(!!!|\?\?\?\+?)(?=\s*[\w-]+\s+[^"\s])(?![^\n]*")', re.MULTILINE)


def escape_markdown_html(text: str) -> str:
    """Markdown notes: keep the Markdown, show raw HTML as text, and show as
    text an admonition line that would hide some of its words."""
    literal = {"!": "\\!", "?": "&#63;", "+": "\\+"}  # "?" has no Markdown escape
    text = LOSSY_ADMONITION_RE.sub(lambda m: m.group(1) + "".join(literal[c] for c in m.group(2)), text)
    def plain(segment: str) -> str:
        # "{% tag %}" or "{{ x }}" is text, not attributes (attr_list reads "{: .class }", "{ #id }").
        return re.sub(r"\{(?!\s*[:#.])", r"\\{", segment.replace("<", "&lt;"))

    out: list[str] = []
    pos = 0
    for match in CODE_SPAN_RE.finditer(text):
        out.append(plain(text[pos:match.start()]))
        out.append(match.group())
        pos = match.end()
    out.append(plain(text[pos:]))
    return "".join(out)


def inline(node: Node) -> str:
    if node.fmt is Format.OUTLINE:
        return escape_outline(node.text)
    return escape_markdown_html(node.text)


def _key(node: Node) -> tuple[str, int]:
    return (node.first_line.path, node.first_line.number)


def _fence(code: str, language: str, indent: str) -> list[str]:
    longest = max((len(m.group()) for m in re.finditer(r"`+", code)), default=0)
    ticks = "`" * max(3, longest + 1)
    language = re.sub(r"[^\w+-]", "", language)
    lines = [f"{indent}{ticks}{language}"]
    lines += [f"{indent}{line}" if line else "" for line in code.split("\n")]
    lines.append(f"{indent}{ticks}")
    return lines


class MarkdownWriter:
    """Render a list of sibling blocks. ``heading_shift`` re-levels Markdown
    headings so a section's own headings sit under the page title;
    ``promote_headings`` turns short outline items that have sub-items into
    ``##`` headings, which gives long pages a table of contents."""

    def __init__(self, heading_base: int = 2, promote_headings: bool = False, heading_shift: int = 0,
                 after: dict | None = None, suffix: dict | None = None) -> None:
        self.heading_base = heading_base
        self.promote = promote_headings
        self.heading_shift = heading_shift
        # Keyed by (path, line) of a block: Markdown blocks to put after a
        # top-level block, and inline HTML to put after a block's own text.
        self.after = after or {}
        self.suffix = suffix or {}
        self._promoted: set[int] = set()

    def render(self, nodes: list[Node]) -> str:
        self._promoted = self._promotable(nodes) if self.promote else set()
        return "\n".join(self._blocks(nodes, "", top=True)).strip("\n") + "\n"

    @staticmethod
    def _promotable(nodes: list[Node]) -> set[int]:
        """Top-level items to show as headings. Only when every item from the
        first such item on is one: a heading claims what follows it, and a
        plain item after a heading would read as part of it."""
        def short_parent(node: Node) -> bool:
            return (node.fmt is Format.OUTLINE and node.kind is Kind.BULLET and bool(node.children)
                    and len(node.text) <= PROMOTE_MAX_CHARS and "\n" not in node.text)
        first = next((i for i, node in enumerate(nodes) if short_parent(node)), None)
        if first is None or not all(short_parent(node) for node in nodes[first:]):
            return set()
        return {id(node) for node in nodes[first:]}

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
            lines += block.split("\n") + [""]
        return lines

    def _item(self, node: Node, indent: str) -> list[str]:
        marker = f"{node.number}. " if node.kind is Kind.NUMBERED else "- "
        text_lines = (inline(node) + self.suffix.get(_key(node), "")).split("\n")
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
        if node.kind is Kind.HEADING or self._is_promoted(node, top):
            if indent:  # a heading cannot sit inside a list: keep it as bold text
                lines = [indent + "**" + inline(node).replace("\n", " ") + "**", ""]
                return lines + self._blocks(node.children, indent)
            level = self.heading_base if node.kind is not Kind.HEADING else \
                max(self.heading_base, min(6, node.level + self.heading_shift))
            text = inline(node).replace("\n", " ").rstrip(":").rstrip() if node.fmt is Format.OUTLINE \
                else inline(node).replace("\n", " ")
            lines = ["#" * level + " " + (text or "\\#"), ""]
            writer = self
            if node.kind is not Kind.HEADING:
                writer = MarkdownWriter(self.heading_base + 1, False, self.heading_shift, suffix=self.suffix)
            return lines + writer._blocks(node.children, indent, top=node.kind is Kind.HEADING)
        # a paragraph
        lines = [indent + t for t in (inline(node) + self.suffix.get(_key(node), "")).split("\n")]
        if node.children:
            lines.append("")
            lines += self._blocks(node.children, indent + "    " if indent else indent)
        return lines
