"""Names and links for pages: one slug rule and one relative-link rule, so
anchors and links made in different steps always agree."""

from __future__ import annotations

import re

_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "section") -> str:
    """"Networking & Content Delivery" -> "networking-content-delivery"."""
    return _NOT_SLUG_RE.sub("-", text.casefold()).strip("-") or fallback


def relative_uri(from_uri: str, to_uri: str) -> str:
    """Relative link between two source paths ("services/sqs.md" -> "glossary.md"
    is "../glossary.md"); MkDocs checks it and rewrites it for the build mode."""
    return "../" * from_uri.count("/") + to_uri
