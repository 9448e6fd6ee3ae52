"""HTML in Markdown notes: what GitHub shows stays, and nothing ever runs.

Notes written for GitHub use a little HTML: ``<br>`` in table cells,
``<sup>``, ``<sub>``, ``<kbd>``, ``<img width=...>``, ``<details>``. Each tag
is judged on its own (found with markdown-it's CommonMark tag pattern):

* a tag on the allow-list stays, its attributes and URLs cleaned by nh3
  (event handlers, ``style`` and ``javascript:`` URLs go);
* any other tag (``<script>``, ``<your-bucket>``, ``<iframe>``) shows as
  text, as typed, so nothing of the notes is lost and nothing runs;
* an HTML comment is dropped, as GitHub hides it.

Code spans are left alone: Markdown shows them as typed. A caller may pass
``urls(url, image)`` to rewrite an allowed tag's ``src`` or ``href`` (None: an
image shows its alt text, a link keeps its words and loses its address).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import nh3
from markdown_it.common.html_re import HTML_TAG_RE

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "details": {"open"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Block elements whose content is Markdown on GitHub (<details> around a list).
MARKDOWN_INSIDE = frozenset({"details", "div"})

TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# What a "<" can start, as CommonMark reads it: a tag, an autolink, or nothing (text).
ANGLE_RE = re.compile(
    r"(?P<tag>" + HTML_TAG_RE.pattern + r")"
    r"|(?P<autolink><[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*>|<[^\s<>@\\]+@[^\s<>\\]+>)"
    r"|<")
VOID_TAGS = frozenset({"br", "col", "hr", "img", "wbr"})
URL_ATTRIBUTE_RE = re.compile(r'\s(src|href)="([^"]*)"')
ALT_RE = re.compile(r'\salt="([^"]*)"')
UrlRewrite = Callable[[str, bool], "str | None"]
BACKTICKS_RE = re.compile(r"`+")


def _clean_tag(tag: str, urls: UrlRewrite | None = None) -> str:
    """What one tag becomes: itself cleaned, nothing (a comment), or its text."""
    if tag.startswith("<!--"):
        return ""
    name_match = TAG_NAME_RE.match(tag)
    name = name_match.group(2).lower() if name_match else ""
    if name_match is None or name not in ALLOWED_TAGS:
        return tag.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if name_match.group(1):
        return f"</{name}>"
    cleaned = nh3.clean(tag, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, url_schemes=set(URL_SCHEMES),
                        link_rel=None)
    opening = cleaned[:cleaned.index(">") + 1] if ">" in cleaned else f"<{name}>"
    if urls is not None:
        attribute = URL_ATTRIBUTE_RE.search(opening)
        if attribute:
            url = urls(html.unescape(attribute.group(2)), name == "img")
            if url is None and name == "img":
                alt = ALT_RE.search(opening)
                return alt.group(1) if alt else ""
            replacement = "" if url is None else f' {attribute.group(1)}="{html.escape(url)}"'
            opening = opening[:attribute.start()] + replacement + opening[attribute.end():]
    if name in MARKDOWN_INSIDE:
        opening = opening[:-1] + ' markdown="1">'
    return opening


def sanitise_html(text: str, urls: UrlRewrite | None = None) -> str:
    """Every tag in ``text`` cleaned or shown as text. A "<" that starts no
    tag and no autolink ("<br/ >", "a < b") is text as CommonMark reads it,
    so it is escaped: Python-Markdown, more lenient, would take it for HTML
    and hide it."""
    if "<" not in text:
        return text

    def replace(match: re.Match) -> str:
        if match.group("tag"):
            return _clean_tag(match.group("tag"), urls)
        return match.group() if match.group("autolink") else "&lt;"

    return ANGLE_RE.sub(replace, text)


def sanitise_html_block(text: str, urls: UrlRewrite | None = None) -> str:
    """A raw HTML block, sanitised and balanced. On GitHub an HTML block ends
    at a blank line and what it left open is closed there; Python-Markdown
    would keep an unclosed <h1> open to the end of the page and show all the
    rest as raw text. So what the block leaves open is closed at its end,
    and a closing tag with nothing to close is dropped; <details> and <div>,
    which GitHub lets hold the Markdown blocks after them, are left alone."""
    cleaned = sanitise_html(text, urls)
    if "<" not in cleaned:
        return cleaned
    out: list[str] = []
    open_tags: list[str] = []
    position = 0
    for match in TAG_NAME_RE.finditer(cleaned):
        name = match.group(2).lower()
        if name in VOID_TAGS or name in MARKDOWN_INSIDE or name not in ALLOWED_TAGS:
            continue
        out.append(cleaned[position:match.start()])
        end = cleaned.index(">", match.start()) + 1
        position = end
        if not match.group(1):
            open_tags.append(name)
            out.append(cleaned[match.start():end])
        elif name in open_tags:
            while open_tags:
                closed = open_tags.pop()
                out.append(f"</{closed}>")
                if closed == name:
                    break
    out.append(cleaned[position:])
    out += [f"</{name}>" for name in reversed(open_tags)]
    return "".join(out)


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a run of backticks up to the next run
    of the same length, across lines too (CommonMark)."""
    runs = list(BACKTICKS_RE.finditer(text))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        opening = runs[index]
        for later in range(index + 1, len(runs)):
            if len(runs[later].group()) == len(opening.group()):
                spans.append((opening.start(), runs[later].end()))
                index = later + 1
                break
        else:
            index += 1
    return spans


def outside_code(text: str, change) -> str:
    """``text`` with ``change`` applied to every part outside code spans."""
    if "`" not in text:
        return change(text)
    out: list[str] = []
    position = 0
    for start, end in code_spans(text):
        out.append(change(text[position:start]))
        out.append(text[start:end])
        position = end
    out.append(change(text[position:]))
    return "".join(out)


def sanitise_markdown(text: str, urls: UrlRewrite | None = None) -> str:
    """Inline Markdown with its HTML tags cleaned; code spans as written."""
    return outside_code(text, lambda part: sanitise_html(part, urls)) if "<" in text else text
