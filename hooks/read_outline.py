"""Read an outline-text notes file into blocks, one block per line.

Outline text is what people type in a plain editor or paste from an
outliner. It is read line by line:

* **Items**: bullets (•, -, * and other common bullet symbols, ``o`` and
  ``>``), numbered items (``1.``, ``2)``) and lettered items (``a)``, kept as
  written). Nesting follows indentation, leniently: a line indented more than
  the one before is its child however far it is indented, and a line that
  dedents to no earlier level joins the nearest level above it. Tabs count
  as 4 columns.
* **Titles** become headings, which hold everything up to the next title of
  the same or a higher level:
  - a title between two rules (``=====`` / ``SQS`` / ``=====``) or inside one
    (``===== SQS =====``, ``--- Limits ---``): level 1 for ``=``, ``*`` and
    ``#`` rules, 2 for the others;
  - a line underlined with ``===`` (level 1) or ``---`` (level 2);
  - a ``#`` line (``# Title``, ``## SQS``; ``#SQS`` with no space is one level deeper);
  - a short line in capitals, not just an acronym (``KINESIS``, ``API
    GATEWAY``; not ``SQS``): level 2;
  - a short line with no end punctuation that starts a block (a blank line
    or the file's start before it; right after it, plain text at its indent
    or, unless it ends with a colon, lines indented under it): level 3.
* **Paragraphs**: any other line. A loose paragraph takes the indented lines
  after it as children only when it introduces them (ends with ``:`` or ``?``).
* **Code**: fenced code, a run of lines that is clearly YAML or JSON, and a
  table aligned with spaces. A fence that is never closed ends at the first
  line indented less than it, a • bullet at its own indent or a title, and a
  notice says where it opened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notes_model import Format, Kind, Node, SourceLine

# Bullet symbols people paste from word processors and outliners. ASCII ones
# need a space after them ("-5 °C" is not a bullet); the others do not.
UNICODE_BULLETS = "•◦▪▫‣⁃∙●○■□►▸▹➢➤→–—"
BULLET_RE = re.compile(
    r"(?:(?P<ascii>[-*+o>])[ \t]+|(?P<uni>[" + UNICODE_BULLETS + r"])[ \t]*)(?P<text>.*)$"
)
NUMBERED_RE = re.compile(r"(?P<number>\d{1,9})[.)][ \t]+(?P<text>.*)$")
LETTERED_RE = re.compile(r"[a-z][.)][ \t]+\S")  # "a) first": kept as written, as a bullet
FENCE_RE = re.compile(r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
THEMATIC_BREAK_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")

# Titles.
RULE_RE = re.compile(r"([=\-*#~_+])\1{2,}$")  # "=====", "-----"
FRAMED_TITLE_RE = re.compile(r"(?P<rule>[=\-*#~])(?P=rule){1,}[ \t]+(?P<text>\S.*?)[ \t]+(?P=rule){2,}$")
HASH_TITLE_RE = re.compile(r"(?P<hashes>#{1,6})(?P<space>[ \t]*)(?P<text>[^#\s].*?)[ \t#]*$")
# In capitals, and not just an acronym ("KINESIS", "API GATEWAY"; not "SQS", "EC2").
CAPITALS_TITLE_RE = re.compile(r"(?=.*[A-Z]{4})[^a-z]*$")
TITLE_END_PUNCTUATION = (".", ",", ";", "!", "?", ")", "]")
TITLE_MAX_WORDS = 8
TITLE_MAX_CHARS = 60
RULE_LEVEL = {"=": 1, "*": 1, "#": 1}  # other rule characters: level 2
CAPITALS_LEVEL = 2
TITLE_LEVEL = 3

# YAML detection: every line of the run is `key:` or `key: value` (or a
# `- item`), the first has no value, and something nests.
YAML_KEY_RE = re.compile(r"""(?:[A-Za-z0-9_][\w.\-/]*|"[^"]*"|'[^']*'):(?:[ \t]+\S.*)?$""")
YAML_ITEM_RE = re.compile(r"- \S")
YAML_HEAD_RE = re.compile(r"""(?:[A-Za-z0-9_][\w.\-/]*|"[^"]*"|'[^']*'):$""")
# An aligned table: two or more lines whose columns are lined up with runs of spaces.
COLUMN_GAP_RE = re.compile(r"\S {2,}(?=\S)")

INTRODUCING_ENDINGS = (":", "?")


