"""rewrite_links: a notes link goes to where its target landed, or becomes text."""

from __future__ import annotations

import pytest

from rewrite_links import LinkMap, stamp, stamp_note_links


@pytest.fixture
def links():
    return LinkMap(
        notes_prefix="notes",
        notes_files={"notes/README.md", "notes/day1.md", "notes/sections/vpc.md", "notes/lambda/README.md"},
        file_pages={"notes/README.md": "general.md", "notes/day1.md": "services/iam.md",
                    "notes/sections/vpc.md": "services/vpc.md", "notes/lambda/README.md": "services/lambda.md"},
        landed={("notes/day1.md", "iam"): ("services/iam.md", ""),
                ("notes/day1.md", "ec2"): ("services/ec2.md", "ec2"),
                ("notes/sections/vpc.md", "nacl"): ("services/vpc.md", "nacl")},
        assets={"notes/images/vpc.png": "notes-files/images/vpc.png"},
    )


@pytest.mark.parametrize("written_in, url, page, expected", [
    ("notes/day1.md", "#ec2", "services/iam.md", "../services/ec2.md#ec2"),  # an anchor, to where it landed
    ("notes/day1.md", "#iam", "services/iam.md", "#"),  # a heading that titles this page: its top
    ("notes/day1.md", "#nowhere", "services/iam.md", None),  # no such heading: text
    ("notes/README.md", "day1.md", "general.md", "services/iam.md"),  # a notes file: its first page
    ("notes/README.md", "sections/vpc.md#nacl", "general.md", "services/vpc.md#nacl"),
    ("notes/day1.md", "sections/vpc.md#gone", "services/iam.md", "../services/vpc.md"),  # the file, at least
    ("notes/README.md", "lambda", "general.md", "services/lambda.md"),  # a folder: its README
    ("notes/sections/vpc.md", "../README.md", "services/vpc.md", "../general.md"),
    ("notes/day1.md", "../LICENSE", "services/iam.md", None),  # outside the notes: text
    ("notes/sections/vpc.md", "../images/vpc.png", "services/vpc.md", "../notes-files/images/vpc.png"),
])
def test_stamped_links_resolve_from_the_file_they_were_written_in(links, written_in, url, page, expected):
    assert links.resolve(stamp(written_in) + url, page) == expected


def test_unstamped_links_are_the_web_or_cramdowns_own(links):
    assert links.resolve("https://example.com/a_(b)", "services/iam.md") == "https://example.com/a_(b)"
    assert links.resolve("../glossary.md#sqs", "services/iam.md") == "../glossary.md#sqs"


def test_a_missing_image_becomes_its_alt_text(links):
    assert links.resolve(stamp("notes/day1.md") + "img/missing.png", "services/iam.md", image=True) is None


def test_only_relative_destinations_are_stamped():
    text = "[a](#x) ![b](img.png) [c](https://example.com) [d](<my file.md>)"
    mark = stamp("notes/n.md")
    assert stamp_note_links(text, "notes/n.md") == \
        f"[a]({mark}#x) ![b]({mark}img.png) [c](https://example.com) [d](<{mark}my file.md>)"


@pytest.mark.parametrize("text, expected", [
    # CommonMark (GitHub) shows these as typed: a space in the address, an
    # unquoted "title". Python-Markdown would make links of them and hide words.
    ("[see](my notes.md)", "\\[see]\\(my notes.md)"),
    ("[x](javascript:alert('a b'))", "\\[x]\\(javascript:alert('a b'))"),
    ("![pic](javascript:alert('a b')).", "!\\[pic]\\(javascript:alert('a b'))."),
    # Links GitHub reads stay links; an escaped bracket stays as written.
    ("[a](https://example.com/a_(b)) and \\[b](c d)", "[a](https://example.com/a_(b)) and \\[b](c d)"),
    ('[t](https://example.com "a title")', '[t](https://example.com "a title")'),
])
def test_only_what_commonmark_reads_as_a_link_stays_one(text, expected):
    assert stamp_note_links(text, "notes/n.md") == expected
