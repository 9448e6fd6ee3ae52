"""Size budget for what a page with a calculator loads of Cramdown's own
files: the calculators' JavaScript and the screen CSS every page loads,
gzipped. Sizes are exact, so this is a test, not a benchmark.

The budget was 10 KB while every page loaded every script and the print
styles sat in the screen CSS. Pages now load only the scripts they use
(overrides/main.html) and the print styles load apart, with media="print";
the calculators gained typed units, unit notes, both values of a changed
limit and an error line that keeps the form still (about 900 bytes), so the
budget for the pages that have one is 11 KB."""

from __future__ import annotations

import gzip

from helpers import ROOT

ASSETS = ROOT / "docs" / "assets"


def gzipped(name: str) -> int:
    return len(gzip.compress((ASSETS / name).read_bytes(), compresslevel=9, mtime=0))


def test_calculator_scripts_and_css_fit_in_11_kb_gzipped():
    total = sum(gzipped(name) for name in ["cramdown-formulas.js", "cramdown-widgets.js", "cramdown.css"])
    assert total < 11_000, f"{total:,} bytes gzipped"


def test_a_page_without_widgets_loads_only_the_page_script_and_css():
    # What overrides/main.html adds per page is checked in the browser; here,
    # that the two files every page loads stay small.
    total = gzipped("cramdown-page.js") + gzipped("cramdown.css")
    assert total < 5_500, f"{total:,} bytes gzipped"
