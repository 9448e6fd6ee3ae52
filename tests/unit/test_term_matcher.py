"""The matcher behind service mentions, term links and study cards.

Each expectation was worked out by hand from the rules in term_matcher.py:
leftmost first, longest at each place, whole words only, and names with no
lowercase letter match only in their own case.
"""

from __future__ import annotations

import pytest

from term_matcher import TermMatcher


def found(matcher: TermMatcher, text: str, keep=None) -> list[tuple[str, int, int, object]]:
    return [(m.text, m.start, m.end, m.payload) for m in matcher.finditer(text, keep)]


def test_thousands_of_names_sharing_prefixes_are_each_found_longest_first():
    # One trie-shaped expression for all names: the shared prefixes must not
    # hide a name, and a longer name must win over its prefix.
    names = [f"Widget{i}" for i in range(3000)] + ["Widget1 Pro", "Widget"]
    matcher = TermMatcher([(name, name) for name in names])
    text = "Widget1 Pro, Widget2999, Widget30, Widget and Widget3000."
    assert [m.payload for m in matcher.finditer(text)] == ["Widget1 Pro", "Widget2999", "Widget30", "Widget"]


def test_longest_name_at_the_leftmost_place():
    matcher = TermMatcher([("API", "api"), ("API Gateway", "gateway")])
    assert found(matcher, "API Gateway and API") == [("API Gateway", 0, 11, "gateway"), ("API", 16, 19, "api")]


@pytest.mark.parametrize("text, expected", [
    ("two ALBs", []),  # "ALB" is not a word of its own here
    ("S3's limit", [("S3", 0, 2, "s3")]),  # an apostrophe ends the word
    ("xS3 and S3x", []),
    ("(ALB)", [("ALB", 1, 4, "alb")]),
])
def test_whole_words_only(text, expected):
    matcher = TermMatcher([("ALB", "alb"), ("S3", "s3")])
    assert found(matcher, text) == expected


def test_a_name_without_lowercase_matches_only_in_its_own_case():
    matcher = TermMatcher([("SQS", "sqs"), ("Lambda", "lambda")])
    assert found(matcher, "sqs and LAMBDA and SQS") == [("LAMBDA", 8, 14, "lambda"), ("SQS", 19, 22, "sqs")]


def test_when_the_longest_name_fails_its_case_rule_a_shorter_one_is_tried():
    matcher = TermMatcher([("STEP FUNCTIONS", "all caps"), ("Step", "step")])
    assert found(matcher, "Step Functions") == [("Step", 0, 4, "step")]


def test_when_nothing_fits_at_a_place_the_search_moves_on_by_one_character():
    matcher = TermMatcher([("X-RAY SPECS", "specs"), ("Ray", "ray")])
    assert found(matcher, "X-Ray specs") == [("Ray", 2, 5, "ray")]


def test_keep_finds_what_a_matcher_of_the_kept_names_alone_would():
    entries = [("Global Table", "term"), ("Global", "service"), ("Table", "term")]
    matcher = TermMatcher(entries)
    services_only = TermMatcher([e for e in entries if e[1] == "service"])
    text = "a Global Table, a Table"
    assert found(matcher, text) == [("Global Table", 2, 14, "term"), ("Table", 18, 23, "term")]
    kept = found(matcher, text, keep=lambda payload: payload == "service")
    assert kept == found(services_only, text) == [("Global", 2, 8, "service")]


def test_text_that_changes_length_when_lowercased_keeps_its_positions():
    # "İ".lower() is two characters; the match must still point into the original text.
    matcher = TermMatcher([("Lambda", "lambda")])
    assert found(matcher, "İİ Lambda") == [("Lambda", 3, 9, "lambda")]


def test_no_names_finds_nothing():
    assert found(TermMatcher([]), "anything at all") == []


def test_text_shorter_than_every_name_is_not_scanned_but_a_name_of_that_length_is_found():
    matcher = TermMatcher([("S3", "s3"), ("SQS", "sqs")])
    assert matcher.shortest == 2
    assert found(matcher, "S") == []
    assert found(matcher, "S3") == [("S3", 0, 2, "s3")]
