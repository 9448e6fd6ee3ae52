"""Size budget: the calculators' JavaScript and all of Cramdown's CSS stay
under 10 KB gzipped (sizes are exact, so this is a test, not a benchmark)."""

from __future__ import annotations

import gzip

from helpers import ROOT

ASSETS = ROOT / "docs" / "assets"


def test_calculator_scripts_and_css_fit_in_10_kb_gzipped():
    files = ["cramdown-formulas.js", "cramdown-widgets.js", "cramdown.css"]
    total = sum(len(gzip.compress((ASSETS / name).read_bytes(), compresslevel=9, mtime=0)) for name in files)
    assert total < 10_000, f"{total:,} bytes gzipped"
