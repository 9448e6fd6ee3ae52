"""Links and images in notes never run code: a ``javascript:``, ``vbscript:``
or ``data:text/html`` URL that Markdown notes turn into a link or image is
replaced by a harmless one ("#" for links, an empty data URL for images;
MkDocs expects every link and image to keep its URL), and the text stays.
(Raw HTML in notes is already shown as text.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

UNSAFE_URL_RE = re.compile(r"^\s*(?:javascript|vbscript|data\s*:\s*text/html)", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")


def _clean(url: str) -> str:
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    return re.sub(r"[\x00-\x20]+", "", url)


class _SafeUrls(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None and UNSAFE_URL_RE.match(_clean(value)):
                    element.set(attribute, "data:," if element.tag == "img" else "#")
                    element.set("data-cramdown-removed", "unsafe URL")


class SafeUrlsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After inline Markdown (20) has made the links; before MkDocs rewrites them (0).
        md.treeprocessors.register(_SafeUrls(md), "cramdown_safe_urls", 6)
