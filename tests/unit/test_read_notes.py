"""read_notes: formats, nesting and clear errors for bad bytes."""

from __future__ import annotations

import pytest

from notes_model import Format, Kind, NotesError
from read_notes import read_notes_dir, read_notes_file


def shape(nodes, depth=0):
    """(depth, kind, text) for every block, in order."""
    out = []
    for node in nodes:
        out.append((depth, node.kind.value, node.text))
        out.extend(shape(node.children, depth + 1))
    return out


def test_outline_nesting_follows_indentation_leniently():
    text = "  • A\n      • deep jump\n    • back to a middle level\n• B\n"
    notes = read_notes_file("n.txt", text.encode())
    assert shape(notes.nodes) == [
        (0, "bullet", "A"), (1, "bullet", "deep jump"), (1, "bullet", "back to a middle level"),
        (0, "bullet", "B"),
    ]


def test_tabs_count_as_four_columns():
    notes = read_notes_file("n.txt", "• A\n\t• child\n\t\t• grandchild\n".encode())
    assert shape(notes.nodes) == [(0, "bullet", "A"), (1, "bullet", "child"), (2, "bullet", "grandchild")]


def test_numbered_items_and_other_bullet_symbols():
    notes = read_notes_file("n.txt", "◦ circle\n- dash\n* star\n1. one\n2) two\n".encode())
    assert [(n.kind, n.text, n.number) for n in notes.nodes] == [
        (Kind.BULLET, "circle", ""), (Kind.BULLET, "dash", ""), (Kind.BULLET, "star", ""),
        (Kind.NUMBERED, "one", "1"), (Kind.NUMBERED, "two", "2"),
    ]


def test_unknown_bullet_symbol_is_kept_as_text():
    notes = read_notes_file("n.txt", "❖ fancy item\n".encode())
    assert shape(notes.nodes) == [(0, "paragraph", "❖ fancy item")]


def test_paragraph_takes_children_only_when_it_introduces_them():
    text = "Intro line\n\n  • not its child\n\nA question?\n\n  • its answer\n"
    notes = read_notes_file("n.txt", text.encode())
    assert shape(notes.nodes) == [
        (0, "paragraph", "Intro line"), (0, "bullet", "not its child"),
        (0, "paragraph", "A question?"), (1, "bullet", "its answer"),
    ]


def test_yaml_block_in_outline_becomes_code():
    text = "Mappings:\n  RegionMap:\n    us-east-1:\n      HVM64: \"ami-1\"\n\nGSI vs LSI:\n  • a\n"
    notes = read_notes_file("n.txt", text.encode())
    code = notes.nodes[0]
    assert (code.kind, code.language) == (Kind.CODE, "yaml")
    assert code.text.splitlines() == ["Mappings:", "  RegionMap:", "    us-east-1:", '      HVM64: "ami-1"']
    assert [line.number for line in code.lines] == [1, 2, 3, 4]
    assert shape(notes.nodes[1:]) == [(0, "paragraph", "GSI vs LSI:"), (1, "bullet", "a")]


def test_markdown_hash_inside_fence_is_not_a_heading():
    text = "## SQS\n\n```bash\n# not a heading\n```\n\n## SNS\n\n- topics\n"
    notes = read_notes_file("n.md", text.encode())
    assert notes.fmt is Format.MARKDOWN
    assert shape(notes.nodes) == [
        (0, "heading", "SQS"), (1, "code", "# not a heading"), (0, "heading", "SNS"), (1, "bullet", "topics"),
    ]


def test_markdown_paragraph_lines_join():
    notes = read_notes_file("n.md", b"first line\nsecond line\n\n- item\n  continued\n")
    assert shape(notes.nodes) == [(0, "paragraph", "first line\nsecond line"), (0, "bullet", "item\ncontinued")]


def test_format_detection():
    assert read_notes_file("a.txt", "• x\n".encode()).fmt is Format.OUTLINE
    assert read_notes_file("a.txt", b"## SQS\n- x\n").fmt is Format.MARKDOWN
    assert read_notes_file("a.txt", "## SQS\n• x\n".encode()).fmt is Format.OUTLINE
    assert read_notes_file("a.md", b"plain\n").fmt is Format.MARKDOWN


