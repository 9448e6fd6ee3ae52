"""Golden tests: each fixture folder's notes, split and routed, must match its
hand-written expected.txt (written from the rules in split_by_service.py and
route_exam_notes.py, not copied from a run)."""

from __future__ import annotations

import pytest

from describe import describe
from helpers import FIXTURES
from read_notes import read_notes_dir
from route_exam_notes import route_exam_notes
from split_by_service import split_by_service

CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.txt").exists())


@pytest.mark.parametrize("case", CASES)
def test_split_and_route_match_golden(case, catalogue, tmp_path):
    folder = FIXTURES / case
    notes = tmp_path / "notes"
    notes.mkdir()
    for path in folder.iterdir():
        if path.name != "expected.txt":
            (notes / path.name).write_bytes(path.read_bytes())
    files = read_notes_dir(notes)
    split = split_by_service(files, catalogue)
    routing = route_exam_notes(split.exam_items, catalogue)
    assert describe(files, split, routing) == (folder / "expected.txt").read_text(encoding="utf-8")
