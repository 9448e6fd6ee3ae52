"""Settings and exam data: one documented setting switches exams, and every
bad setting or data file is one line naming the place and what is allowed."""

from __future__ import annotations

import shutil

import pytest

from helpers import FIXTURES, assert_one_error_line, copy_project, run_build

EXAM = "hooks/exams/aws-developer-associate"


@pytest.mark.parametrize("path, edit, expected", [
    ("mkdocs.yml", ("    notes: notes\n", "    notes: 5\n"),
     "mkdocs.yml: extra.cramdown.notes: expected text, got 5 (a folder of .txt and .md notes files, relative to "
     "mkdocs.yml, e.g. notes)"),
    ("mkdocs.yml", ("    notes: notes\n", "    notes: nowhere\n"),
     "nowhere/: the notes folder does not exist (create it and put .txt or .md notes files in it, or set "
     "extra.cramdown.notes in mkdocs.yml)"),
    ("mkdocs.yml", ("    notes: notes\n", "    notes: notes\n    exam_markers: ['(']\n"),
     "mkdocs.yml: extra.cramdown.exam_markers: '(' is not a valid regular expression (missing ), unterminated "
     "subpattern at position 0) (a list of regular expressions, e.g. ['got wrong', 'practice exams?\\b'])"),
    ("mkdocs.yml", ("    notes: notes\n", "    notes: notes\n    colour: red\n"),
     "mkdocs.yml: extra.cramdown.colour: unknown setting (allowed: notes, exam, exam_markers)"),
    ("mkdocs.yml", (f"    exam: {EXAM}\n", "    exam: hooks/exams/none\n"),
     "hooks/exams/none: the exam's data folder does not exist (set extra.cramdown.exam in mkdocs.yml to a folder "
     "holding services.yml)"),
    (f"{EXAM}/services.yml", None,
     f"{EXAM}/services.yml: file not found (every exam needs its service catalogue; see "
     "hooks/exams/aws-developer-associate/services.yml for the format)"),
    (f"{EXAM}/limits.yml", "limits: []\n",
     f"{EXAM}/limits.yml:1: limits must be a mapping of entries (for example: sqs.message_max: {{service: sqs, "
     "title: ..., value: 1, unit: MiB, source: https://...})"),
])
def test_a_bad_setting_or_data_file_is_one_line(tmp_path, path, edit, expected):
    project = copy_project(tmp_path / "project")
    target = project / path
    if edit is None:
        target.unlink()
    elif isinstance(edit, str):
        target.write_text(edit, encoding="utf-8")
    else:
        text = target.read_text(encoding="utf-8")
        assert edit[0] in text
        target.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert_one_error_line(run_build(project), expected)


def test_another_exam_is_one_setting_and_needs_only_its_catalogue(tmp_path):
    case = FIXTURES / "corpus" / "azure-az204"
    project = copy_project(tmp_path / "project", {})
    shutil.rmtree(project / "notes")
    shutil.copytree(case / "notes", project / "notes")
    shutil.copytree(case / "exam", project / "azure")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace(f"    exam: {EXAM}\n", "    exam: azure\n"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    for page in ("glossary", "calculators", "numbers"):  # the exam has none of these
        assert not (result.site / page).exists(), page
    assert (result.site / "services" / "cosmos-db" / "index.html").exists()
    assert "Azure" not in (project / "hooks" / "service_catalogue.py").read_text()  # vendor words are data
