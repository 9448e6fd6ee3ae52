"""practice_questions: which cards and data become questions, their wrong
options, and why a candidate gives none; domain weights for the mock exam."""

from __future__ import annotations

import re

import pytest
from practice_questions import (
    Question,
    amount,
    decisions,
    describe,
    domain_counts,
    giveaway,
    make_questions,
    same_kind,
    stems,
    unfair,
)

from helpers import FIXTURES, ROOT
from limits import both_values, changed_limit_lines
from read_notes import read_notes_dir, read_notes_file
from route_exam_notes import route_exam_notes
from split_by_service import split_by_service
from study_cards import BLANK, Card, make_cards
from write_pages.common import service_nodes


def cards_of(files, exam):
    split = split_by_service(files, exam.catalogue)
    routing = route_exam_notes(split.exam_items, exam.catalogue)
    nodes = [n for sections in split.sections.values() for s in sections for n in s.nodes]
    nodes += [n for i in split.exam_items for n in i.nodes]
    changed = changed_limit_lines(nodes, exam.limits, service_nodes(split, routing))
    return make_cards(split, routing, exam.find_terms, {k: both_values(v) for k, v in changed.items()})


def card(front: str, answer: str, service: str = "sqs", kind: str = "cloze") -> Card:
    return Card("id", kind, service, front, front.replace(BLANK, answer), answer, "notes/n.txt", 1)


@pytest.fixture(scope="module")
def default_questions(exam):
    cards = cards_of(read_notes_dir(ROOT / "notes"), exam)
    services = sorted({c.service for c in cards if c.service})
    return make_questions(cards, exam.catalogue, exam.glossary, exam.limits, services)


def test_the_default_notes_give_at_least_sixty_questions_across_fifteen_services(default_questions):
    # The bar, for a build of the default notes with the exam's data.
    assert len({q.id for q in default_questions}) >= 60
    assert len({q.service for q in default_questions if q.service}) >= 15
    from_notes = [q for q in default_questions if q.path]
    assert {q.kind for q in from_notes} >= {"number", "term", "trap"}  # the notes' own lines give questions too


def test_every_question_has_one_answer_and_three_distinct_wrong_options_none_in_its_wording(default_questions):
    assert len({q.id for q in default_questions}) == len(default_questions)
    assert len({q.stem.casefold() for q in default_questions}) == len(default_questions)
    for q in default_questions:
        assert len(q.options) == 4, q
        assert len({" ".join(o.casefold().split()) for o in q.options}) == 4, q
        asked = q.stem.replace(BLANK, " ").casefold()
        assert all(o.casefold() not in asked.split() for o in q.options), q
        assert unfair(q.stem, q.options) == "", q


def test_the_decisions_for_each_shape_of_line_match_the_hand_checked_golden_file(exam):
    """tests/fixtures/questions/decisions.txt was read line by line before it
    was saved: the cards fixture's lines, and the exam's limits and services."""
    cards = cards_of([read_notes_file("notes/cards.txt", (FIXTURES / "cards" / "notes.txt").read_bytes())], exam)
    services = sorted({c.service for c in cards if c.service})
    found = decisions(cards, exam.catalogue, exam.glossary, exam.limits, services)
    # The glossary's own questions are left out: they have tests of their own.
    lines = [line for line in describe(found) if not line.startswith("term ")]
    expected = (FIXTURES / "questions" / "decisions.txt").read_text(encoding="utf-8").splitlines()
    assert len(expected) >= 40
    assert lines == expected


@pytest.mark.parametrize("text, shown, family", [
    ("256KB", "256 KB", "size"),
    ("1 MiB", "1 MiB", "size"),
    ("900 seconds", "900 seconds", "time"),
    ("1,000 concurrent executions", "1,000 concurrent executions", "concurrent execution"),
    ("30 WCU", "30 WCU", "wcu"),
    ("50%", "50%", "%"),
])
def test_an_amount_is_shown_in_one_style_and_compared_by_kind(text, shown, family):
    found = amount(text)
    assert found.text == shown
    assert found.family == family


