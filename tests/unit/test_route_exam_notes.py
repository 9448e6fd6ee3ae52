"""route_exam_notes: practice-exam notes land on the services they are about."""

from __future__ import annotations

import pytest

from helpers import ROOT, exam_lines
from read_notes import read_notes_dir, read_notes_file
from route_exam_notes import choose, route_exam_notes, score_services
from split_by_service import split_by_service


@pytest.fixture(scope="module")
def default_routing(catalogue):
    split = split_by_service(read_notes_dir(ROOT / "notes"), catalogue)
    return route_exam_notes(split.exam_items, catalogue)


@pytest.mark.parametrize("starts_with, service", [
    ("Max Size for SQS Message is 256KB", "sqs"),
    ("PlaintText vs SecureString in SSM", "ssm-parameter-store"),
    ("Kinesis Agent is a stand-alone Java", "kinesis"),
    ("GSI vs LSI", "dynamodb"),
    ("In terms of NACL (Network Access Control List)", "vpc"),
    ("Sticky sessions are a mechanism", "elb"),
    ("SSE-C means server-side encryption", "s3"),
    ("Some HTTP Error codes", "elb"),
    ("Dedicated Instances are Amazon EC2", "ec2"),
    ("If need IAM Authentication for RDS", "rds"),
    ("Mappings:", "cloudformation"),
])
def test_issue_examples_route_to_their_service(default_routing, starts_with, service):
    matches = [route for item, route in zip(default_routing.items, default_routing.routes, strict=True)
               if item.nodes[0].text.startswith(starts_with)]
    assert len(matches) == 1
    assert matches[0][0] == service


def test_nested_secure_string_note_is_routed_on_its_own(default_routing):
    ssm_notes = [n.nodes[0].text for n in default_routing.for_service("ssm-parameter-store")]
    assert any(text.startswith("Secure Strings in SSM Parameter store") for text in ssm_notes)
    storage = [n for n in default_routing.for_service("ec2-storage")]
    assert storage and not storage[0].nodes[0].children  # the SSM sub-items left it


def test_every_default_exam_note_is_routed(default_routing):
    under_the_heading = {number for number, _ in exam_lines()}
    assert default_routing.items
    assert all(item.nodes[0].lines[0].number in under_the_heading for item in default_routing.items)
    assert all(default_routing.routes) and default_routing.unassigned == []


def test_first_named_service_wins_over_a_passing_mention(catalogue):
    scores = score_services("Transactions are all or nothing in DynamoDB. Same in RDS", catalogue)
    assert scores == {"dynamodb": 4.0, "rds": 1.0}
    assert choose(scores) == ["dynamodb"]


def test_a_comparison_goes_to_both_services(catalogue):
    scores = score_services("SQS vs SNS: SQS is pull, SNS is push", catalogue)
    assert scores == {"sqs": 5.0, "sns": 3.0}
    assert choose(scores) == ["sqs", "sns"]


def test_repeating_a_name_in_one_clause_counts_once(catalogue):
    assert score_services("SQS SQS SQS", catalogue) == {"sqs": 4.0}


def test_note_about_no_service_is_unassigned(catalogue):
    notes = read_notes_file("n.txt", "• SQS:\n  • x\nThings I got wrong\n  • drink water\n".encode())
    split = split_by_service([notes], catalogue)
    routing = route_exam_notes(split.exam_items, catalogue)
    assert routing.unassigned == [0]
