"""Property-based: whatever notes look like, the pipeline never crashes, every
non-blank line reaches a page, and bad input is the one-line error."""

from __future__ import annotations

import re

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from check_nothing_lost import blocks_by_line, missing_from_page, unplaced_lines
from helpers import ROOT, pipeline_site
from notes_model import NotesError
from read_notes import read_notes_file
from test_render_markdown import site_markdown

ERROR_RE = re.compile(r"^notes/[^\n:]+(?::\d+)?: [^\n]+$")
WORDS = ["SQS", "DynamoDB", "Lambda", "AWS Lambda", "S3:", "VPC", "Elasticache", "API GateWay", "Kinesis",
         "GSI", "visibility timeout", "256KB", "10 * 2 = 20 WCU", "Things I got wrong", "practice exam",
         "Containers on AWS", "RDS, Aurora, Elasticache", "Q: why?", "A: because", "x", "and", "the", ":"]
FRAGMENTS = ["<script>alert(1)</script>", "<b>", "&amp;", "&lt;", "`code`", "**bold**", "==mark==", "[a](b)",
             "{{ jinja }}", "{% tag %}", "\\", "*", "_", "|", "#", "!!!", "$", "https://example.com/x"]
BULLETS = ["", "", "• ", "- ", "* ", "1. ", "◦ ", "❖ ", "+ ", "# ", "## ", "### ", "> "]

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(FRAGMENTS),
                 st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12))
line = st.one_of(
    st.builds(lambda indent, bullet, words, end: indent + bullet + " ".join(words) + end,
              st.sampled_from(["", "  ", "    ", "\t", "      ", "   ", "          "]), st.sampled_from(BULLETS),
              st.lists(word, min_size=0, max_size=8), st.sampled_from(["", ":", "?", ".", "  "])),
    st.sampled_from(["", "", "```", "```yaml", "~~~", "Mappings:", "  RegionMap:", "    key: value"]),
    st.builds(lambda n: "• SQS: " + "long " * n, st.integers(200, 2500)),
)
notes = st.lists(line, min_size=0, max_size=40).map("\n".join)
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)


def reach_pages_or_fail_with_one_line(exam, text: str, markdown_file: bool) -> None:
    path = "notes/n.md" if markdown_file else "notes/n.txt"
    try:
        notes_file = read_notes_file(path, text.encode("utf-8", "surrogatepass"))
    except NotesError as error:
        assert ERROR_RE.match(str(error)), str(error)
        return
    try:
        plan = pipeline_site([notes_file], exam, render)
    except NotesError as error:  # notes that name no service
        assert ERROR_RE.match(str(error)), str(error)
        return
    placed = {(line.path, line.number) for page in plan.pages for line in page.lines}
    assert unplaced_lines([notes_file], placed) == []
    converter = site_markdown(exam, render)
    blocks = blocks_by_line([notes_file])
    for page in plan.pages:
        if page.lines:
            body = page.markdown.split("---\n\n", 1)[-1]
            html = converter.reset().convert(body)
            assert missing_from_page(page.lines, html, blocks) == [], page.src_uri


HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=150, deadline=None, suppress_health_check=HEALTH)
@given(text=notes, markdown_file=st.booleans())
def test_any_notes_reach_pages_or_fail_with_one_line(exam, text, markdown_file):
    reach_pages_or_fail_with_one_line(exam, text, markdown_file)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=HEALTH)
@given(text=notes, markdown_file=st.booleans())
def test_any_notes_reach_pages_or_fail_with_one_line_thoroughly(exam, text, markdown_file):
    reach_pages_or_fail_with_one_line(exam, text, markdown_file)


def test_an_invalid_byte_is_the_one_line_error():
    try:
        read_notes_file("notes/n.txt", "• UTF-8 here\n".encode() + b"\xff there")
    except NotesError as error:
        assert ERROR_RE.match(str(error))
    else:
        raise AssertionError("invalid UTF-8 was accepted")
