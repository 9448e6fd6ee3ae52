"""Step 1 of the pipeline: read notes files into trees of blocks.

Two formats:

* **Markdown** (``read_markdown.py``): read the way GitHub shows it, with
  markdown-it-py.
* **Outline text** (``read_outline.py``): bullets, indentation and title
  lines, one block per line.

A ``.md`` or ``.markdown`` file is Markdown, unless it is really an outline
typed into a Markdown file: nearly every line indented four spaces or more
(which Markdown would show as one big code block) and no list at the left
margin. A ``.txt`` file is outline text, unless it has ``#`` headings and no
• bullets, which makes it Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

from notes_model import Format, NotesError, NotesFile, SourceLine
from read_markdown import read_markdown
from read_outline import FENCE_RE, read_outline

NOTES_SUFFIXES = (".txt", ".md", ".markdown")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp")  # no SVG: it can hold scripts
ATX_START_RE = re.compile(r"#{1,6}[ \t]")
LIST_START_RE = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]")
CODE_INDENT = 4
INDENTED_OUTLINE_SHARE = 0.6  # of a Markdown file's lines, outside fences, indented as code

UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")  # a lead byte and a continuation byte
# C0 control characters other than tab and newline. Python-Markdown uses
# \x02 and \x03 internally, and none of them belong in notes.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")


def read_notes_dir(notes_dir: Path, display_prefix: str = "notes") -> list[NotesFile]:
    """Read every .txt and .md file under ``notes_dir``, sorted by path."""
    if not notes_dir.is_dir():
        raise NotesError(display_prefix + "/", None, "the notes folder does not exist",
                         "create it and put .txt or .md notes files in it, or set extra.cramdown.notes in mkdocs.yml")
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


def notes_images(notes_dir: Path, display_prefix: str = "notes") -> dict[str, Path]:
    """Images kept beside the notes (``notes/images/vpc.png``), which the
    notes may show: display path -> file."""
    if not notes_dir.is_dir():
        return {}
    return {f"{display_prefix}/{p.relative_to(notes_dir).as_posix()}": p
            for p in sorted(notes_dir.rglob("*")) if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES}


def read_notes_file(path: str, data: bytes) -> NotesFile:
    decoding: list[str] = []
    text = decode_notes(path, data, decoding)
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
    if fmt is Format.MARKDOWN:
        nodes, hidden, notices, references = read_markdown(path, lines)
        return NotesFile(path=path, fmt=fmt, nodes=nodes, lines=lines, hidden=hidden, notices=decoding + notices,
                         references=references)
    nodes, notices = read_outline(path, lines)
    return NotesFile(path=path, fmt=fmt, nodes=nodes, lines=lines, notices=decoding + notices)


def decode_notes(path: str, data: bytes, notices: list[str] | None = None) -> str:
    """UTF-8, or Windows-1252 for a file written by an older Windows editor
    (no UTF-8 in it at all; ``notices`` hears of it). A file that mixes the
    two is an error: any guess would garble some of it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if not UTF8_SEQUENCE_RE.search(data):
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                if notices is not None:
                    notices.append(f"{path}: not UTF-8, so it was read as Windows-1252 (save it as UTF-8 to be sure "
                                   "every character shows as you wrote it)")
                return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8")) + 1  # characters, as an editor counts
        raise NotesError(path, line,
                         f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column})",
                         "save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _outside_fences(lines: list[SourceLine]):
    """The non-blank lines that are not inside a fenced code block."""
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
        if fence is None and stripped:
            yield line


def detect_format(path: str, lines: list[SourceLine]) -> Format:
    if path.lower().endswith((".md", ".markdown")):
        body = list(_outside_fences(lines))
        deep = sum(1 for line in body if len(line.text) - len(line.text.lstrip()) >= CODE_INDENT)
        listed = any(LIST_START_RE.match(line.text.lstrip()) and len(line.text) - len(line.text.lstrip()) < CODE_INDENT
                     for line in body)
        if body and deep >= INDENTED_OUTLINE_SHARE * len(body) and not listed:
            return Format.OUTLINE
        return Format.MARKDOWN
    has_heading = has_unicode_bullet = False
    for line in _outside_fences(lines):
        stripped = line.text.lstrip()
        if stripped.startswith("•"):
            has_unicode_bullet = True
        elif ATX_START_RE.match(stripped):
            has_heading = True
    return Format.MARKDOWN if has_heading and not has_unicode_bullet else Format.OUTLINE
