"""Other people's notes and bad input, through real strict builds."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, ROOT, article_words, assert_one_error_line, content_pages, copy_project, run_build, words


def fixture_notes(case: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (FIXTURES / case).iterdir() if p.name != "expected.txt"}


def assert_nothing_lost(result, notes: dict[str, bytes]) -> None:
    pages = [article_words(text) for _, text in content_pages(result.site)]
    for name, content in notes.items():
        for line in content.decode("utf-8").splitlines():
            if re.match(r"^\s*```", line):
                continue  # a fence delimiter is markup
            wanted = words(re.sub(r"^\s*(?:[•\-*]|\d+\.|#+)\s*", "", line))
            assert not wanted or any(wanted in page for page in pages), f"{name}: {line!r}"


@pytest.mark.parametrize("case, pages", [
    ("markdown-long", ["services/sqs", "services/dynamodb", "general", "practice-exam"]),
    ("markdown-folder", ["services/sqs", "services/lambda", "services/api-gateway", "services/cognito"]),
    ("outline", ["services/sqs", "services/ecs", "services/x-ray", "topics/containers-on-aws"]),
])
def test_other_notes_build_into_service_pages_with_nothing_lost(build, case, pages):
    notes = fixture_notes(case)
    result = build(notes)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    for page in pages:
        assert (result.site / page / "index.html").exists(), page
    assert_nothing_lost(result, notes)


def test_markdown_subheadings_sit_under_the_service_title(build):
    result = build(fixture_notes("markdown-long"))
    page = result.page("services/sqs")
    assert re.search(r'<h2[^>]* id="dead-letter-queues"[^>]*>Dead-letter queues', page)
    assert re.search(r"<h1[^>]*>SQS", page)


def test_empty_notes_folder(build):
    assert_one_error_line(build({}), "notes/: no notes files found (add at least one .txt or .md file)")


def test_notes_with_no_service(build):
    result = build({"diary.txt": "• Went for a run\n  • It rained\n"})
    assert_one_error_line(result, "notes/diary.txt:1: no service from the catalogue was found in the notes "
                                  "(start a bullet or heading with a service name from "
                                  "hooks/exams/aws-developer-associate/services.yml, "
                                  "e.g. '• SQS:' or '## SQS')")


def test_invalid_utf8(build):
    result = build({"a.txt": b"\xe2\x80\xa2 SQS:\n  \xe2\x80\xa2 caf\xe9 latte\n"})
    assert_one_error_line(result, "notes/a.txt:2: not valid UTF-8 (byte 0xe9 at column 8) (save the file as UTF-8)")


def test_tabs_uneven_indentation_and_odd_bullets_build(build):
    notes = {"n.txt": "• SQS:\n\t• tab-indented child\n   ❖ odd symbol line\n       ◦ deep uneven child\n"
                      "  • back out\n".encode()}
    result = build(notes)
    assert result.returncode == 0, result.output
    assert_nothing_lost(result, notes)


def test_same_service_twice_is_merged_in_order(build):
    notes = {"n.txt": "• SQS:\n  • first part\n• SNS:\n  • topics\n• SQS\n  • second part\n".encode()}
    result = build(notes)
    assert result.returncode == 0, result.output
    page = article_words(result.page("services/sqs"))
    assert words("first part") in page and words("second part") in page
    assert page.index(words("first part")) < page.index(words("second part"))


def test_raw_html_shows_as_text_and_never_runs(build):
    notes = {"n.txt": '• S3:\n  • upload to <your-bucket> then <script>alert("x")</script>\n'
                      '  • <img src=x onerror=alert(1)> and {{ jinja }} {% if x %}\n'.encode()}
    result = build(notes)
    assert result.returncode == 0, result.output
    page = result.page("services/s3")
    article = page[page.index('<article'):page.index('</article>')]
    assert "<script" not in article and "<img" not in article and "<your-bucket>" not in article
    assert "&lt;your-bucket&gt;" in article and "&lt;script&gt;" in article
    assert "{{ jinja }}" in article and "{% if x %}" in article


def test_line_of_ten_thousand_characters(build):
    long_line = "• SQS: " + "lorem ipsum " * 1000
    result = build({"n.txt": long_line.encode()})
    assert result.returncode == 0, result.output
    assert words(long_line[2:]) in article_words(result.page("services/sqs"))


def test_nothing_is_written_into_docs(tmp_path):
    project = copy_project(tmp_path / "project")
    before = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*"))
    assert run_build(project).returncode == 0
    after = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*"))
    assert after == before


def test_heading_anchors_are_stable_between_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    anchors = []
    for _ in range(2):
        assert run_build(project).returncode == 0
        page = (project / "site" / "services" / "ecs" / "index.html").read_text(encoding="utf-8")
        anchors.append(re.findall(r'<h2[^>]* id="([^"]+)"', page))
    assert anchors[0] == anchors[1] and "ecs-tasks" in anchors[0]


def test_serve_watches_the_notes_folder():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert str(ROOT / "notes") in config.watch


def test_calculator_fence_in_notes_places_a_widget(build):
    notes = {"sqs.md": "## SQS\n\n- Messages\n\n```calculator payload\n```\n"}
    result = build(notes)
    assert result.returncode == 0, result.output
    assert 'data-calc="payload"' in result.page("services/sqs")


def test_unknown_calculator_in_notes_names_file_and_line(build):
    result = build({"sqs.md": "## SQS\n\n- Messages\n\n```calculator sqs-size\n```\n"})
    assert_one_error_line(result, "notes/sqs.md:5: unknown calculator 'sqs-size' (write ```calculator NAME "
                                  "with NAME one of: dynamodb, kinesis, payload, s3, vpc)")


def test_unknown_calculator_in_a_hand_written_page(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "extra.md").write_text("# Extra\n\nText\n\n```calculator dynamo\n```\n")
    result = run_build(project)
    assert_one_error_line(result, "docs/extra.md:5: unknown calculator 'dynamo' (write ```calculator NAME "
                                  "with NAME one of: dynamodb, kinesis, payload, s3, vpc)")


def test_a_wrong_worked_example_is_shown_and_logged_but_the_site_builds(build):
    notes = {"n.txt": "• DynamoDB\n  • Examples:\n    • 10 Strongly Consistent Reads per second, with item size "
                      "6 KB\n      • 10 * (6/4) = 15 RCU\n".encode()}
    result = build(notes)
    assert result.returncode == 0, result.output
    assert "INFO    -  cramdown: notes/n.txt:4: the notes say 15 RCU, but the DynamoDB rules give 20 RCU" \
        in result.output
    items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", result.page("services/dynamodb"))]
    assert "10 * (6/4) = 15 RCU Check: the rules give 20 RCU" in items


def test_numbers_and_calculators_pages(default_site):
    numbers = article_words(default_site.page("numbers"))
    for text in ("Maximum message size", "1 MiB", "was 256 KiB until 2025-08-04", "48.8 TiB",
                 "was 5 TiB until 2025-12-02", "was 256 KB until 2025-10-24"):
        assert words(text) in numbers, text
    calculators = default_site.page("calculators")
    assert re.findall(r'data-calc="([a-z0-9]+)"', calculators) == ["dynamodb", "kinesis", "payload", "s3", "vpc"]


def test_a_note_about_no_service_says_where_it_went_and_how_to_route_it(build):
    result = build({"n.txt": "• SQS:\n  • queues\nThings I got wrong\n  • drink more water\n".encode()})
    assert result.returncode == 0, result.output
    assert ("INFO    -  cramdown: notes/n.txt:4: this practice-exam note names no service, so it is on the General "
            "page (to route it, name the service in it, or add one of its words to that service's keywords in "
            "hooks/exams/aws-developer-associate/services.yml)") in result.output
    assert "1 of 1 exam notes routed" not in result.output and "1 unassigned" in result.output
