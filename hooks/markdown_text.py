"""What a reader sees of a piece of Markdown, the way GitHub shows it.

One CommonMark reader (markdown-it-py, with GFM tables and front matter) for
the whole pipeline: the Markdown notes reader builds its blocks with it, the
splitter reads headings' words with it, and the nothing-lost check knows
what a line must show through it. Python-Markdown still renders the pages.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin


# html=True: raw HTML is read as HTML (GitHub's reading); what may stay is
# decided when a page is written (sanitise_html.py).
class _Reader(MarkdownIt):
    """It only reads, never writes a page: a link reads as a link whatever its
    address ("[click](javascript:...)" shows "click"; safe_urls.py disarms it),
    and an autolink shows as typed ("%20" stays), as on the page."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it names it)
        return True

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802
        return link


COMMONMARK = _Reader("commonmark", {"html": True}).enable("table").use(front_matter_plugin)

TAG_RE = re.compile(r"<[^>]*>")
# An image shows its alt text.
IMG_ALT_RE = re.compile(r"""<img\b[^>]*?\balt=(?:"([^"]*)"|'([^']*)')[^>]*>""", re.IGNORECASE)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
# GitHub's heading anchors: lower case, punctuation and symbols dropped, spaces to hyphens.
NOT_SLUG_CHAR_RE = re.compile(r"[^\w\- ]")
# Characters that can change what Markdown shows; text without them shows as written.
MARKUP_CHARS_RE = re.compile(r"[\[<&\\`*_]")


def html_to_text(fragment: str) -> str:
    """The text a browser shows of an HTML fragment: tags out, images as
    their alt text, comments out, entities decoded."""
    fragment = COMMENT_RE.sub(" ", fragment)
    fragment = IMG_ALT_RE.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", fragment)
    return html.unescape(TAG_RE.sub(" ", fragment))


@lru_cache(maxsize=4096)
def _visible(inline_markdown: str) -> str:
    return html_to_text(COMMONMARK.renderInline(inline_markdown))


def visible_text(inline_markdown: str, references: dict | None = None) -> str:
    """The words an inline piece of Markdown shows: "[API Gateway](../README.md)"
    shows "API Gateway", "**SQS**" shows "SQS". ``references``: its file's link
    reference definitions (label -> LinkTarget), so "[the docs][ref]" shows "the docs"."""
    if not MARKUP_CHARS_RE.search(inline_markdown):
        return inline_markdown
    if references and "]" in inline_markdown:
        env = {"references": {label: {"href": target.href, "title": target.title}
                              for label, target in references.items()}}
        return html_to_text(COMMONMARK.renderInline(inline_markdown, env))
    return _visible(inline_markdown)


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading with this visible text ("18 DynamoDB" -> "18-dynamodb")."""
    return NOT_SLUG_CHAR_RE.sub("", text.strip().lower()).replace(" ", "-")


def unique_slug(slug: str, used: dict[str, int]) -> str:
    """GitHub's rule for repeated headings: "limits", "limits-1", "limits-2"."""
    count = used.get(slug)
    if count is None:
        used[slug] = 0
        return slug
    while True:
        count += 1
        candidate = f"{slug}-{count}"
        if candidate not in used:
            used[slug] = count
            used[candidate] = 0
            return candidate
