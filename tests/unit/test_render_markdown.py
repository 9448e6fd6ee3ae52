"""render_markdown: notes text renders as written. The expected HTML files
were read line by line against the input before being saved."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.utils import yaml_load
from render_markdown import MarkdownWriter, escape_outline, markdown_for_page

from calculators import superfences_fence
from helpers import FIXTURES, ROOT
from read_notes import read_notes_file

CASES = sorted(p.stem for p in (FIXTURES / "render").glob("*.txt"))


def site_markdown(exam=None, render=None) -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml configures, and with an
    ``exam`` the calculator fence the build adds (else a calculator fence
    reads as text, and a fence after it can pair with its closing line)."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    if exam is not None:
        configs["pymdownx.superfences"] = {**configs.get("pymdownx.superfences", {}), "custom_fences": [
            superfences_fence(exam.calculators, exam.limits, render)]}
    return markdown.Markdown(extensions=names, extension_configs=configs)


@pytest.mark.parametrize("case", CASES)
def test_outline_renders_as_golden_html(case):
    notes = read_notes_file(f"{case}.txt", (FIXTURES / "render" / f"{case}.txt").read_bytes())
    html = site_markdown().convert(MarkdownWriter(2).render(notes.nodes))
    assert html + "\n" == (FIXTURES / "render" / f"{case}.html").read_text(encoding="utf-8")


def test_escaped_text_round_trips_through_markdown():
    tricky = r"a*b*c _d_ [e](f) <g> &h; `i` \j #k !l |m| ==n== {o}"
    html = site_markdown().convert(escape_outline("x " + tricky))
    assert "<em>" not in html and "<a " not in html and "<g>" not in html
    assert "<code>i</code>" in html and "<mark>n</mark>" in html


def test_markdown_notes_keep_markdown_and_githubs_html_but_nothing_that_runs():
    text = "**bold** <script>x()</script> `<kept>` a<br>b <sup>1</sup> <img src=x onerror=alert(1)>"
    assert markdown_for_page(text) == ("**bold** &lt;script&gt;x()&lt;/script&gt; `<kept>` a<br>b <sup>1</sup> "
                                       '<img src="x">')


def test_markdown_notes_show_mkdocs_only_syntax_as_typed():
    assert markdown_for_page('!!! note "Title"\ntext {: .big }') == '\\!\\!\\! note "Title"\ntext \\{: .big }'


def test_a_code_span_over_several_lines_keeps_its_html():
    assert markdown_for_page("it was `\n<ID>\n` and <x>") == "it was `\n<ID>\n` and &lt;x&gt;"


def test_a_paragraph_under_a_paragraph_in_a_list_stays_text_not_code():
    # Found by the property test: an empty bullet, a line under it and a line
    # under that one. Indented four more spaces, the last would be a code block
    # and show its "<b>" escaped twice.
    notes = read_notes_file("notes/n.txt", "• \n  RegionMap:\n\n    <b>x</b> stays text\n".encode())
    html = site_markdown().convert(MarkdownWriter(2).render(notes.nodes))
    assert "<code>" not in html and "<pre>" not in html
    assert "&lt;b&gt;x&lt;/b&gt; stays text" in html