def test_sizes_and_times_compare_across_units():
    assert amount("1 MB").value == amount("1024 KB").value
    assert amount("15 minutes").value == amount("900 seconds").value


@pytest.mark.parametrize("stem, options, reason", [
    ("Which queue keeps failed messages for later?", ("DLQ", "DLQ", "FIFO", "SNS"), "two options are the same"),
    ("S3 employs ____, with encryption keys in KMS", ("SSE", "SSE-KMS", "SSE-C", "CSE"), "holds the answer"),
    ("Max ____ here", ("256 KB", "1 MB", "2 MB", "4 MB"), "fewer than 4 words"),
    ("A DLQ keeps the messages a consumer could not process in time", ("DLQ", "FIFO queue", "Visibility timeout",
                                                                      "Message group"), "holds its answer"),
    ("CloudTrail's detection of unusual API activity, such as a spike",
     ("CloudTrail Insights", "Custom metrics", "Instrumentation", "Alarm"), "only the answer repeats"),
    ("Which term is this? A query language for APIs",
     ("GraphQL", "REST", "Resolver", "Subscription"), "only the answer repeats"),
    ("Popular design where publish and subscribe apps share one topic",
     ("Pub/sub", "Fan out", "Message filtering", "Topic policy"), "only the answer repeats"),
    ("One question with only two options here", ("A thing", "B thing"), "fewer than 3"),
])
def test_an_unfair_question_says_why(stem, options, reason):
    assert reason in unfair(stem, options)


def test_a_word_the_answer_shares_with_the_question_is_fair_when_a_wrong_option_shares_it_too():
    stem = "Which term is this? A Step Functions state that runs several branches at once."
    assert giveaway(stem, "Parallel state", ["Choice state", "Wait state", "Map state"]) == set()
    assert giveaway(stem, "Parallel state", ["Task token", "Activity", "Express workflow"]) == {"state"}


def test_stems_join_word_forms_and_split_names_run_together():
    assert stems("routed") == stems("Routing") == stems("routes")
    assert "map" in stems("Fn::FindInMap")
    assert "the" not in stems("the queue") and "ec2" in stems("EC2")


@pytest.mark.parametrize("one, other, alike", [
    ("sam deploy", "cloudformation package", True),
    ("buildspec.yml", "appspec.yml", True),
    ("GetCallerIdentity", "AssumeRole", True),
    ("Visibility timeout", "DLQ", True),
    ("Fn::FindInMap", "sam deploy", False),
    ("IaC", "cloudformation package", False),
    ("buildspec.yml", "Git credentials", False),
])
def test_options_are_of_one_kind(one, other, alike):
    assert same_kind(one, other) is alike


def test_a_number_question_never_offers_a_value_the_question_states(exam):
    stem = f"Memory allocation: {BLANK} – 10GB (1 MB increments)"
    found = decisions([card(stem, "128 MB", service="lambda")], exam.catalogue, {}, exam.limits, ["lambda"])
    question = found[0][1]
    assert isinstance(question, Question)
    assert question.answer == "128 MB"
    assert not {"10,240 MB", "10 GB", "1 MB"} & set(question.options)


def test_a_changed_limit_is_asked_as_todays_value_with_the_old_one_as_a_wrong_option(exam):
    found = dict(decisions([], exam.catalogue, {}, exam.limits, ["sqs"]))
    question = found["limit sqs.message_max"]
    assert isinstance(question, Question)
    assert question.stem.endswith("today?")
    assert question.answer == "1 MiB"
    assert "256 KiB" in question.options  # as limits.yml writes the old value
    assert "2025-08-04" in question.explanation


def test_a_notes_line_about_a_changed_limit_gives_no_question(exam):
    changed = Card("id", "cloze", "sqs", f"Max Size for SQS Message is {BLANK}", "...", "256KB", "n", 1,
                   changed="now 1 MiB")
    found = decisions([changed], exam.catalogue, {}, {}, [])
    assert "changed" in found[0][1]