@dataclass
class _Token:
    kind: Kind | None  # None for a blank line
    line: SourceLine
    indent: int
    text: str = ""
    level: int = 0
    number: str = ""
    extra: tuple[SourceLine, ...] = ()  # rule lines that belong to a title


def _indent_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_title_text(text: str) -> bool:
    return (0 < len(text) <= TITLE_MAX_CHARS and len(text.split()) <= TITLE_MAX_WORDS
            and not text.endswith(TITLE_END_PUNCTUATION) and not _is_item(text))


def _is_item(stripped: str) -> bool:
    return bool(BULLET_RE.match(stripped) or NUMBERED_RE.match(stripped) or LETTERED_RE.match(stripped))


class _Reader:
    def __init__(self, path: str, lines: list[SourceLine]) -> None:
        self.path = path
        self.lines = lines
        self.notices: list[str] = []

    def _text(self, index: int) -> str:
        return self.lines[index].text.strip() if 0 <= index < len(self.lines) else ""

    def tokenize(self) -> list[_Token | Node]:
        """Turn lines into tokens; code blocks come out already as Nodes."""
        out: list[_Token | Node] = []
        lines = self.lines
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
                i = self._take_fence(i, indent, fence_match, out)
                continue
            end = self._block_end(i)
            if end > i:
                block = lines[i:end]
                out.append(Node(Kind.CODE, "\n".join(b.text[indent:] for b in block), block, Format.OUTLINE,
                                indent=indent, language=self._block_language(i)))
                i = end
                continue
            title, used = self._title(i, stripped, indent)
            if title is not None:
                out.append(title)
                i += used
                continue
            out.append(_classify(line, stripped, indent))
            i += 1
        return out

    # -- titles --------------------------------------------------------------

    def _title(self, i: int, stripped: str, indent: int) -> tuple[_Token | None, int]:
        """A title starting at line ``i``, and how many lines it takes."""
        line = self.lines[i]
        previous_blank = i == 0 or not self._text(i - 1)
        rule = RULE_RE.match(stripped)
        if rule:
            title = self._text(i + 1)
            if title and _is_title_text(title) and RULE_RE.match(self._text(i + 2) or "x") \
                    and self._text(i + 2)[0] == rule.group(1):
                return self._heading(i + 1, title, RULE_LEVEL.get(rule.group(1), 2),
                                     (line, self.lines[i + 2])), 3
            return None, 0
        if _is_item(stripped):
            return None, 0
        framed = FRAMED_TITLE_RE.match(stripped)
        if framed:
            return self._heading(i, framed.group("text"), RULE_LEVEL.get(framed.group("rule"), 2), ()), 1
        hashed = HASH_TITLE_RE.match(stripped)
        if hashed and len(hashed.group("text")) <= TITLE_MAX_CHARS * 2:
            level = min(6, len(hashed.group("hashes")) + (0 if hashed.group("space") else 1))
            return self._heading(i, hashed.group("text"), level, ()), 1
        underline = RULE_RE.match(self._text(i + 1))
        if underline and underline.group(1) in "=-" and len(stripped) <= TITLE_MAX_CHARS * 2 and previous_blank:
            return self._heading(i, stripped, 1 if underline.group(1) == "=" else 2, (self.lines[i + 1],)), 2
        if not _is_title_text(stripped.rstrip(":")):
            return None, 0
        if CAPITALS_TITLE_RE.match(stripped) and previous_blank:
            return self._heading(i, stripped, CAPITALS_LEVEL, ()), 1
        following = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        below = following.strip()
        # Text right after it at its indent, or (unless a colon makes it an
        # introducing paragraph) lines right under it: "SQS" over its bullets.
        if previous_blank and below and not RULE_RE.match(below) and not FENCE_RE.match(below) and (
                (_indent_of(following) == indent and not _is_item(below))
                or (_indent_of(following) > indent and not stripped.endswith(":"))):
            return self._heading(i, stripped, TITLE_LEVEL, ()), 1
        return None, 0

    def _heading(self, i: int, text: str, level: int, rules: tuple[SourceLine, ...]) -> _Token:
        line = self.lines[i]
        return _Token(Kind.HEADING, line, _indent_of(line.text), text.strip(), level=level, extra=rules)

    # -- code ------------------------------------------------------------------

    def _take_fence(self, i: int, indent: int, fence_match: re.Match, out: list) -> int:
        lines = self.lines
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
        if not closed:
            # A fence never closed would swallow the rest of the file: end it
            # where the outline clearly goes on.
            for k, line in enumerate(body):
                text = line.text.strip()
                bullet = BULLET_RE.match(text)
                if text and (_indent_of(line.text) < indent
                             or (_indent_of(line.text) == indent and bullet and bullet.group("uni"))
                             or self._title(i + 1 + k, text, _indent_of(line.text))[0] is not None):
                    body = body[:k]
                    while body and not body[-1].text.strip():
                        body.pop()
                    self.notices.append(f"{self.path}:{i + 1}: this code fence is never closed, so it was ended "
                                        f"before line {line.number} (close it with {marker} on a line of its own)")
                    break
            else:
                self.notices.append(f"{self.path}:{i + 1}: this code fence is never closed, so the rest of the "
                                    f"file shows as code (close it with {marker} on a line of its own)")
            j = i + 1 + len(body)
        block = lines[i:j + 1] if closed else lines[i:j]
        code = "\n".join(b.text[min(indent, _indent_of(b.text)):] for b in body)
        out.append(Node(Kind.CODE, code, block, Format.OUTLINE, indent=indent,
                        language=fence_match.group("info").strip()))
        return j + 1 if closed else j

    def _block_end(self, start: int) -> int:
        """End (exclusive) of a YAML block or an aligned table at ``start``, or ``start``."""
        end = _yaml_block_end(self.lines, start)
        return end if end > start else _aligned_table_end(self.lines, start)

    def _block_language(self, start: int) -> str:
        return "yaml" if _yaml_block_end(self.lines, start) > start else "text"


