"""Measure Cramdown and print a table. Numbers, not tests: this machine is
shared and noisy, so nothing here passes or fails.

Usage: .venv/bin/python scripts/benchmark.py [--skip-lighthouse] [--pages-only]

- build time of a strict build of the default notes, and of synthetic notes
  10x and 50x larger (the notes repeated in 10 or 50 files), and its growth;
- the hooks' share of build time: wall-clock timers around Cramdown's event
  handlers, tree processors and fence formatter, against the time of MkDocs'
  build() (imports and config loading left out, which makes the share larger)
  and against the whole command, imports included. Timers, not cProfile: its
  per-call cost inflated call-heavy code unevenly and put the hooks' share
  several points off what a stopwatch sees;
- page weight of the home, DynamoDB and glossary pages as Chromium loads them;
- gzipped size of Cramdown's own JavaScript and CSS;
- Lighthouse (npm lighthouse@12.2.3, installed on first use) scores of the
  DynamoDB and glossary pages served on 127.0.0.1, mobile: the median of five runs.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from project_copy import copy_project_parts

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
LIGHTHOUSE_DIR = ROOT / "scripts" / ".lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_RUNS = 5


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
    rows.append(("gzip calculators' JS + the screen CSS (budget < 11 KB)", f"{calculators:,} B"))
    rows.append(("gzip all Cramdown JS and CSS (no page loads all)", f"{total:,} B"))
    return rows


def linking_rows() -> list[tuple[str, str]]:
    """Term linking on the notes repeated 1x, 5x and 20x as one page: the
    linker's own time, and its share of converting that page to HTML."""
    import sys
    import time

    sys.path.insert(0, str(ROOT / "hooks"))
    import markdown
    from render_markdown import MarkdownWriter

    from link_terms import LinkTermsExtension, TermLinker, build_matcher, load_glossary
    from read_notes import read_notes_file
    from service_catalogue import load_catalogue

    class TimedLinker(TermLinker):
        # Timed directly: subtracting a conversion without linking from one
        # with it left the difference of two noisy times, which made linking
        # look superlinear. The table's rows show how it grows.
        spent = 0.0

        def link(self, root, page_uri, own_service):
            start = time.perf_counter()
            try:
                return super().link(root, page_uri, own_service)
            finally:
                self.spent += time.perf_counter() - start

    catalogue = load_catalogue(ROOT / "hooks/exams/aws-developer-associate/services.yml", "services.yml")
    glossary = load_glossary(ROOT / "hooks/exams/aws-developer-associate/glossary.yml", "glossary.yml", catalogue)
    linker = TimedLinker(build_matcher(glossary, catalogue), "glossary.md", lambda s: f"services/{s}.md",
                         lambda text: set())
    notes = read_notes_file("n.txt", (ROOT / "notes/aws-developer-associate.txt").read_bytes())
    page = MarkdownWriter(2).render(notes.nodes)
    extensions = ["sane_lists", "tables", "attr_list", "pymdownx.mark", "pymdownx.superfences"]
    rows = []
    for times in (1, 5, 20):
        text = "\n\n".join([page] * times)
        runs = []
        for _ in range(3):
            md = markdown.Markdown(extensions=extensions)
            LinkTermsExtension(linker, lambda: ("services/x.md", None), lambda *a: None).extendMarkdown(md)
            linker.spent = 0.0
            start = time.perf_counter()
            md.convert(text)
            runs.append((linker.spent, time.perf_counter() - start))
        spent, total = min(runs)
        rows.append((f"term linking, notes x{times} as one page ({len(text):,} chars)",
                     f"{spent * 1000:,.0f} ms, {spent / total:.0%} of converting that page"))
    return rows


def make_project(dest: Path, copies: int) -> Path:
    """A project copy whose notes are the default notes repeated in ``copies`` files."""
    copy_project_parts(dest, skip=("readme",))
    (dest / "notes").mkdir()
    text = (ROOT / "notes" / "aws-developer-associate.txt").read_bytes()
    for index in range(copies):
        (dest / "notes" / f"part-{index + 1:02d}.txt").write_bytes(text)
    return dest


