"""A copy of the project without its notes, for builds of other notes:
the tests, the benchmark and the corpus measurement all build in one."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")


def copy_project_parts(dest: Path, skip: tuple[str, ...] = ()) -> Path:
    """Copy mkdocs.yml, docs/, hooks/ and overrides/ into ``dest`` (created);
    ``skip``: extra names to leave out (as shutil.ignore_patterns takes them)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", *skip))
        else:
            shutil.copy2(source, dest / part)
    return dest
