"""Other people's note shapes (tests/fixtures/corpus): each builds strictly,
and each service's lines land on that service's page, by the hand-made map
beside the notes. The measurement is scripts/measure_corpus.py's."""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from measure_corpus import measure

CORPUS = FIXTURES / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "notes").is_dir())
PLACEMENT_TARGET = 0.95
GENERIC_TITLES = {"general", "console", "table of contents", "logs", "quiz", "2 modes", "overview", "misc"}



@pytest.mark.parametrize("case", CASES)
def test_each_shape_builds_strictly_with_each_service_on_its_page(case):
    result = measure(CORPUS / case)
    assert result.strict == "ok", result.strict
    assert result.per_service, "the map names no service"
    short = {service: f"{hit}/{total}" for service, (hit, total) in result.per_service.items()
             if hit < PLACEMENT_TARGET * total}
    assert not short, (short, result.misplaced[:10])
    assert not [title for title in result.topics if title.casefold() in GENERIC_TITLES]