@pytest.mark.parametrize("front, answer, reason", [
    (f"Schedule a rule every {BLANK} with EventBridge", "1 hour", "an example"),
    (f"Main thing we need to know is {BLANK}. That is", "Bootstrapping", "cut off"),
    (f"Lambda Destinations is a concept where {BLANK} handles failed events, where we", "DLQ", "cut off"),
])
def test_a_line_that_gives_no_fair_question_says_why(exam, front, answer, reason):
    found = decisions([card(front, answer, service="lambda")], exam.catalogue, exam.glossary, exam.limits,
                      ["lambda"])
    assert reason in found[0][1]


def test_a_line_that_leans_on_its_section_names_its_service(exam):
    stem = f"Allows us to grant limited and temporary access to AWS Resources (up to {BLANK})"
    question = decisions([card(stem, "1 hour", service="sts")], exam.catalogue, {}, exam.limits, ["sts"])[0][1]
    assert isinstance(question, Question)
    assert question.stem.startswith("STS: ")


def test_a_which_service_question_never_asks_of_a_topic_page_nor_offers_one(exam):
    services = list(exam.catalogue.services)
    found = dict(decisions([], exam.catalogue, {}, {}, services))
    topics = {s.title for s in exam.catalogue.services.values() if s.topic}
    assert topics  # the default catalogue has topic pages ("SDK and CLI")
    for service in exam.catalogue.services.values():
        question = found[f"service {service.id}"]
        if service.topic:
            assert question == "a topic page, not one service"
        elif isinstance(question, Question):
            assert not topics & set(question.options)


def test_term_questions_offer_terms_of_the_same_kind_and_never_a_part_of_the_answer(exam):
    found = dict(decisions([], exam.catalogue, exam.glossary, {}, list(exam.catalogue.services)))
    asked = 0
    for slug, term in exam.glossary.items():
        question = found[f"term {slug}"]
        if not isinstance(question, Question):
            continue
        asked += 1
        for wrong in question.options[1:]:
            other = next(t for t in exam.glossary.values() if wrong in t.names)
            if term.kind:
                assert other.kind == term.kind, (term.term, wrong)
            else:  # a term of no kind meets only its own service's terms
                assert term.service and other.service == term.service, (term.term, wrong)
            assert not any(re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", other.definition, re.IGNORECASE)
                           for name in term.names), (term.term, wrong)
    assert asked


def test_your_own_questions_take_wrong_options_from_your_other_answers(exam, split_notes):
    text = "• SQS:\n" + "".join(f"  • Q: Which SQS setting question number {n}?\n  • A: Setting {n}\n"
                                  for n in range(1, 5))
    split = split_notes(text)
    cards = make_cards(split, route_exam_notes(split.exam_items, exam.catalogue), exam.find_terms)
    own = [q for q in make_questions(cards, exam.catalogue, {}, {}, ["sqs"]) if q.kind == "own"]
    assert len(own) == 4
    for question in own:
        assert sorted(question.options) == [f"Setting {n}" for n in range(1, 5)]


def test_the_mock_exam_shares_follow_the_domain_weights_and_add_up(exam):
    counts = domain_counts(exam.guide, exam.guide.questions)
    assert sum(counts.values()) == exam.guide.questions
    for domain in exam.guide.domains:
        assert abs(counts[domain.id] - exam.guide.questions * domain.weight / 100) < 1
    assert sum(domain_counts(exam.guide, 7).values()) == 7
    assert domain_counts(None, 65) == {}


def test_a_bare_number_the_question_states_is_never_a_wrong_option(exam):
    stem = f"access tiers: Hot, Cool ({BLANK} min), Cold (90), Archive (180, offline)"
    question = decisions([card(stem, "30 days", service="s3")], exam.catalogue, {}, {}, ["s3"])[0][1]
    assert isinstance(question, Question)
    assert question.answer == "30 days"
    assert not {"90 days", "180 days"} & set(question.options)