def _yaml_block_end(lines: list[SourceLine], start: int) -> int:
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


def _column_starts(text: str) -> set[int]:
    return {match.end() for match in COLUMN_GAP_RE.finditer(text)}


def _aligned_table_end(lines: list[SourceLine], start: int) -> int:
    """Two or more lines at one indent, none an item, that share a column
    start after a run of spaces: a table someone lined up by hand."""
    base = _indent_of(lines[start].text)
    columns: set[int] | None = None
    end = start
    while end < len(lines):
        text = lines[end].text
        stripped = text.strip()
        if not stripped or _indent_of(text) != base or _is_item(stripped) or FENCE_RE.match(stripped):
            break
        starts = _column_starts(text)
        shared = starts if columns is None else columns & starts
        if not shared:
            break
        columns = shared
        end += 1
    return end if end - start >= 2 else start


def _classify(line: SourceLine, stripped: str, indent: int) -> _Token:
    if not THEMATIC_BREAK_RE.match(stripped):
        bullet = BULLET_RE.match(stripped)
        if bullet:
            return _Token(Kind.BULLET, line, indent, bullet.group("text").strip())
        numbered = NUMBERED_RE.match(stripped)
        if numbered:
            return _Token(Kind.NUMBERED, line, indent, numbered.group("text").strip(),
                          number=numbered.group("number"))
        if LETTERED_RE.match(stripped):
            return _Token(Kind.BULLET, line, indent, stripped)
    return _Token(Kind.PARAGRAPH, line, indent, stripped)


def _takes_children(node: Node) -> bool:
    if node.kind in (Kind.BULLET, Kind.NUMBERED):
        return True
    if node.kind is Kind.PARAGRAPH:
        return node.text.rstrip().endswith(INTRODUCING_ENDINGS)
    return False


def _build_tree(tokens: list[_Token | Node]) -> list[Node]:
    roots: list[Node] = []
    headings: list[Node] = []  # open headings, outermost first
    stack: list[Node] = []  # open indented blocks inside the current heading
    for token in tokens:
        if isinstance(token, _Token) and token.kind is Kind.HEADING:
            while headings and headings[-1].level >= token.level:
                headings.pop()
            own = sorted([token.line, *token.extra], key=lambda line: line.number)
            node = Node(Kind.HEADING, token.text, own, Format.OUTLINE, token.indent, level=token.level)
            (headings[-1].children if headings else roots).append(node)
            headings.append(node)
            stack = []
            continue
        if isinstance(token, Node):
            node = token
        elif token.kind is None:  # a blank line
            continue
        else:
            node = Node(token.kind, token.text, [token.line], Format.OUTLINE, token.indent, number=token.number)
        while stack and (stack[-1].indent >= node.indent or not _takes_children(stack[-1])):
            stack.pop()
        container = stack[-1].children if stack else (headings[-1].children if headings else roots)
        container.append(node)
        stack.append(node)
    return roots


def read_outline(path: str, lines: list[SourceLine]) -> tuple[list[Node], list[str]]:
    """(top-level nodes, notices) of an outline-text file."""
    reader = _Reader(path, lines)
    return _build_tree(reader.tokenize()), reader.notices
