"""exam_guide: the guide's lists load, and a mistake is one line naming
where; notes_coverage: services with no or thin notes, key topics a
service's notes never name, and glossary terms never mentioned."""

from __future__ import annotations

import pytest
from exam_guide import load_guide
from notes_coverage import THIN_LINES, measure

from notes_model import NotesError

GOOD = """\
exam: Example exam (EX-01)
questions: 20
minutes: 40
source: {url: https://example.com/guide.pdf, title: Example guide, read: 2026-12-01}
domains:
  - {id: build, title: Build, weight: 60, services: [lambda, sqs]}
  - {id: secure, title: Secure, weight: 40, services: [iam]}
in_scope:
  Compute:
    - {name: AWS Lambda, service: lambda}
    - {name: AWS Copilot}
  Integration:
    - {name: Amazon SQS, service: sqs}
    - {name: Amazon MQ, also: [ActiveMQ]}
topics:
  sqs:
    - [long polling, ReceiveMessageWaitTimeSeconds]
    - visibility timeout
    - [delay queue, delay queues]
"""


def guide_from(tmp_path, catalogue, text: str):
    path = tmp_path / "exam_guide.yml"
    path.write_text(text, encoding="utf-8")
    return load_guide(path, "exams/x/exam_guide.yml", catalogue)


def test_a_guide_loads_its_domains_services_and_topics(tmp_path, catalogue):
    guide = guide_from(tmp_path, catalogue, GOOD)
    assert (guide.questions, guide.minutes, guide.read) == (20, 40, "2026-12-01")
    assert [d.id for d in guide.domains] == ["build", "secure"]
    assert guide.domain_of("iam") == "secure"
    assert guide.domain_of("dynamodb") == "build"  # a service in no list counts towards the first
    assert [(s.name, s.service) for s in guide.in_scope][:2] == [("AWS Lambda", "lambda"), ("AWS Copilot", "")]
    assert [t.title for t in guide.topics["sqs"]] == ["long polling", "visibility timeout", "delay queue"]


@pytest.mark.parametrize("change, line, words", [
    (("weight: 40", "weight: 30"), 5, "the domains' weights add up to 90 (they must add up to 100)"),
    (("services: [iam]", "services: [nope]"), 7, "domain 'secure' names unknown service 'nope'"),
    (("read: 2026-12-01", "read: last week"), 4, "source.read must be a date (YYYY-MM-DD)"),
    (("questions: 20", "questions: lots"), 2, "questions must be a whole number above 0"),
    (("    - {name: AWS Copilot}", "    - {title: AWS Copilot}"), 11, "has unknown field 'title'"),
    (("  sqs:\n", "  sns-typo:\n"), 16, "topics names unknown service 'sns-typo'"),
])
def test_a_mistake_in_the_guide_is_one_line_saying_where_and_what_is_allowed(tmp_path, catalogue, change, line,
                                                                                  words):
    with pytest.raises(NotesError) as raised:
        guide_from(tmp_path, catalogue, GOOD.replace(*change))
    message = str(raised.value)
    assert message.startswith(f"exams/x/exam_guide.yml:{line}: ")
    assert words in message
    assert "\n" not in message


def test_coverage_finds_no_notes_thin_notes_missing_topics_and_unmentioned_terms(tmp_path, exam):
    guide = guide_from(tmp_path, exam.catalogue, GOOD)
    own = {
        "sqs": ["SQS: visibility timeout is 30 seconds", "Long polling waits up to 20 seconds",
                "FIFO queues keep order", "Standard queues scale", "A DLQ keeps failed messages"],
        "lambda": ["Lambda runs functions"],
    }
    every = [*own["sqs"], *own["lambda"], "We moved from ActiveMQ last year"]
    coverage = measure(guide, exam.catalogue, exam.glossary, own, every, exam.find_terms)
    by_name = {s.name: s for s in coverage.services}
    assert by_name["Amazon SQS"].status == "covered" and len(own["sqs"]) >= THIN_LINES
    assert by_name["Amazon SQS"].missing_topics == ("delay queue",)
    assert by_name["AWS Lambda"].status == "thin"
    assert by_name["AWS Copilot"].status == "none" and by_name["AWS Copilot"].mentions == 0
    assert by_name["Amazon MQ"].status == "none" and by_name["Amazon MQ"].mentions == 1  # by its other name
    unmentioned = {t.slug for t in coverage.unmentioned_terms}
    assert "visibility-timeout" not in unmentioned and "dlq" not in unmentioned
    assert "cold-start" in unmentioned


def test_the_default_guide_names_only_catalogue_services_and_its_weights_add_up(exam):
    guide = exam.guide
    assert guide is not None
    assert sum(d.weight for d in guide.domains) == 100
    assert all(s.service in exam.catalogue.services for s in guide.in_scope if s.service)
    assert len({s.name for s in guide.in_scope}) == len(guide.in_scope)
