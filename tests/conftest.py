"""Shared fixtures. The hooks' plain modules and tests/helpers.py are importable
in every test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import HOOKS, BuildResult, copy_project, run_build

sys.path.insert(0, str(HOOKS))


EXAM = HOOKS / "exams" / "aws-developer-associate"
SLOW_FOLDERS = ("integration", "browser")  # real MkDocs builds and real Chromium


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Real builds and browser tests are `slow`; `-m "not slow"` is the fast tier."""
    for item in items:
        if Path(item.path).parent.name in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def exam():
    """The default exam's data, loaded as a build loads it."""
    from exam_data import load_exam

    return load_exam(EXAM, "hooks/exams/aws-developer-associate")


@pytest.fixture(scope="session")
def catalogue(exam):
    return exam.catalogue


@pytest.fixture(scope="session")
def limits(exam):
    return exam.limits


@pytest.fixture(scope="session")
def calculators(exam):
    return exam.calculators


@pytest.fixture(scope="session")
def split_notes(catalogue):
    """split_notes(text, path) -> the split of one notes file."""
    from read_notes import read_notes_file
    from split_by_service import split_by_service

    def _split(text: str, path: str = "notes/n.txt"):
        return split_by_service([read_notes_file(path, text.encode())], catalogue)

    return _split


@pytest.fixture
def build(tmp_path):
    """build(notes) -> BuildResult of a strict build of a project copy."""

    def _build(notes: dict[str, str | bytes] | None = None, **kwargs) -> BuildResult:
        project = copy_project(tmp_path / "project", notes)
        return run_build(project, **kwargs)

    return _build


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> BuildResult:
    """The default notes built with OFFLINE=true, for opening from a folder."""
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    result = run_build(project, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site_port() -> int:
    from local_browser import free_port

    return free_port()


@pytest.fixture(scope="session")
def default_site(tmp_path_factory, site_port) -> BuildResult:
    """The default notes, built once for all tests that only read the site,
    for the address the browser tests serve it on (Material's instant
    navigation only takes over links under site_url)."""
    project = copy_project(tmp_path_factory.mktemp("default") / "project")
    result = run_build(project, env={"SITE_URL": f"http://127.0.0.1:{site_port}/"})
    assert result.returncode == 0, result.output
    return result
