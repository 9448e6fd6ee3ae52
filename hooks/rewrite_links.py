"""Links in the notes keep working after the notes are split into pages.

Notes are written for another place (a GitHub repository, a folder of
files), and their links point at headings and files there. When a page is
written, each relative address in notes text is stamped with the notes file
it was written in; then every stamped link and image is rewritten (a
Python-Markdown tree processor). What is a link is decided as GitHub and
the reader decide it (CommonMark): brackets that only look like a link to
Python-Markdown (``[see](my notes.md)``, with a space) are escaped and
show as typed.

Where each kind of link goes:

* a web address (``http:``, ``https:``, ``mailto:``) stays;
* an anchor (``#18-dynamodb``) goes to the page and anchor where that heading
  landed (headings keep GitHub's anchors);
* a link to another notes file (``day1.md``, ``sections/vpc.md#limits``, a
  folder with a README) goes to the page that holds that file's first
  section, or to the heading it names;
* an image in the notes folder is published with the site and shown;
* anything else (a file outside the notes, a missing file or heading)
  becomes plain text: the link's words, or an image's alt text. There is no
  warning: the notes are not wrong, they were written for somewhere else.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from markdown_text import COMMONMARK
from site_paths import relative_uri

INDEX_NAMES = ("README.md", "readme.md", "Readme.md", "index.md", "README.txt")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# A relative link in notes text carries the notes file it was written in,
# ("cramdown-note:notes%2Fday1.md:#limits"), stamped when the page is written,
# so it resolves from there whichever files share its page.
NOTE_MARK = "cramdown-note:"
NOTE_MARK_RE = re.compile(re.escape(NOTE_MARK) + r"([^:]*):")
# "[text](" or "![alt](", up to the destination; the text may hold escapes and one level of [brackets].
LINK_START_RE = re.compile(r"(?<!\\)(!?)\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]\((\s*<?)")
RELATIVE_RE = re.compile(r"(?![A-Za-z][A-Za-z0-9+.-]*:|//)")  # not "https:", "mailto:" or "//host"


def stamp_note_links(markdown: str, notes_path: str) -> str:
    """Markdown notes text with each relative link or image destination
    stamped with ``notes_path``, and each "[text](...)" that CommonMark does
    not read as a link escaped (code spans are the caller's to leave out)."""
    if "](" not in markdown:
        return markdown
    return LINK_START_RE.sub(lambda m: _stamped_or_escaped(m, markdown, stamp(notes_path)), markdown)


def _stamped_or_escaped(match: re.Match[str], markdown: str, mark: str) -> str:
    """A link or image CommonMark reads there, its destination stamped when
    relative; anything else escaped, so Python-Markdown shows it as text too."""
    tokens = COMMONMARK.parseInline(markdown[match.start():match.end() + _paren_span(markdown, match.end())])
    children = tokens[0].children if tokens else None
    if not children or children[0].type not in ("link_open", "image"):
        return f"{match.group(1)}\\[{match.group(2)}]\\({match.group(3)}"
    return match.group() + mark if RELATIVE_RE.match(markdown, match.end()) else match.group()


def _paren_span(text: str, start: int) -> int:
    """How many characters from ``start`` (just after "(") to the ")" that
    balances it, that one included; the rest of the text if none does."""
    depth = 1
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1 - start
        index += 1
    return len(text) - start


def stamp(notes_path: str) -> str:
    return f"{NOTE_MARK}{quote(notes_path, safe='')}:"


@dataclass
class LinkMap:
    """Where everything the notes can link to ended up, for one build."""

    notes_prefix: str  # "notes": how notes paths start
    notes_files: set[str]  # "notes/day1.md"
    file_pages: dict[str, str]  # notes path -> the page with its first section
    landed: dict[tuple[str, str], tuple[str, str]]  # (notes path, GitHub anchor) -> (page, anchor)
    assets: dict[str, str]  # notes path of an image -> its path in the site

    def resolve(self, url: str, page: str, image: bool = False) -> str | None:
        """The URL to use on ``page``, or None to show the link as text."""
        stamped = NOTE_MARK_RE.match(url)
        if stamped is None:
            return url  # the web, or a link Cramdown wrote (unsafe schemes are safe_urls.py's job)
        notes_file = unquote(stamped.group(1))
        parts = urlsplit(url[stamped.end():])
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        return self._from(notes_file, path, fragment, page, image)

    def _from(self, notes_file: str, path: str, fragment: str, page: str, image: bool) -> str | None:
        if not path:  # "#anchor": a heading of the same notes file
            return self._at(self.landed.get((notes_file, fragment)), page)
        if path.startswith("/"):
            target = posixpath.normpath(self.notes_prefix + path)
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(notes_file), path))
        if target in self.assets:
            return quote(relative_uri(page, self.assets[target]))  # "my diagram (1).png"
        if image:
            return None
        notes = self._notes_file(target)
        if notes is None:
            return None
        if fragment:
            return self._at(self.landed.get((notes, fragment)), page) or self._at((self.file_pages[notes], ""), page)
        return self._at((self.file_pages[notes], ""), page) if notes in self.file_pages else None

    def _notes_file(self, target: str) -> str | None:
        if target in self.notes_files:
            return target
        for name in INDEX_NAMES:  # a folder: its README
            candidate = posixpath.join(target, name)
            if candidate in self.notes_files:
                return candidate
        return None

    @staticmethod
    def _at(landing: tuple[str, str] | None, page: str) -> str | None:
        if landing is None:
            return None
        target_page, anchor = landing
        base = "" if target_page == page else relative_uri(page, target_page)
        if anchor:
            return f"{base}#{anchor}"
        return base or "#"


