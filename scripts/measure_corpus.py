"""Build note sets of many shapes and print how they come out. Numbers, not
tests: the test suite holds the targets; this shows where each set stands.

Usage:
    .venv/bin/python scripts/measure_corpus.py [CASE_DIR ...]

With no arguments it measures every case in tests/fixtures/corpus/. A case
folder holds ``notes/``, optionally ``exam/`` (the exam's data folder) and
optionally ``placement.txt`` (the hand-made map of where each line belongs,
format in tests/fixtures/corpus/README.md). Any folder with a ``notes/``
folder works, so a note set of your own can be measured the same way.

For each case it prints:
- strict: whether ``mkdocs build --strict`` passes (a real build, in a
  temporary copy of the project), else the first warning or error;
- pages: service pages, topic pages, and whether there is a General page;
- placement (with a map): the share of each service's lines that land on that
  service's page, overall and for the worst service, and the share of
  General's lines that land on General. Lines the map declares a known miss
  are counted apart.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from project_copy import copy_project_parts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
RANGE_RE = re.compile(r"^(?P<file>\S+)\s+(?P<first>\d+)(?:-(?P<last>\d+))?\s+(?P<page>\S+)"
                      r"(?:\s+known-miss:\s*(?P<why>.+?))?\s*$")
NOT_WORD_RE = re.compile(r"[\W_]+")


@dataclass
class CaseResult:
    name: str
    strict: str = "ok"
    services: int = 0
    topics: list[str] = field(default_factory=list)
    general: bool = False
    per_service: dict[str, tuple[int, int]] = field(default_factory=dict)  # service -> (on its page, expected)
    general_share: tuple[int, int] = (0, 0)
    misplaced: list[str] = field(default_factory=list)  # "file:line expected X, on Y"
    known_misses: list[str] = field(default_factory=list)  # declared in placement.txt, counted apart


def read_placement(path: Path) -> tuple[dict[tuple[str, int], str], set[tuple[str, int]]]:
    """(notes path as the build names it, line) -> expected page, and the
    lines declared a known miss."""
    expected: dict[tuple[str, int], str] = {}
    known: set[tuple[str, int]] = set()
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = RANGE_RE.match(text)
        if not match:
            raise SystemExit(f"{path}:{number}: not 'FILE FIRST[-LAST] PAGE'")
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        for line in range(first, last + 1):
            expected[(match.group("file"), line)] = match.group("page")
            if match.group("why"):
                known.add((match.group("file"), line))
    return expected, known


def page_id(uri: str) -> str:
    if uri.startswith("services/"):
        return uri[len("services/"):-len(".md")]
    if uri.startswith("topics/"):
        return "topic:" + uri[len("topics/"):-len(".md")]
    return uri[:-len(".md")] if uri.endswith(".md") else uri


def build_case(case: Path, work: Path) -> tuple[str, Any]:
    """Build the case strictly in a copy of the project: (strict result, build state)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project_parts(work / "project")
    shutil.copytree(case / "notes", project / "notes")
    if (case / "exam").is_dir():
        shutil.copytree(case / "exam", project / "exam")
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(\s+exam:\s*).*$", r"\1exam", text)
        (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    config = None
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(work / "site"), strict=True)
        build(config)
        result = "ok"
    except BaseException as error:
        messages = [line for line in stream.getvalue().splitlines() if line.strip()]
        result = (messages[0] if messages else f"{type(error).__name__}: {error}")[:160]
    finally:
        logger.removeHandler(handler)
    hooks = [module for name, module in (config.plugins.items() if config is not None else ())
             if name.endswith("mkdocs_hooks.py")]
    return result, hooks[0].last_build() if hooks else None


def measure(case: Path) -> CaseResult:
    result = CaseResult(case.name)
    with tempfile.TemporaryDirectory() as tmp:
        result.strict, state = build_case(case, Path(tmp))
    if state is None or state.site is None or not state.page_lines:
        return result
    pages_of: dict[tuple[str, int], set[str]] = defaultdict(set)
    for uri, lines in state.page_lines.items():
        for line in lines:
            pages_of[(line.path, line.number)].add(page_id(uri))
    ids = set(state.page_lines) | {spec.src_uri for spec in state.site.pages}
    result.services = sum(1 for uri in ids if uri.startswith("services/"))
    result.topics = sorted(spec.title for spec in state.site.pages if spec.kind == "topic")
    result.general = any(uri == "general.md" for uri in ids)
    placement = case / "placement.txt"
    if not placement.exists():
        return result
    expected, known = read_placement(placement)
    texts = {(f.path, line.number): line.text for f in state.site.files for line in f.lines}
    hidden = {(f.path, number) for f in state.site.files for number in f.hidden}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (file, number), page in expected.items():
        key = (file, number)
        if page == "-" or key in hidden or not NOT_WORD_RE.sub("", texts.get(key, "")):
            continue
        on = pages_of.get(key, set())
        if key in known:
            if page not in on:
                result.known_misses.append(f"{file}:{number} expected {page}, on {', '.join(sorted(on)) or 'no page'}")
            continue
        bucket = counts["general" if page == "general" else page]
        bucket[1] += 1
        if page in on:
            bucket[0] += 1
        else:
            result.misplaced.append(f"{file}:{number} expected {page}, on {', '.join(sorted(on)) or 'no page'}")
    result.per_service = {page: (hit, total) for page, (hit, total) in counts.items()
                          if page != "general" and not page.startswith("topic:")}
    result.general_share = tuple(counts.get("general", [0, 0]))  # type: ignore[assignment]
    return result


def percent(hit: int, total: int) -> str:
    return f"{100 * hit / total:.0f}%" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path, help="case folders (default: every case in the corpus)")
    parser.add_argument("--misplaced", action="store_true", help="list every misplaced line")
    args = parser.parse_args()
    cases = args.cases or sorted(p for p in CORPUS.iterdir() if (p / "notes").is_dir())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    rows = [("case", "strict", "services", "topics", "placement", "worst service", "general")]
    results = []
    for number, case in enumerate(cases, 1):
        print(f"[{number}/{len(cases)}] {case.name}", file=sys.stderr, flush=True)
        result = measure(case)
        results.append(result)
        hit = sum(h for h, _ in result.per_service.values())
        total = sum(t for _, t in result.per_service.values())
        worst = min(result.per_service.items(), key=lambda kv: kv[1][0] / kv[1][1] if kv[1][1] else 1,
                    default=None)
        rows.append((result.name, result.strict, str(result.services), str(len(result.topics)),
                     percent(hit, total) if total else "no map",
                     f"{worst[0]} {percent(*worst[1])}" if worst else "-", percent(*result.general_share)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
        if index == 0:
            print("-+-".join("-" * width for width in widths))
    for result in results:
        if result.known_misses:
            print(f"{result.name}: {len(result.known_misses)} known misses (declared in placement.txt)")
        if result.topics:
            print(f"{result.name}: topic pages: {', '.join(result.topics)}")
        if args.misplaced and result.misplaced:
            print(f"{result.name}: {len(result.misplaced)} misplaced")
            for line in result.misplaced:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