def timed_build(project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env,
                               capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{completed.stdout}{completed.stderr}")
    return elapsed


# Runs in the project folder: a strict build in this process, with a wall-clock
# timer around every piece of Cramdown that MkDocs calls: the event handlers of
# the hook modules, the run() of their Markdown tree processors and the
# calculator fence's formatter. Time in library code they call (Jinja,
# Markdown) counts as theirs. Nested calls are counted once.
HOOK_TIMER = r"""
import time
started = time.perf_counter()  # before MkDocs is imported: the command's own start, near enough
import functools, json, os, pathlib, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from markdown.treeprocessors import Treeprocessor
from mkdocs.commands.build import build
from mkdocs.config import load_config

hooks_dir = pathlib.Path("hooks").resolve()
spent = {"hooks": 0.0}
depth = [0]

def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        depth[0] += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent["hooks"] += time.perf_counter() - start
    return wrapper

def in_hooks(module):
    path = getattr(module, "__file__", None)
    return path is not None and pathlib.Path(path).resolve().parent == hooks_dir

def ours(function):
    return in_hooks(sys.modules.get(getattr(function, "__module__", None) or ""))

config = load_config("mkdocs.yml", strict=True)
for module in list(sys.modules.values()):
    if in_hooks(module):
        for value in list(vars(module).values()):
            if isinstance(value, type) and issubclass(value, Treeprocessor) and value.__module__ == module.__name__:
                value.run = timed(value.run)

def time_fences(config):
    for fence in config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", []):
        if ours(fence["format"]) and not hasattr(fence["format"], "__wrapped__"):
            fence["format"] = timed(fence["format"])
    return config

for event, handlers in config.plugins.events.items():
    for index, handler in enumerate(handlers):
        if ours(handler):
            handlers[index] = timed(handler)
config.plugins.events["config"].append(time_fences)
start = time.perf_counter()
build(config)
total = time.perf_counter() - start
print(json.dumps({"build": total, "hooks": spent["hooks"], "command": time.perf_counter() - started}))
"""


def hooks_share(project: Path) -> tuple[float, float, float]:
    """(hooks' seconds, build() seconds, whole command's seconds) of one strict build."""
    completed = subprocess.run([sys.executable, "-c", HOOK_TIMER], cwd=project, check=True, capture_output=True,
                               text=True)
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return result["hooks"], result["build"], result["command"]


def build_rows() -> list[tuple[str, str]]:
    rows = []
    times = {}
    with tempfile.TemporaryDirectory() as scratch:
        for copies in (1, 10, 50):
            project = make_project(Path(scratch) / f"x{copies}", copies)
            print(f"building {copies}x ...", file=sys.stderr)
            times[copies] = min(timed_build(project) for _ in range(2 if copies == 1 else 1))
            shares = [hooks_share(project) for _ in range(3)]
            hooks, build, command = min(shares, key=lambda run: run[1])  # the least disturbed run
            rows.append((f"strict build, notes x{copies} ({copies * 550:,} lines)",
                         f"{times[copies]:.2f} s; hooks {hooks:.2f} s = {hooks / build:.0%} of build() "
                         f"({build:.2f} s; runs: " + ", ".join(f"{h / b:.0%}" for h, b, _ in shares) +
                         f"), {hooks / command:.0%} of the whole command ({command:.2f} s)"))
    rows.append(("growth 10x / 1x (target: under 12x)", f"{times[10] / times[1]:.1f}x"))
    rows.append(("growth 50x / 1x (target: under 60x)", f"{times[50] / times[1]:.1f}x"))
    return rows


def weight_rows(site: Path) -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from local_browser import launch_chromium, serve_folder

    rows = []
    with serve_folder(site, compress=True) as base, launch_chromium() as browser:
        for label, path in (("home page", ""), ("DynamoDB page", "services/dynamodb/"), ("glossary", "glossary/")):
            page = browser.new_page()
            sent: list[int] = []
            page.on("requestfinished", lambda request, sent=sent: sent.append(request.sizes()["responseBodySize"]))
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(500)
            page.close()
            weight = f"{sum(sent) / 1024:,.0f} KB transferred"
            rows.append((f"page weight, {label} ({len(sent)} requests, gzip)", weight))
    return rows


def lighthouse_rows(site: Path) -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from local_browser import CHROMIUM_ARGS, chromium_path, serve_folder

    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR} ...", file=sys.stderr)
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                        "--loglevel=error", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    rows = []
    with tempfile.TemporaryDirectory() as scratch, serve_folder(site, compress=True) as base:
        env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
        for label, path in (("DynamoDB page", "services/dynamodb/"), ("glossary", "glossary/")):
            runs = []
            for run in range(LIGHTHOUSE_RUNS):
                report = Path(scratch) / f"report-{run}.json"
                flags = " ".join(a for a in CHROMIUM_ARGS) + f" --user-data-dir={scratch}/profile-{label}-{run}"
                subprocess.run([str(binary), base + path, "--quiet", "--output=json",
                                f"--output-path={report}", f"--chrome-flags={flags}"], env=env, check=True,
                               capture_output=True, timeout=300)
                categories = json.loads(report.read_text())["categories"]
                runs.append({key: round(value["score"] * 100) for key, value in categories.items()})
            # The median run by performance: on a shared machine one run can be far off.
            middle = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
            scores = ", ".join(f"{name} {middle[key]}" for key, name in (
                ("performance", "performance"), ("accessibility", "accessibility"),
                ("best-practices", "best practices"), ("seo", "SEO")))
            scores += " (median of " + ", ".join(str(r["performance"]) for r in runs) + ")"
            rows.append((f"Lighthouse, {label}, mobile", scores))
    return rows


def main() -> int:
    skip_lighthouse = "--skip-lighthouse" in sys.argv[1:]
    pages_only = "--pages-only" in sys.argv[1:]  # page weight and Lighthouse, no build timings
    rows = [("machine", f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
                        f"Python {platform.python_version()}")]
    if not pages_only:
        rows += build_rows()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        project = make_project(Path(scratch) / "project", 1)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)
        rows += weight_rows(site)
        if not skip_lighthouse:
            rows += lighthouse_rows(site)
    rows += size_rows()
    if not pages_only:
        rows += linking_rows()
    width = max(len(label) for label, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 20}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
