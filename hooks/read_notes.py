"""Step 1 of the pipeline: read notes files into trees of blocks.

Two input formats share one line-based parser:

* **Outline text**: bullets (•, -, * and other common bullet symbols),
  indentation, ``1.`` items and loose paragraphs, one block per line. A run of
  lines that is clearly YAML or JSON becomes a code block.
* **Markdown**: the same, plus ATX headings (``## SQS``), paragraphs that wrap
  over several lines, and inline Markdown kept as written.

Both formats understand fenced code (a ``#`` line inside a fence is code, not
a heading). A ``.md`` file is Markdown; a ``.txt`` file is Markdown only if it
has headings and no • bullets.

Nesting follows indentation, leniently: a line indented more than the one
before is its child however far it is indented, and a line that dedents to no
earlier level joins the nearest level above it. Tabs count as 4 columns. A
loose paragraph takes the indented lines after it as children only when it
introduces them (ends with ``:`` or ``?``); otherwise they stand beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from notes_model import Format, Kind, Node, NotesError, NotesFile, SourceLine

NOTES_SUFFIXES = (".txt", ".md")

# Bullet symbols people paste from word processors and outliners. ASCII ones
# need a space after them ("-5 °C" is not a bullet); the others do not.
UNICODE_BULLETS = "•◦▪▫‣⁃∙●○■□►▸▹➢➤→–—"
BULLET_RE = re.compile(
    r"(?:(?P<ascii>[-*+])[ \t]+|(?P<uni>[" + UNICODE_BULLETS + r"])[ \t]*)(?P<text>.*)$"
)
NUMBERED_RE = re.compile(r"(?P<number>\d{1,9})[.)][ \t]+(?P<text>.*)$")
HEADING_RE = re.compile(r"(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
FENCE_RE = re.compile(r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
ATX_START_RE = re.compile(r"#{1,6}[ \t]")
THEMATIC_BREAK_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")

# YAML detection for outline text: every line of the run is `key:` or
# `key: value` (or a `- item`), the first has no value, and something nests.
YAML_KEY_RE = re.compile(r"""(?:[A-Za-z0-9_][\w.\-/]*|"[^"]*"|'[^']*'):(?:[ \t]+\S.*)?$""")
YAML_ITEM_RE = re.compile(r"- \S")
YAML_HEAD_RE = re.compile(r"""(?:[A-Za-z0-9_][\w.\-/]*|"[^"]*"|'[^']*'):$""")

# C0 control characters other than tab and newline. Python-Markdown uses
# \x02 and \x03 internally, and none of them belong in notes.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")

INTRODUCING_ENDINGS = (":", "?")


@dataclass
class _Token:
    kind: Kind | None  # None for a blank line
    line: SourceLine
    indent: int
    text: str = ""
    level: int = 0
    number: str = ""


def read_notes_dir(notes_dir: Path, display_prefix: str = "notes") -> list[NotesFile]:
    """Read every .txt and .md file under ``notes_dir``, sorted by path."""
    if not notes_dir.is_dir():
        raise NotesError(display_prefix, None, "the notes folder does not exist",
                         "create it and put .txt or .md notes files in it")
    paths = sorted(
        (p for p in notes_dir.rglob("*") if p.is_file() and p.suffix.lower() in NOTES_SUFFIXES),
        key=lambda p: p.relative_to(notes_dir).as_posix(),
    )
    if not paths:
        raise NotesError(display_prefix + "/", None, "no notes files found",
                         "add at least one .txt or .md file")
    return [
        read_notes_file(f"{display_prefix}/{p.relative_to(notes_dir).as_posix()}", p.read_bytes())
        for p in paths
    ]


def read_notes_file(path: str, data: bytes) -> NotesFile:
    text = decode_notes(path, data)
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    lines = [SourceLine(path, i, raw.expandtabs(4).rstrip()) for i, raw in enumerate(raw_lines, 1)]
    for line in lines:
        bad = CONTROL_RE.search(line.text)
        if bad:
            raise NotesError(path, line.number,
                             f"control character U+{ord(bad.group()):04X} at column {bad.start() + 1}",
                             "notes must be plain text; delete the character")
    fmt = detect_format(path, lines)
    tokens = _tokenize(lines, fmt)
    return NotesFile(path=path, fmt=fmt, nodes=_build_tree(tokens, fmt), lines=lines)


def decode_notes(path: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8")) + 1  # characters, as an editor counts
        raise NotesError(path, line,
                         f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column})",
                         "save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(path: str, lines: list[SourceLine]) -> Format:
    if path.lower().endswith(".md"):
        return Format.MARKDOWN
    has_heading = has_unicode_bullet = False
    fence: str | None = None
    for line in lines:
        stripped = line.text.lstrip()
        fence_match = FENCE_RE.match(stripped)
        if fence_match:
            marker = fence_match.group("fence")
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not fence_match.group("info"):
                fence = None
            continue
        if fence is not None:
            continue
        if stripped.startswith("•"):
            has_unicode_bullet = True
        elif ATX_START_RE.match(stripped):
            has_heading = True
    return Format.MARKDOWN if has_heading and not has_unicode_bullet else Format.OUTLINE