def test_bom_and_crlf_are_accepted():
    notes = read_notes_file("n.txt", "\ufeff• A\r\n  • B\r\n".encode())
    assert shape(notes.nodes) == [(0, "bullet", "A"), (1, "bullet", "B")]


def test_invalid_utf8_names_file_line_and_column():
    # UTF-8 on line 1 and a stray byte on line 2: a mix no single guess can read.
    with pytest.raises(NotesError) as caught:
        read_notes_file("notes/x.txt", "• ok line\n".encode() + b"bad \xff here\n")
    assert str(caught.value) == "notes/x.txt:2: not valid UTF-8 (byte 0xff at column 5) (save the file as UTF-8)"


def test_a_windows_1252_file_is_read_with_a_notice():
    notes = read_notes_file("notes/x.txt", b"\x95 SQS: it\x92s 256 KB\n")
    assert notes.lines[0].text == "• SQS: it’s 256 KB"
    assert notes.notices == ["notes/x.txt: not UTF-8, so it was read as Windows-1252 (save it as UTF-8 to be sure "
                             "every character shows as you wrote it)"]


def test_control_character_is_refused_with_its_place():
    with pytest.raises(NotesError) as caught:
        read_notes_file("notes/x.txt", b"fine\nbell \x07 here\n")
    assert str(caught.value).startswith("notes/x.txt:2: control character U+0007 at column 6")


def test_empty_notes_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NotesError) as caught:
        read_notes_dir(tmp_path)
    assert str(caught.value) == "notes/: no notes files found (add at least one .txt or .md file)"


def test_files_are_read_sorted_by_path(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("y")
    (tmp_path / "a.txt").write_text("z")
    (tmp_path / "ignored.rst").write_text("w")
    assert [f.path for f in read_notes_dir(tmp_path)] == ["notes/a.txt", "notes/b.md", "notes/sub/a.txt"]


def test_very_long_line_is_one_block():
    long_line = "• " + "word " * 3000
    notes = read_notes_file("n.txt", long_line.encode())
    assert len(notes.nodes) == 1 and len(notes.nodes[0].text) > 10_000


def test_outline_titles_become_headings():
    text = ("=====\nAWS LAMBDA\n=====\nruns code\n--- Limits ---\n15 min\n\nKINESIS\nstreams\n\n"
            "SQS\n  • queues\n\nDynamoDB\n--------\ntables\n")
    notes = read_notes_file("n.txt", text.encode())
    assert shape(notes.nodes) == [
        (0, "heading", "AWS LAMBDA"), (1, "paragraph", "runs code"), (1, "heading", "Limits"),
        (2, "paragraph", "15 min"), (1, "heading", "KINESIS"), (2, "paragraph", "streams"),
        (2, "heading", "SQS"), (3, "bullet", "queues"), (1, "heading", "DynamoDB"), (2, "paragraph", "tables"),
    ]
    levels = {n.text: n.level for n in notes.nodes[0].walk() if n.kind is Kind.HEADING}
    assert levels == {"AWS LAMBDA": 1, "Limits": 2, "KINESIS": 2, "SQS": 3, "DynamoDB": 2}
    assert [line.number for line in notes.nodes[0].lines] == [1, 2, 3]  # the rules belong to the title


def test_a_title_needs_its_block_and_a_sentence_is_no_title():
    text = "Intro line\n\n  • not its child\n\nThis sentence ends with a full stop.\nnext line\n"
    notes = read_notes_file("n.txt", text.encode())
    assert [n.kind.value for n in notes.nodes] == ["paragraph", "bullet", "paragraph", "paragraph"]


def test_a_table_lined_up_with_spaces_is_code():
    text = "Service     Max size    Notes\nSQS         1 MiB       was 256 KB\nSNS         256 KB      -\n"
    notes = read_notes_file("n.txt", text.encode())
    assert [(n.kind, n.language) for n in notes.nodes] == [(Kind.CODE, "text")]


def test_an_outline_fence_never_closed_ends_at_the_next_title():
    text = "S3\n  • commands:\n```\naws s3 ls\n\nCloudFront\n  • edges\n"
    notes = read_notes_file("n.txt", text.encode())
    assert [n.text for n in notes.nodes] == ["S3", "CloudFront"]
    assert notes.notices == ["n.txt:3: this code fence is never closed, so it was ended before line 6 "
                             "(close it with ``` on a line of its own)"]
