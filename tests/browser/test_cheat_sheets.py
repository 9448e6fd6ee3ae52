"""Printed cheat sheets: scripts/cheat_sheets.py on the default site."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pypdf import PdfReader

from helpers import ROOT, pipeline_site, words


@pytest.fixture(scope="module")
def cheat_sheets(default_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("cheat-sheets")
    completed = subprocess.run([sys.executable, str(ROOT / "scripts" / "cheat_sheets.py"), "--site",
                                str(default_site.site), "--out", str(out)], capture_output=True, text=True,
                               timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    services = len(list((default_site.site / "services").iterdir()))
    assert f"{services}/{services}" in completed.stderr  # the progress bar reached the end
    return out


@pytest.fixture(scope="module")
def lines_by_service(exam):
    """The notes lines each service page shows, from the pipeline itself."""
    from read_notes import read_notes_dir

    site = pipeline_site(read_notes_dir(ROOT / "notes"), exam)
    return {spec.src_uri.split("/")[1][:-3]: spec.lines for spec in site.pages if spec.kind == "service"}


def test_every_sheet_is_at_most_two_pages_and_keeps_all_its_notes(cheat_sheets, lines_by_service):
    sheets = {p.stem for p in cheat_sheets.glob("*.pdf")} - {"all-cheat-sheets"}
    assert lines_by_service and set(lines_by_service) == sheets
    too_long, missing = {}, {}
    for service, lines in lines_by_service.items():
        reader = PdfReader(cheat_sheets / f"{service}.pdf")
        if len(reader.pages) > 2:
            too_long[service] = len(reader.pages)
        text = words(" ".join(page.extract_text() for page in reader.pages))
        lost = [line.number for line in lines if line.text.strip() and not line.text.strip().startswith("```")
                and words(line.text.lstrip(" •-*0123456789.")) not in text]
        if lost:
            missing[service] = lost
    assert too_long == {}
    assert missing == {}


def test_combined_pdf_has_every_sheet_on_its_own_pages(cheat_sheets, lines_by_service):
    expected = sum(len(PdfReader(cheat_sheets / f"{s}.pdf").pages) for s in lines_by_service)
    combined = PdfReader(cheat_sheets / "all-cheat-sheets.pdf")
    assert len(combined.pages) == expected
    assert "DynamoDB" in combined.pages[sum(len(PdfReader(cheat_sheets / f"{s}.pdf").pages)
                                            for s in sorted(lines_by_service) if s < "dynamodb")].extract_text()


def test_sheet_text_is_at_least_nine_points(cheat_sheets):
    """The smallest font in the longest sheet, read from the PDF itself."""
    sizes: list[float] = []

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * tm[0] * cm[0] if tm[0] and cm[0] else font_size)

    PdfReader(cheat_sheets / "lambda.pdf").pages[0].extract_text(visitor_text=visitor)
    body = sorted(sizes)[len(sizes) // 10]  # ignore the odd tiny glyph run (bullets)
    assert body >= 8.9
