"""sanitise_html: GitHub's HTML stays, other tags show as text, nothing runs."""

from __future__ import annotations

import pytest

from sanitise_html import sanitise_html_block, sanitise_markdown


@pytest.mark.parametrize("text, expected", [
    ("a<br>b <sup>1</sup> <kbd>Ctrl</kbd>", "a<br>b <sup>1</sup> <kbd>Ctrl</kbd>"),
    ("<img src=x onerror=alert(1)>", '<img src="x">'),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("upload to <your-bucket>", "upload to &lt;your-bucket&gt;"),
    ("a<br/ >b and a < b", "a&lt;br/ >b and a &lt; b"),  # no valid tag: text, as CommonMark reads it
    ("<https://example.com/a_(b)> and <me@example.com>", "<https://example.com/a_(b)> and <me@example.com>"),
    ("`<kept>` <!-- gone -->", "`<kept>` "),
    ("it was `\n<ID>\n` then <x>", "it was `\n<ID>\n` then &lt;x&gt;"),
])
def test_inline_html(text, expected):
    assert sanitise_markdown(text) == expected


def test_a_block_is_closed_where_it_ends_but_details_may_hold_the_blocks_after_it():
    assert sanitise_html_block('<h1 align="center">\n<p>title</p>') == "<h1>\n<p>title</p></h1>"
    assert sanitise_html_block("<details>\n<summary>Answer</summary>") == \
        '<details markdown="1">\n<summary>Answer</summary>'
    assert sanitise_html_block("</b> stray") == " stray"


def test_addresses_can_be_rewritten_and_an_unreachable_image_shows_its_alt_text():
    urls = {"images/a.png": "site/a.png"}.get
    assert sanitise_markdown('<img src="images/a.png" alt="A">', lambda url, image: urls(url)) == \
        '<img src="site/a.png" alt="A">'
    assert sanitise_markdown('<img src="missing.png" alt="B">', lambda url, image: urls(url)) == "B"
