"""Printed cheat sheets: scripts/cheat_sheets.py on the default site."""

from __future__ import annotations

import re
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


def word_tops(pdf, page: int = 1) -> dict[str, float]:
    """Each word's first top edge on the page, in points from the top (poppler's pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    tops: dict[str, float] = {}
    for top, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]+)</word>', html):
        tops.setdefault(word, float(top))
    return tops


def test_the_traps_open_the_sheet_and_nothing_dangles(cheat_sheets):
    pdf = cheat_sheets / "dynamodb.pdf"
    tops = word_tops(pdf)
    page_height = float(PdfReader(pdf).pages[0].mediabox.height)
    assert tops["traps"] < page_height * 0.2  # in the top fifth, under the title
    assert tops["traps"] < tops["Highly"]  # before the notes ("Highly available and highly scalable")
    assert "·" not in PdfReader(pdf).pages[0].extract_text()  # no separator left from a hidden link


def test_terms_used_print_as_a_list(cheat_sheets):
    text = " ".join(page.extract_text() for page in PdfReader(cheat_sheets / "dynamodb.pdf").pages)
    terms = text[text.index("Terms used on this page"):]
    assert "·" not in terms
    assert len([line for line in terms.splitlines() if line.strip()]) > 3  # one term a line, not one run-on line


def test_the_printed_deck_has_no_instructions_and_no_repeated_answers(chromium, site_url, tmp_path):
    page = chromium.new_page()
    page.goto(site_url + "study/", wait_until="load")
    cloze = page.evaluate("JSON.parse(document.getElementById('cd-cards').getAttribute('data-json'))"
                          ".find(card => card.kind === 'cloze' && card.back.length < 80)")
    pdf = tmp_path / "deck.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.close()
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "show the answer" not in text and "Easy" not in text  # the keyboard instructions stay on screen
    flat = " ".join(text.split())
    assert " ".join(cloze["front"].split()) in flat
    assert " ".join(cloze["back"].split()) not in flat  # the answer alone, not the sentence again
