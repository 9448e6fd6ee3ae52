"""A notes file exactly as written, with its line numbers: where every
page's "lines 97–111" link goes."""

from __future__ import annotations

from render_markdown import escape_outline

from notes_model import NotesFile
from write_pages.common import PageContext, PageSpec, source_uri


def write(ctx: PageContext, notes_file: NotesFile) -> PageSpec:
    uri = source_uri(notes_file.path)
    body = [f"# {escape_outline(notes_file.path)}\n",
            "The notes exactly as written. Line numbers match your editor.\n",
            ctx.render("partials/cramdown/notes-source.html", lines=notes_file.lines)]
    meta = {"search": {"exclude": True}, "hide": ["toc"], "cramdown": {"kind": "source"}}
    return ctx.page(uri, notes_file.path, "source", meta, "\n".join(body), [])
