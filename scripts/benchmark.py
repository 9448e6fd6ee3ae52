"""Measure Cramdown and print a table. Numbers, not tests: this machine is
shared and noisy, so nothing here passes or fails.

Usage: .venv/bin/python scripts/benchmark.py
"""

from __future__ import annotations

import gzip
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def size_rows() -> list[tuple[str, str]]:
    rows = []
    total = 0
    for path in sorted(ASSETS.glob("cramdown*.*")):
        size = gzipped(path)
        total += size
        rows.append((f"gzip {path.name}", f"{size:,} B"))
    calculators = sum(gzipped(ASSETS / n) for n in ("cramdown-formulas.js", "cramdown-widgets.js", "cramdown.css"))
    rows.append(("gzip calculators' JS + all Cramdown CSS (target < 10 KB)", f"{calculators:,} B"))
    rows.append(("gzip all Cramdown JS and CSS", f"{total:,} B"))
    return rows


def linking_rows() -> list[tuple[str, str]]:
    """Term linking on the notes repeated 1x, 5x and 20x: its own time, and its
    share of converting the same Markdown to HTML."""
    import sys
    import time

    sys.path.insert(0, str(ROOT / "hooks"))
    import markdown

    from link_terms import LinkTermsExtension, TermLinker, build_matcher, load_glossary
    from read_notes import read_notes_file
    from render_markdown import MarkdownWriter
    from service_catalogue import load_catalogue

    catalogue = load_catalogue(ROOT / "hooks/data/services.yml", "services.yml")
    glossary = load_glossary(ROOT / "hooks/data/glossary.yml", "glossary.yml", catalogue)
    linker = TermLinker(build_matcher(glossary, catalogue), "glossary.md", lambda s: f"services/{s}.md")
    notes = read_notes_file("n.txt", (ROOT / "notes/aws-developer-associate.txt").read_bytes())
    page = MarkdownWriter(2).render(notes.nodes)
    extensions = ["sane_lists", "tables", "attr_list", "pymdownx.mark", "pymdownx.superfences"]
    rows = []
    for times in (1, 5, 20):
        text = "\n\n".join([page] * times)
        best_plain = best_linked = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            markdown.Markdown(extensions=extensions).convert(text)
            best_plain = min(best_plain, time.perf_counter() - start)
            md = markdown.Markdown(extensions=extensions)
            LinkTermsExtension(linker, lambda: ("services/x.md", None), lambda *a: None).extendMarkdown(md)
            start = time.perf_counter()
            md.convert(text)
            best_linked = min(best_linked, time.perf_counter() - start)
        extra = max(best_linked - best_plain, 0.0)
        rows.append((f"term linking, notes x{times} as one page ({len(text):,} chars)",
                     f"{extra * 1000:,.0f} ms, {extra / best_linked:.0%} of converting that page"))
    return rows


def main() -> int:
    rows = [("machine", f"{platform.node()} · {platform.machine()} · Python {platform.python_version()}")]
    rows += size_rows()
    rows += linking_rows()
    width = max(len(label) for label, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 20}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