def raw_html_url(assets: dict[str, str], notes_path: str, url: str, image: bool,
                 from_page: Callable[[str], str]) -> str | None:
    """An address in a notes file's raw HTML, while its page is written (only
    images in the notes folder and the web can be reached from there).
    ``from_page(site path)`` is that path as the page's own URL reaches it:
    MkDocs rewrites Markdown links for its URL style, but not raw HTML."""
    if SCHEME_RE.match(url) or url.startswith("//"):
        return url
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(notes_path), path))
    if target in assets:
        return quote(from_page(assets[target]))
    return None


def _unwrap(parent: etree.Element, element: etree.Element, replacement_text: str | None) -> None:
    """Put ``element``'s content (or ``replacement_text``) where it stood."""
    index = list(parent).index(element)
    text = replacement_text if replacement_text is not None else (element.text or "")
    tail = element.tail or ""
    children = [] if replacement_text is not None else list(element)
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
        tail = ""
    before = parent[index - 1] if index > 0 else None
    addition = text + (tail if not children else "")
    if not children and not text and not tail:
        return
    if children:
        if before is None:
            parent.text = (parent.text or "") + text
        else:
            before.tail = (before.tail or "") + text
        return
    if before is None:
        parent.text = (parent.text or "") + addition
    else:
        before.tail = (before.tail or "") + addition


class _RewriteLinks(Treeprocessor):
    def __init__(self, md: Markdown, extension: RewriteLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.current_page()
        links = self.extension.links()
        if page is None or links is None:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            # A "](" Python-Markdown did not take for a link shows as typed, without its stamp.
            if element.text and NOTE_MARK in element.text:
                element.text = NOTE_MARK_RE.sub("", element.text)
            if element.tail and NOTE_MARK in element.tail:
                element.tail = NOTE_MARK_RE.sub("", element.tail)
            if element.tag == "a" and element.get("href") is not None:
                url = links.resolve(element.get("href"), page)
                if url is None:
                    _unwrap(parents[element], element, None)
                else:
                    element.set("href", url)
            elif element.tag == "img" and element.get("src") is not None:
                url = links.resolve(element.get("src"), page, image=True)
                if url is None:
                    _unwrap(parents[element], element, element.get("alt") or "")
                else:
                    element.set("src", url)


class RewriteLinksExtension(Extension):
    """``current_page()`` gives the src uri of the page being converted (None to
    leave it alone), and ``links()`` the build's ``LinkMap``."""

    def __init__(self, current_page, links) -> None:
        super().__init__()
        self.current_page = current_page
        self.links = links

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After inline Markdown (20) has made the links; before the term linker
        # (7), so words of a link that became text can be linked, and before
        # MkDocs checks links (0).
        md.treeprocessors.register(_RewriteLinks(md, self), "cramdown_rewrite_links", 9)
