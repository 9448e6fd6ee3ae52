"""Nothing lost: every non-blank line of the notes must show on a built page.

Two checks. Coverage: every line was placed on some page by the pipeline.
Rendering: the line's words appear, in order, in the text of that page's
built HTML (markup characters and spacing aside), so an escaping slip or a
swallowed block is caught, not only a routing bug.
"""

from __future__ import annotations

import html
import re

from notes_model import NotesFile, SourceLine

# Block markers are markup, not words: any run of bullets, numbers, heading
# hashes, quote marks and admonition or details markers at the line's start.
MARKER_RE = re.compile(r"^(?:\s*(?:[>•◦▪▫‣⁃∙●○■□►▸▹➢➤→–—]|(?:[-*+]|\d{1,9}[.)]|#{1,6}|!!!|\?\?\?\+?)(?=\s|$)))*")
FENCE_LINE_RE = re.compile(r"^\s*(?:`{3,}|~{3,})[^`]*$")  # fence delimiters are markup, not content
IGNORED_CHARS = "*_`=#\\:|-"


# What a reader sees of HTML: an image's alt text, and the text between tags.
IMG_ALT_RE = re.compile(r"""<img\b[^>]*?\balt=(?:"([^"]*)"|'([^']*)')[^>]*>""", re.IGNORECASE)
TAG_RE = re.compile(r"<[^>]*>")


def comparable(text: str) -> str:
    """Text reduced to what must survive rendering: no markup characters
    (emphasis, table pipes and rules), colons or spacing, which Markdown may
    fold or drop."""
    # Case folds too: a Markdown admonition "!!! SQS" shows its title as "Sqs".
    # Whole pages go through here: split/join and replace run at C speed, about
    # twice as fast as one regex (or str.translate) on this job.
    text = "".join(text.split())
    for char in IGNORED_CHARS:
        text = text.replace(char, "")
    return text.casefold()


# A Markdown link or image shows its text, not its URL: [text](url) -> text.
LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([^)]*\)")


def line_texts(line: SourceLine) -> tuple[str, ...]:
    """What the line must show as: as written (outline text shows links
    literally) or, for Markdown links and images, their text alone."""
    text = line.text
    if FENCE_LINE_RE.match(text):
        return ()
    text = text[MARKER_RE.match(text).end():]
    if "](" not in text and "&" not in text:  # most lines: one way to show
        return (comparable(text),)
    variants = [text]
    if "](" in text:
        variants.append(LINK_RE.sub(r"\1", text))
    if "&" in text:
        # Outline text and code show "&amp;" as typed; Markdown shows it as "&".
        variants += [html.unescape(v) for v in variants]
    return tuple(dict.fromkeys(comparable(v) for v in variants))


def html_text(page_html: str) -> str:
    text = IMG_ALT_RE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", page_html)
    return comparable(html.unescape(TAG_RE.sub(" ", text)))


def unplaced_lines(files: list[NotesFile], placed: set[tuple[str, int]]) -> list[SourceLine]:
    missing = []
    for notes_file in files:
        for line in notes_file.lines:
            if line.text.strip() and (line.path, line.number) not in placed:
                missing.append(line)
    return missing


def missing_from_page(lines: list[SourceLine], page_html: str) -> list[SourceLine]:
    if not lines:
        return []
    text = html_text(page_html)
    missing = []
    cursor = 0  # lines mostly appear in page order: look on from the last one first
    for line in lines:
        wanted = line_texts(line)
        if not wanted or not wanted[0]:
            continue
        for variant in wanted:
            found = text.find(variant, cursor)
            if found >= 0:
                cursor = found
                break
        else:
            if not any(variant in text for variant in wanted):
                missing.append(line)
    return missing
