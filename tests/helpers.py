"""Helpers shared by the tests: where things are, and real builds of a
project copy. Import from here, never from conftest: pytest loads each
folder's conftest.py under the same module name."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT / "scripts"))
from project_copy import copy_project_parts  # noqa: E402


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together
    project: Path
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")


def copy_project(dest: Path, notes: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the project in ``dest`` with ``notes`` (path -> content) as
    its notes folder, or the default notes when ``notes`` is None."""
    copy_project_parts(dest)
    notes_dir = dest / "notes"
    if notes is None:
        shutil.copytree(ROOT / "notes", notes_dir)
    else:
        notes_dir.mkdir()
        for name, content in notes.items():
            target = notes_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
    return dest


def run_build(project: Path, *extra: str, env: dict | None = None) -> BuildResult:
    """A real ``mkdocs build --strict`` in ``project``, as a user runs it."""
    site = project / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, project, site)


# -- the default notes, read here independently of the hooks ------------------

DEFAULT_NOTES = ROOT / "notes" / "aws-developer-associate.txt"
DEFAULT_NOTES_SHOWN = "notes/aws-developer-associate.txt"  # as pages name it
EXAM_HEADING = "got wrong"  # the default notes' practice-exam heading says "things I got wrong"


def line_of(text: str, path: Path = DEFAULT_NOTES) -> int:
    """The number of the one line of the notes that contains ``text``, so a
    test names a line by what it says, never by where it stands."""
    numbers = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(numbers) == 1, f"{text!r} is on lines {numbers} of {path.name}, not on one line"
    return numbers[0]


def exam_lines(path: Path = DEFAULT_NOTES) -> list[tuple[int, str]]:
    """(line number, text) of the non-blank lines under the practice-exam heading."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = line_of(EXAM_HEADING, path)
    return [(n, line) for n, line in enumerate(lines[start:], start + 1) if line.strip()]


# -- reading built pages -------------------------------------------------------

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TAG_RE = re.compile(r"<[^>]+>")
BULLET_RE = re.compile(r"^\s*(?:[•◦\-*]|\d+\.)\s*")


def words(text: str) -> str:
    """Letters and digits only: how a line compares with a page, here
    independently of the build's own check."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def article_words(page_html: str) -> str:
    match = ARTICLE_RE.search(page_html)
    assert match, "page has no article"
    return words(html.unescape(TAG_RE.sub(" ", match.group(1))))


def content_pages(site):
    """(path, html) of every reading page of a built site, either URL style."""
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("notes-source/", "search/", "assets/")) or relative == "404.html":
            continue
        yield relative, path.read_text(encoding="utf-8")


ERROR_LINE_RE = re.compile(r"^ERROR\s+-\s+(.*)$", re.M)


def assert_one_error_line(result: BuildResult, expected: str) -> None:
    """The build stopped with exactly ``expected`` as its one error line, and no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert ERROR_LINE_RE.findall(result.output) == [expected]


def pipeline_site(files, exam, render=None):
    """What the pipeline makes of ``files`` (read notes), without MkDocs:
    pages and navigation, with templates rendered as empty text unless
    ``render`` is given and page addresses as their source paths."""
    from build_site import site_from_notes
    from split_by_service import DEFAULT_EXAM_MARKERS
    from write_pages import Urls

    return site_from_notes(files, {}, exam, DEFAULT_EXAM_MARKERS, render or (lambda *args, **kwargs: ""),
                           Urls(of=lambda uri: uri, between=lambda url, other: url), "Study notes", [])


# -- visiting every page in Chromium (browser tests) --------------------------

AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async (only) => {
    const result = await axe.run(document, only ? {runOnly: only} : {});
    if (only && result.passes.length + result.violations.length === 0) return ['nothing was checked'];
    return result.violations.map(
        v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`);
}"""


@dataclass
class Visits:
    """What loading every reading page of a site found, by page."""

    pages: int = 0
    axe: dict[str, list[str]] = field(default_factory=dict)  # page -> axe's findings, where there are any
    requests: dict[str, list[str]] = field(default_factory=dict)  # page -> every URL it requested


def visit_every_page(chromium, site: Path, base: str | None, only: list[str] | None = None, run_axe: bool = True,
                     **context_options) -> Visits:
    """Load each reading page of ``site`` (served at ``base``, a URL ending in
    "/", or opened from the folder when ``base`` is None) in one new context
    with ``context_options``; run axe on each (its default rules, or
    ``only`` these) unless ``run_axe`` is false, and note every request it makes."""
    if run_axe and not AXE.exists():
        pytest.fail("axe-core is missing: run scripts/setup --test (npm ci in tests/)")
    visits = Visits()
    context = chromium.new_context(**context_options)
    if run_axe:
        context.add_init_script(path=str(AXE))  # in every page before its own scripts
    current: list[str] = []
    try:
        page = context.new_page()
        page.on("request", lambda request: current.append(request.url))
        for path, _ in content_pages(site):
            current.clear()
            url = (site / path).as_uri() if base is None else base + path.removesuffix("index.html")
            page.goto(url, wait_until="load")
            if run_axe:
                found = page.evaluate(AXE_RUN, only)
            else:
                found = []
                page.wait_for_timeout(100)  # for requests made just after "load"
            name = path.removesuffix("index.html") or "home"
            if found:
                visits.axe[name] = found
            visits.requests[name] = list(current)
            visits.pages += 1
    finally:
        context.close()
    return visits
