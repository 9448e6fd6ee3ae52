"""Links in the notes keep working after the notes are split into pages.

Notes are written for another place (a GitHub repository, a folder of
files), and their links point at headings and files there. Every link and
image on a page made from notes is rewritten (a Python-Markdown tree
processor, so Python-Markdown's own reading decides what a link is,
parentheses in URLs included):

* a web address (``http:``, ``https:``, ``mailto:``) or a page of the site stays;
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
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from site_paths import relative_uri

INDEX_NAMES = ("README.md", "readme.md", "Readme.md", "index.md", "README.txt")
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class LinkMap:
    """Where everything the notes can link to ended up, for one build."""

    notes_prefix: str  # "notes": how notes paths start
    notes_files: set[str]  # "notes/day1.md"
    file_pages: dict[str, str]  # notes path -> the page with its first section
    landed: dict[tuple[str, str], tuple[str, str]]  # (notes path, GitHub anchor) -> (page, anchor)
    assets: dict[str, str]  # notes path of an image -> its path in the site
    site_pages: set[str]  # src uri of every page of the site
    page_files: dict[str, list[str]] = field(default_factory=dict)  # page -> notes files it shows, in order

    def resolve(self, url: str, page: str, image: bool = False) -> str | None:
        """The URL to use on ``page``, or None to show the link as text."""
        if not url or SCHEME_RE.match(url) or url.startswith("//"):
            return url  # the web (unsafe schemes are safe_urls.py's job)
        parts = urlsplit(url)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path and not path.startswith("/") and \
                posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) in self.site_pages:
            return url  # a page of this site (the links Cramdown writes itself)
        for notes_file in self.page_files.get(page, ()) or [None]:
            found = self._from(notes_file, path, fragment, page, image)
            if found is not None:
                return found
        return None

    def _from(self, notes_file: str | None, path: str, fragment: str, page: str, image: bool) -> str | None:
        if not path:  # "#anchor": a heading of the same notes file
            if notes_file is None:
                return None
            return self._at(self.landed.get((notes_file, fragment)), page)
        if path.startswith("/"):
            target = posixpath.normpath(self.notes_prefix + path)
        elif notes_file is not None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(notes_file), path))
        else:
            return None
        if target in self.assets:
            return relative_uri(page, self.assets[target])
        if image:
            return None
        target = self._notes_file(target)
        if target is None:
            return None
        if fragment:
            return self._at(self.landed.get((target, fragment)), page) or self._at((self.file_pages[target], ""), page)
        return self._at((self.file_pages[target], ""), page) if target in self.file_pages else None

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


def raw_html_url(assets: dict[str, str], page: str, notes_path: str, url: str, image: bool) -> str | None:
    """An address in a notes file's raw HTML, while its page is written (only
    images in the notes folder and the web can be reached from there)."""
    if SCHEME_RE.match(url) or url.startswith("//"):
        return url
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(notes_path), path))
    if target in assets:
        return relative_uri(page, assets[target])
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
    leave it alone); ``links()`` the build's ``LinkMap``."""

    def __init__(self, current_page, links) -> None:
        super().__init__()
        self.current_page = current_page
        self.links = links

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After inline Markdown (20) has made the links; before the term linker
        # (7), so words of a link that became text can be linked, and before
        # MkDocs checks links (0).
        md.treeprocessors.register(_RewriteLinks(md, self), "cramdown_rewrite_links", 9)