def _indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _tokenize(lines: list[SourceLine], fmt: Format) -> list[_Token | Node]:
    """Turn lines into tokens; code blocks come out already as Nodes."""
    out: list[_Token | Node] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        indent = _indent_of(line.text)
        if not stripped:
            out.append(_Token(None, line, indent))
            i += 1
            continue
        fence_match = FENCE_RE.match(stripped)
        if fence_match:
            i = _take_fence(lines, i, indent, fence_match, fmt, out)
            continue
        if fmt is Format.OUTLINE:
            end = _yaml_block_end(lines, i)
            if end > i:
                block = lines[i:end]
                out.append(Node(Kind.CODE, "\n".join(b.text[indent:] for b in block), block, fmt,
                                indent=indent, language="yaml"))
                i = end
                continue
        out.append(_classify(line, stripped, indent, fmt))
        i += 1
    return out


def _take_fence(lines, i, indent, fence_match, fmt, out) -> int:
    marker = fence_match.group("fence")
    body: list[SourceLine] = []
    j = i + 1
    closed = False
    while j < len(lines):
        candidate = lines[j].text.strip()
        close = FENCE_RE.match(candidate)
        if close and close.group("fence")[0] == marker[0] and len(close.group("fence")) >= len(marker) \
                and not close.group("info"):
            closed = True
            break
        body.append(lines[j])
        j += 1
    block = lines[i:j + 1] if closed else lines[i:j]
    code = "\n".join(b.text[min(indent, _indent_of(b.text)):] for b in body)
    info = fence_match.group("info").split()
    out.append(Node(Kind.CODE, code, block, fmt, indent=indent, language=info[0] if info else ""))
    return j + 1 if closed else j


def _yaml_block_end(lines: list[SourceLine], start: int) -> int:
    """End (exclusive) of a YAML block starting at ``start``, or ``start`` if none."""
    first = lines[start].text
    base = _indent_of(first)
    if not YAML_HEAD_RE.match(first.strip()):
        return start
    end = start + 1
    nested = False
    while end < len(lines):
        text = lines[end].text
        stripped = text.strip()
        if not stripped or _indent_of(text) < base:
            break
        if not (YAML_KEY_RE.match(stripped) or YAML_ITEM_RE.match(stripped)):
            return start
        if BULLET_RE.match(stripped) and not YAML_ITEM_RE.match(stripped):
            return start
        nested = nested or _indent_of(text) > base
        end += 1
    return end if end - start >= 3 and nested else start


def _classify(line: SourceLine, stripped: str, indent: int, fmt: Format) -> _Token:
    if fmt is Format.MARKDOWN and indent < 4:
        heading = HEADING_RE.match(stripped)
        if heading:
            return _Token(Kind.HEADING, line, indent, (heading.group("text") or "").strip(),
                          level=len(heading.group("hashes")))
    if not THEMATIC_BREAK_RE.match(stripped):
        bullet = BULLET_RE.match(stripped)
        if bullet:
            return _Token(Kind.BULLET, line, indent, bullet.group("text").strip())
        numbered = NUMBERED_RE.match(stripped)
        if numbered:
            return _Token(Kind.NUMBERED, line, indent, numbered.group("text").strip(),
                          number=numbered.group("number"))
    return _Token(Kind.PARAGRAPH, line, indent, stripped)


def _takes_children(node: Node) -> bool:
    if node.kind in (Kind.BULLET, Kind.NUMBERED):
        return True
    if node.kind is Kind.PARAGRAPH:
        return node.text.rstrip().endswith(INTRODUCING_ENDINGS)
    return False


def _build_tree(tokens: list[_Token | Node], fmt: Format) -> list[Node]:
    roots: list[Node] = []
    headings: list[Node] = []  # open headings, outermost first
    stack: list[Node] = []  # open indented blocks inside the current heading
    previous_blank = True
    for token in tokens:
        if isinstance(token, _Token) and token.kind is None:
            previous_blank = True
            continue
        if isinstance(token, _Token) and token.kind is Kind.HEADING:
            while headings and headings[-1].level >= token.level:
                headings.pop()
            node = Node(Kind.HEADING, token.text, [token.line], fmt, token.indent, level=token.level)
            (headings[-1].children if headings else roots).append(node)
            headings.append(node)
            stack = []
            previous_blank = False
            continue
        if isinstance(token, Node):
            node = token
        else:
            # Markdown paragraphs wrap: a plain line right after a paragraph
            # or list item continues it.
            if (fmt is Format.MARKDOWN and token.kind is Kind.PARAGRAPH and not previous_blank
                    and stack and stack[-1].kind in (Kind.PARAGRAPH, Kind.BULLET, Kind.NUMBERED)
                    and token.indent >= stack[-1].indent):
                stack[-1].text += "\n" + token.text
                stack[-1].lines.append(token.line)
                continue
            node = Node(token.kind, token.text, [token.line], fmt, token.indent, number=token.number)
        while stack and (stack[-1].indent >= node.indent or not _takes_children(stack[-1])):
            stack.pop()
        container = stack[-1].children if stack else (headings[-1].children if headings else roots)
        container.append(node)
        stack.append(node)
        previous_blank = False
    return roots
