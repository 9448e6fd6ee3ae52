"""read_markdown: Markdown notes read the way GitHub shows them."""

from __future__ import annotations

from notes_model import Format, Kind
from read_notes import read_notes_file


def shape(nodes, depth=0):
    out = []
    for node in nodes:
        out.append((depth, node.kind.value, node.text))
        out.extend(shape(node.children, depth + 1))
    return out


def test_setext_headings_end_the_section_before_them():
    text = "SQS\n===\n\n- queues\n\nSNS\n---\n\n- topics\n\n## Fan out\n\n- to queues\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert shape(notes.nodes) == [
        (0, "heading", "SQS"), (1, "bullet", "queues"),
        (1, "heading", "SNS"), (2, "bullet", "topics"), (1, "heading", "Fan out"), (2, "bullet", "to queues"),
    ]
    assert [n.level for n in notes.nodes[0].walk() if n.kind is Kind.HEADING] == [1, 2, 2]
    # A setext heading owns its underline, so no line is left without a block.
    assert [line.number for line in notes.nodes[0].lines] == [1, 2]


def test_headings_get_githubs_anchors_unique_in_their_file():
    text = "## 18 DynamoDB\n\n## 4.31. KMS Limits\n\n## Limits\n\n## Limits\n\n## [API Gateway](../README.md)\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert [n.anchor for n in notes.nodes] == ["18-dynamodb", "431-kms-limits", "limits", "limits-1", "api-gateway"]


def test_lines_no_reader_sees_are_recorded_with_why():
    text = "---\ntitle: x\n---\n\n<!-- TOC -->\n\n- see [the docs][d]\n\n[d]: https://example.com/a_(b)\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert notes.hidden == {1: "front matter", 2: "front matter", 3: "front matter", 5: "HTML comment",
                            9: "link reference definition"}
    assert notes.references["D"].href == "https://example.com/a_(b)"
    assert shape(notes.nodes) == [(0, "bullet", "see [the docs][d]")]


def test_a_list_items_first_paragraph_is_its_text_and_the_rest_its_children():
    text = "- item *one*\n  continued\n- item two\n\n  more about two\n  ```json\n  {}\n  ```\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert shape(notes.nodes) == [
        (0, "bullet", "item *one*\ncontinued"), (0, "bullet", "item two"),
        (1, "paragraph", "more about two"), (1, "code", "{}"),
    ]


def test_tables_quotes_and_html_blocks_are_kept_as_written():
    text = "| a | b |\n|---|---|\n| 1<br>2 | 3 |\n\n> a tip\n\n<details>\n<summary>Answer</summary>\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert [(n.kind, n.text) for n in notes.nodes] == [
        (Kind.RAW, "| a | b |\n|---|---|\n| 1<br>2 | 3 |"), (Kind.RAW, "> a tip"),
        (Kind.HTML, "<details>\n<summary>Answer</summary>"),
    ]


def test_a_fence_never_closed_ends_before_the_next_heading_and_says_where_it_opened():
    text = "## SQS\n\n```json\n{\"a\": 1}\n\n## SNS\n\n- topics\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert shape(notes.nodes) == [(0, "heading", "SQS"), (1, "code", '{"a": 1}'),
                                  (0, "heading", "SNS"), (1, "bullet", "topics")]
    assert notes.notices == ["notes/n.md:3: this code fence is never closed, so it was ended before the heading on "
                             "line 6 (close it with ``` on a line of its own)"]


def test_a_run_of_questions_is_one_block_per_question():
    text = "Q: first?\nA: one\nQ: second?\nA: two\n"
    notes = read_notes_file("notes/n.md", text.encode())
    assert shape(notes.nodes) == [(0, "paragraph", "Q: first?\nA: one"), (0, "paragraph", "Q: second?\nA: two")]
    assert [[line.number for line in n.lines] for n in notes.nodes] == [[1, 2], [3, 4]]


def test_a_markdown_file_that_is_really_an_outline_is_read_as_one():
    body = "\n".join(f"    #Service{i}\n        - note {i}" for i in range(5))
    notes = read_notes_file("notes/n.md", f"# My notes\n{body}\n".encode())
    assert notes.fmt is Format.OUTLINE
    assert [n.text for n in notes.nodes[0].children][:2] == ["Service0", "Service1"]
