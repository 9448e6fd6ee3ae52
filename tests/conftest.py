"""Shared test setup: the hooks' plain modules are importable, and builds run
in a temporary copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(HOOKS))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")


@pytest.fixture(scope="session")
def catalogue():
    from service_catalogue import load_catalogue

    return load_catalogue(HOOKS / "data" / "services.yml", "hooks/data/services.yml")


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
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
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


@pytest.fixture
def build(tmp_path):
    """build(notes) -> BuildResult of a strict build of a project copy."""

    def _build(notes: dict[str, str | bytes] | None = None, **kwargs) -> BuildResult:
        project = copy_project(tmp_path / "project", notes)
        return run_build(project, **kwargs)

    return _build


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> BuildResult:
    """The default notes, built once for all tests that only read the site."""
    project = copy_project(tmp_path_factory.mktemp("default") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result
